#!/usr/bin/env python3
"""Run golden cases through the skillcalc CLI and compare with their expectations.

usage: cases.py [--rules DIR] CLI FILE...
  FILE: a cases.json array, a .jsonl file, or a folder of .json cases; --rules DIR: evaluate against the rules of
  DIR instead of the built-in set (as `skillcalc check DIR` does for DIR/*/cases.json).
Prints each failure and a last line 'N passed, M failed, K skipped'; exits 1 when any case fails. A case for a city
the vocabulary knows but no document covers yet is skipped. The expectation keys are described in rules/FORMAT.md
("cases.json")."""
import json, os, subprocess, sys


def cities_without_documents(cli):
    """The cities of the vocabulary with no document (skillcalc documents): their cases wait for their rules."""
    p = subprocess.run(cli + ["documents"], capture_output=True, text=True, timeout=60)
    return {c["id"] for c in json.loads(p.stdout).get("cities", []) if not c.get("documents")}


def readings():
    """Shared examples the project reads differently, with the expectation that holds instead (README)."""
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "example-readings.json")
    return {r["example"]: r["expect"] for r in json.load(open(here, encoding="utf-8"))}


def load(path):
    cases = load_file(path)
    other = readings()
    for c in cases:
        if isinstance(c, dict) and c.get("name") in other:
            c["expect"] = other[c["name"]]
    return cases


