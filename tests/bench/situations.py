#!/usr/bin/env python3
"""Prints N situations, one per line: the bureau mix of tests/bureau/bench.sh (same generator, same seed): people
with certificates, contest results and titles, enterprises with staff, across the four cities, one to three events
each; 5,000 distinct lines, repeated.
usage: situations.py N > situations.jsonl"""
import json, random, sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
rnd = random.Random(20250301)
levels = ["senior_worker", "technician", "senior_technician"]


def person(city):
    ev = []
    for k in range(rnd.randint(1, 3)):
        r = rnd.random()
        if r < 0.5:
            ev.append({"type": "skill_level", "date": "2025-%02d-%02d" % (rnd.randint(1, 12), rnd.randint(1, 28)),
                       "level": rnd.choice(levels),
                       "route": rnd.choice(["jinlanling_training", "social_evaluation", "enterprise_training"])})
        elif r < 0.8:
            ev.append({"type": "competition", "date": "2025-%02d-15" % rnd.randint(6, 12),
                       "tier": rnd.choice(["national_class1", "provincial_class1", "city_contest"]),
                       "rank": rnd.randint(1, 6), "contest": "c%d" % k})
        else:
            ev.append({"type": "title", "date": "2025-08-01", "title": rnd.choice(
                ["weihai_craftsman", "yantai_technical_expert", "jining_craftsman", "rizhao_technical_expert"])})
    return {"city": city, "as_of": "2025-12-31", "applicant": {"kind": "person", "employer": "enterprise"}, "events": ev}


def enterprise(city):
    return {"city": city, "as_of": "2025-12-31", "applicant": {"kind": "enterprise", "key_industry_chain": rnd.random() < 0.5},
            "events": [{"type": "skill_level", "date": "2025-%02d-10" % rnd.randint(5, 12), "level": rnd.choice(levels),
                        "route": rnd.choice(["enterprise_self_evaluation", "enterprise_training"]),
                        "count": rnd.randint(1, 60)}]}


cities = ["weihai", "yantai", "jining", "rizhao"]
lines = []
for i in range(min(n, 5000)):
    c = rnd.choice(cities)
    lines.append(json.dumps(person(c) if rnd.random() < 0.7 else enterprise(c), ensure_ascii=False, separators=(",", ":")))
out = sys.stdout
for i in range(n):
    out.write(lines[i % len(lines)])
    out.write("\n")
