#!/usr/bin/env python3
"""烟台 (七) beside (十一) under their yearly caps, against a definition written from the text.

An enterprise in a 重点产业链 that evaluates its own workers may have (七) 按照评价等级和人数给予最高5万元经费支持 (at most
50,000 a year) or (十一) 新晋升的技师、高级技师、特级技师、首席技师 2500/3000/6000/8000 元 a head (每家企业每年不超过10万元);
(十六) 就高不重复: each batch is paid by one of them. (七)'s amount is not known until assessed (0 … 50,000), so the least a
year is certain to bring is what (十一) alone brings within its cap. This test evaluates random years of batches and
checks that the items' least adds up to exactly that, with every batch happened, and the totals' most to the best
choice of measures for the year within both caps (never more: the items' most may add up to more), and that money due
plus a plan never adds up to more than it (a plan never takes room from money already due, nor adds certain money above a cap).
usage: yantai_caps_test.py SKILLCALC
"""
import collections
import itertools
import json
import random
import subprocess
import sys
import tempfile

RATE = {"technician": 2500, "senior_technician": 3000, "principal_technician": 6000, "chief_technician": 8000}
ROUTES = ["enterprise_self_evaluation", "enterprise_self_evaluation", "social_evaluation", "enterprise_training"]
MEASURES = ("YT24-07-self-eval-support", "YT24-11-technician-upgrade-subsidy")


def situations(n, as_of, seed):
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        events = []
        for k in range(rnd.randint(1, 4)):
            year = rnd.choice(["2025", "2025", "2026"])
            events.append({"id": "b%d" % k, "type": "skill_level",
                           "date": "%s-%02d-%02d" % (year, rnd.randint(1, 12), rnd.randint(1, 28)),
                           "level": rnd.choice(list(RATE)), "count": rnd.choice([1, 2, 5, 10, 20, 40, 60]),
                           "route": rnd.choice(ROUTES), "trained_by": "own_enterprise"})
        out.append({"city": "yantai", "as_of": as_of, "applicant": {"kind": "enterprise", "key_industry_chain": True},
                    "events": events})
    return out


def least(s, upto=None):
    """What the years certainly bring: (十一) alone within 100,000 a year (the events up to `upto`, if given)."""
    years = collections.defaultdict(int)
    for e in s["events"]:
        if upto is None or e["date"] <= upto:
            years[e["date"][:4]] += RATE[e["level"]] * e["count"]
    return sum(min(100000, v) for v in years.values())


def most(s):
    """The most the years can bring: each batch paid by one measure ((七) only for a self-evaluated batch), chosen for
    the year (the year's batches are claimed together, 当年…核准的资金项目于次年拨付): (七) at most 50,000 a year
    however many batches take it, (十一) within 100,000 a year."""
    years = collections.defaultdict(list)
    for e in s["events"]:
        years[e["date"][:4]].append(e)
    total = 0
    for batches in years.values():
        best = 0
        for choice in itertools.product((7, 11), repeat=len(batches)):
            if any(c == 7 and e["route"] != "enterprise_self_evaluation" for c, e in zip(choice, batches)):
                continue
            by_eleven = sum(RATE[e["level"]] * e["count"] for c, e in zip(choice, batches) if c == 11)
            best = max(best, (50000 if 7 in choice else 0) + min(100000, by_eleven))
        total += best
    return total


def evaluate(cli, sits):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        f.write("".join(json.dumps(s) + "\n" for s in sits))
    p = subprocess.run([cli, "eval", "--jsonl", "--quiet", f.name], capture_output=True, text=True)
    return [json.loads(line) for line in p.stdout.splitlines()]


def items_min(r, planned):
    return sum(i["total"]["min_yuan"] for i in r["items"] if i["clause_id"] in MEASURES and i.get("total") and
               i["status"] in ("granted", "capped") and bool(i.get("planned")) == planned)


def main():
    cli = sys.argv[1]
    failed = 0
    sits = situations(3000, "2026-12-31", 7)
    for s, r in zip(sits, evaluate(cli, sits)):
        if items_min(r, False) != least(s):
            failed += 1
            if failed <= 5:
                print("FAIL the least of the years is (十一) within its cap:", least(s), items_min(r, False), json.dumps(s))
        if r["totals"]["max_yuan"] != most(s):
            failed += 1
            if failed <= 5:
                print("FAIL the most of the years is the best choice within both caps:", most(s),
                      r["totals"]["max_yuan"], json.dumps(s))
    sits = situations(3000, "2025-07-01", 11)
    for s, r in zip(sits, evaluate(cli, sits)):
        due, plan = items_min(r, False), items_min(r, True)
        if due != least(s, "2025-07-01") or due + plan > least(s):
            failed += 1
            if failed <= 10:
                print("FAIL due %d and planned %d against %d due and %d in all" % (due, plan, least(s, "2025-07-01"), least(s)),
                      json.dumps(s))
    print("%d failed of 6000" % failed)
    sys.exit(1 if failed else 0)


main()