def load_file(path):
    if os.path.isdir(path):
        return [json.load(open(os.path.join(path, f), encoding="utf-8"))
                for f in sorted(os.listdir(path)) if f.endswith(".json")]
    if path.endswith(".jsonl"):
        return [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    return json.load(open(path, encoding="utf-8"))


def items_of(res, prefix):
    return [i for i in res.get("items", []) if str(i.get("clause_id", "")).startswith(prefix)]


def money(i):
    t = i.get("total") or {}
    return (t.get("min_yuan") or 0, t.get("max_yuan") or 0)


def paid(res, cid):
    return [i for i in items_of(res, cid) if i.get("status") in ("granted", "capped")]


def texts(i):
    """Every worker-facing text of an item: its explanation, option and benefit, in both languages."""
    return [(i.get(k) or {}).get(l) or "" for k in ("explain", "option", "benefit") for l in ("zh", "en")]


def check_words(e, res):
    """How an item is scheduled and worded, what a suggestion says, and words nothing may say."""
    bad, notes = [], [n.get(l) or "" for n in res.get("notes", []) for l in ("zh", "en")]
    for cid, sched in e.get("schedule", {}).items():
        if not any(all((i.get("schedule") or {}).get(k) == v for k, v in sched.items()) for i in items_of(res, cid)):
            bad.append("%s has no item with schedule %s" % (cid, sched))
    for cid, words in e.get("says", {}).items():
        if not any(words in t for i in items_of(res, cid) for t in texts(i)):
            bad.append("%s says nowhere %r" % (cid, words))
    for cid, words in e.get("suggests", {}).items():
        sugs = [s for s in res.get("suggestions", []) if str(s.get("clause_id", "")).startswith(cid)]
        if not any(words in (s.get("needs") or {}).get(l, "") for s in sugs for l in ("zh", "en")):
            bad.append("no suggestion of %s says %r" % (cid, words))
    for words in e.get("never_says", []):
        if any(words in t for i in res.get("items", []) for t in texts(i)) or any(words in n for n in notes):
            bad.append("the result says %r" % words)
    return bad


KEYS = {"granted", "not_granted", "present", "monthly", "totals", "error_path", "absent", "ambiguous", "suggested",
        "notes_contain", "schedule", "says", "suggests", "never_says", "others", "other_totals", "uncertain", "planned", "planned_totals", "documents",
        "not_suggested"}


def check(case, res):
    e = case["expect"]
    bad = ["unknown expectation %r" % k for k in e if k not in KEYS]
    if "error_path" in e:
        if res.get("ok") is not False:
            return bad + ["expected ok:false"]
        p = (res.get("error") or {}).get("path")
        return bad + ([] if p == e["error_path"] else ["error.path %r != %r" % (p, e["error_path"])])
    if res.get("ok") is False:
        return ["unexpected error: %s" % json.dumps(res.get("error"), ensure_ascii=False)[:300]]
    for cid, (lo, hi) in e.get("granted", {}).items():
        g = paid(res, cid)
        if not g:
            bad.append("%s not granted" % cid)
            continue
        s = (sum(money(i)[0] for i in g), sum(money(i)[1] for i in g))
        if s != (lo, hi):
            bad.append("%s total %s != %s" % (cid, s, (lo, hi)))
    for cid in e.get("not_granted", []):
        if paid(res, cid):
            bad.append("%s granted but should not be" % cid)
    for cid, st in e.get("present", {}).items():
        if st not in [i.get("status") for i in items_of(res, cid)]:
            bad.append("%s has no item with status %s" % (cid, st))
    for cid, y in e.get("monthly", {}).items():
        ok = any((i.get("schedule") or {}).get("kind") == "monthly" and (i.get("amount") or {}).get("yuan") == y
                 for i in paid(res, cid))
        if not ok:
            bad.append("%s not granted at %d a month" % (cid, y))
    for cid in e.get("absent", []):
        bad += ["%s has an item, status %s" % (cid, i.get("status")) for i in items_of(res, cid)]
    for cid in e.get("ambiguous", []):
        if not any(i.get("ambiguous") for i in items_of(res, cid)):
            bad.append("%s has no item marked ambiguous" % cid)
    for cid in e.get("suggested", []):
        if cid not in [s.get("clause_id") for s in res.get("suggestions", [])]:
            bad.append("%s not among the suggestions" % cid)
    for cid in e.get("not_suggested", []):
        if cid in [s.get("clause_id") for s in res.get("suggestions", [])]:
            bad.append("%s among the suggestions but should not be" % cid)
    for words in e.get("notes_contain", []):
        if not any(words in n.get("zh", "") or words in n.get("en", "") for n in res.get("notes", [])):
            bad.append("no note says %r" % words)
    bad += check_words(e, res)
    for cid, (lo, hi) in e.get("others", {}).items():
        g = [i for i in paid(res, cid) if i.get("for_applicant") is False]
        s = (sum(money(i)[0] for i in g), sum(money(i)[1] for i in g))
        if not g or s != (lo, hi):
            bad.append("%s for others %s != %s" % (cid, s, (lo, hi)))
    if "other_totals" in e:
        got = {o["recipient"]: [o["min_yuan"], o["max_yuan"]] for o in res.get("other_totals", [])}
        if got != e["other_totals"]:
            bad.append("other_totals %s != %s" % (got, e["other_totals"]))
    for cid in e.get("uncertain", []):
        if not any(i.get("certain") is False for i in items_of(res, cid)):
            bad.append("%s has no uncertain item" % cid)
    if "totals" in e:
        t = res.get("totals") or {}
        got = (t.get("min_yuan"), t.get("max_yuan"))
        if got != tuple(e["totals"]):
            bad.append("totals %s != %s" % (got, tuple(e["totals"])))
    if "planned_totals" in e:
        t = res.get("planned_totals") or {}
        got = (t.get("min_yuan"), t.get("max_yuan"))
        if got != tuple(e["planned_totals"]):
            bad.append("planned_totals %s != %s" % (got, tuple(e["planned_totals"])))
    for cid in e.get("planned", []):
        mine = [i for i in res.get("items", []) if i.get("clause_id", "").startswith(cid)]
        if not mine or not all(i.get("planned") for i in mine):
            bad.append("%s has items not marked planned" % cid)
    for did, st in e.get("documents", {}).items():
        if not any(d.get("id") == did and d.get("status") == st for d in res.get("documents", [])):
            bad.append("document %s is not listed with status %s" % (did, st))
    return bad


def results(cli, cases):
    """Every case's situation through one `eval --jsonl` run: one result per case, in order (None where missing)."""
    text = "".join(json.dumps(c.get("situation"), ensure_ascii=False) + "\n" for c in cases)
    p = subprocess.run(cli + ["eval", "--jsonl", "-"], input=text, capture_output=True, text=True, timeout=600)
    out = [json.loads(l) for l in p.stdout.splitlines() if l.strip()]
    return out + [None] * (len(cases) - len(out))


def main():
    args = sys.argv[1:]
    rules = []
    if len(args) >= 2 and args[0] == "--rules":
        rules, args = ["--rules", args[1]], args[2:]
    if len(args) < 2:
        sys.exit(__doc__)
    cli = [args[0]] + rules
    waiting = cities_without_documents(cli)
    passed, failed, pending = 0, 0, 0
    for path in args[1:]:
        cases = load(path)
        for c, res in zip(cases, results(cli, cases)):
            try:
                if res is None:
                    raise ValueError("no result line")
                if (res.get("error") or {}).get("code") == "unknown_city" and c["situation"].get("city") in waiting:
                    pending += 1  # the city's rules are not encoded yet
                    print("PENDING [%s] %s: no rules for %s yet" % (path, c.get("name"), c["situation"]["city"]))
                    continue
                bad = check(c, res)
            except Exception as ex:  # a crash or garbage output is a failure, not a skipped case
                bad = ["no usable answer: %s" % str(ex)[:200]]
            if bad:
                failed += 1
                print("FAIL [%s] %s: %s" % (path, c.get("name"), "; ".join(bad)))
            else:
                passed += 1
    print("%d passed, %d failed, %d skipped" % (passed, failed, pending))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
