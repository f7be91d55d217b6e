#!/usr/bin/env python3
"""Writes the benchmark's mixed workload: LINES situations, one JSON object a line, 1-4 events each.

    python3 tools/bench_situations.py LINES OUT [DISTINCT]

DISTINCT situations (default 100,000, or LINES if fewer) are generated with a fixed seed and repeated in order up to
LINES: the generator is not what is measured. The mix is what a bureau's batch holds: people with certificates,
contest results and titles, enterprises with self-evaluated or trained staff, across the four cities; about one
situation in eight is from Weihai alone with a contest result. Every situation is valid (none is an error line).
"""
import json
import random
import sys

LEVELS = ["senior_worker", "technician", "senior_technician"]
CITIES = ["weihai", "yantai", "jining", "rizhao"]
TITLES = ["weihai_craftsman", "yantai_technical_expert", "jining_craftsman", "rizhao_technical_expert"]


def day(rnd, months=(1, 12)):
    return "2025-%02d-%02d" % (rnd.randint(*months), rnd.randint(1, 28))


def person_event(rnd, k):
    r = rnd.random()
    if r < 0.5:
        return {"type": "skill_level", "date": day(rnd), "level": rnd.choice(LEVELS),
                "route": rnd.choice(["jinlanling_training", "social_evaluation", "enterprise_training"])}
    if r < 0.8:
        return {"type": "competition", "date": day(rnd, (6, 12)),
                "tier": rnd.choice(["national_class1", "provincial_class1", "city_contest"]),
                "rank": rnd.randint(1, 6), "contest": "c%d" % k}
    return {"type": "title", "date": "2025-08-01", "title": rnd.choice(TITLES)}


def situation(rnd):
    city = rnd.choice(CITIES)
    events = rnd.randint(1, 4)
    if rnd.random() < 0.7:
        return {"city": city, "as_of": "2025-12-31", "applicant": {"kind": "person", "employer": "enterprise"},
                "events": [person_event(rnd, k) for k in range(events)]}
    return {"city": city, "as_of": "2025-12-31",
            "applicant": {"kind": "enterprise", "key_industry_chain": rnd.random() < 0.5},
            "events": [{"type": "skill_level", "date": day(rnd, (5, 12)), "level": rnd.choice(LEVELS),
                        "route": rnd.choice(["enterprise_self_evaluation", "enterprise_training"]),
                        "count": rnd.randint(1, 60)} for _ in range(events)]}


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    lines, out = int(sys.argv[1]), sys.argv[2]
    distinct = min(lines, int(sys.argv[3]) if len(sys.argv) > 3 else 100000)
    rnd = random.Random(20260101)
    texts = [json.dumps(situation(rnd), ensure_ascii=False, separators=(",", ":")) + "\n" for _ in range(distinct)]
    with open(out, "w", encoding="utf-8") as f:
        for start in range(0, lines, distinct):
            f.write("".join(texts[: min(distinct, lines - start)]))


if __name__ == "__main__":
    main()
