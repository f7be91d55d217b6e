#!/usr/bin/env python3
"""Seed corpora for the fuzz targets, written into a build folder (never committed).

  make_corpus.py OUT        OUT/situation/: every golden case's situation (rules/*/cases.json, tests/cases/*.json),
                            one per file, plus the largest situations the limits allow and ones just past them;
                            OUT/parity/: the same situations, for the streaming reader against the DOM reader;
                            OUT/rules/: every rules/*/rules.json and tests/broken-rules/*/<doc>/rules.json.
  make_corpus.py --dict     prints the libFuzzer dictionary (tests/fuzz/skillcalc.dict) from rules/vocabulary.json.
"""
import glob, hashlib, json, os, shutil, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def compact(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode()


def write(folder, data):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, hashlib.sha1(data).hexdigest()[:16]), "wb") as f:
        f.write(data)


def limit_seeds():
    """The worst the limits allow (200 events, about 256 KiB, 16 levels) and just past each limit."""
    big_event = {"type": "competition", "date": "2025-07-01", "tier": "national_class1", "rank": 1, "contest": "c" * 90}
    events = [dict(big_event, id="e%03d" % i, rank=1 + i % 5) for i in range(200)]
    yield compact({"city": "yantai", "as_of": "2025-09-01", "applicant": {"kind": "person"}, "events": events})
    yield compact({"city": "yantai", "applicant": {"kind": "person"}, "events": events + [dict(big_event, id="x")]})
    deep = {"city": "weihai", "applicant": {"kind": "person"}, "events": [{"type": "title", "title": "weihai_craftsman"}]}
    nest = deep
    for _ in range(13):
        nest["x"] = {}
        nest = nest["x"]
    yield compact(deep)  # 16 levels, refused as an unknown field
    nest["y"] = [[]]
    yield compact(deep)  # deeper than 16
    pad = compact({"city": "weihai", "applicant": {"kind": "person"}, "events": []})
    yield pad[:-1] + b" " * (256 * 1024 - len(pad)) + b"}"  # exactly 256 KiB
    yield pad[:-1] + b" " * (256 * 1024 + 1 - len(pad)) + b"}"  # one byte over


def corpus(out):
    for sub in ("situation", "rules"):
        shutil.rmtree(os.path.join(out, sub), ignore_errors=True)
    n = 0
    files = sorted(glob.glob(os.path.join(ROOT, "rules", "*", "cases.json")) + glob.glob(os.path.join(ROOT, "tests", "cases", "*.json")))
    for path in files:
        data = json.load(open(path, encoding="utf-8"))
        for case in data if isinstance(data, list) else [data]:
            write(os.path.join(out, "situation"), compact(case["situation"]))
            n += 1
    for seed in limit_seeds():
        write(os.path.join(out, "situation"), seed)
        n += 1
    rules = sorted(glob.glob(os.path.join(ROOT, "rules", "*", "rules.json")) + glob.glob(os.path.join(ROOT, "tests", "broken-rules", "*", "*", "rules.json")))
    for path in rules:
        write(os.path.join(out, "rules"), open(path, "rb").read())
    # The command line's readers: the bureau CSVs (csv, claims) and the situations as JSONL (jsonl, claims).
    for sub in ("csv", "jsonl", "claims"):
        shutil.rmtree(os.path.join(out, sub), ignore_errors=True)
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "bureau", "*.csv"))):
        data = open(path, "rb").read()
        for sub in ("csv", "claims"):
            write(os.path.join(out, sub), data)
    situations = sorted(glob.glob(os.path.join(out, "situation", "*")))
    for k in range(0, min(len(situations), 200), 8):
        lines = b"".join(open(p, "rb").read()[:4000] + b"\n" for p in situations[k:k + 8])
        write(os.path.join(out, "jsonl"), lines + b"\n \r\n")
        write(os.path.join(out, "claims"), lines)
    shutil.rmtree(os.path.join(out, "parity"), ignore_errors=True)
    shutil.copytree(os.path.join(out, "situation"), os.path.join(out, "parity"))  # the same seeds, two readers
    shutil.rmtree(os.path.join(out, "json"), ignore_errors=True)
    shutil.copytree(os.path.join(out, "rules"), os.path.join(out, "json"))  # rule files and situations: any JSON
    for path in situations:
        shutil.copy(path, os.path.join(out, "json"))
    print("%d situation seeds, %d rule seeds in %s (and csv, jsonl, claims)" % (n, len(rules), out))


def dictionary():
    v = json.load(open(os.path.join(ROOT, "rules", "vocabulary.json"), encoding="utf-8"))
    words = set()
    for section in ("cities", "applicant_kinds", "payers", "applicant_fields", "event_types", "fields", "values"):
        words.update(v[section].keys())
    for et in v["event_types"].values():
        words.update(et.get("fields", {}).keys())
        for name in et.get("fields", {}):
            words.add("event." + name)
    for f in v["fields"].values():
        words.update(f.get("values", []))
    for name in v["applicant_fields"]:
        words.add("applicant." + name)
    # The situation's and the rule format's own keys and kinds (rules/FORMAT.md).
    words.update("""city as_of applicant events id type date kind document measures stacking caps target_only vocabulary
        number title issuer dated period from to period_quote clause_label notes clause quote applicants recipient
        event when amount options per_head schedule payers what needs ambiguous supersedes benefit comment label zh en
        who share rule key max_yuan min_yuan yuan percent of fixed range up_to floor unstated none once monthly yearly
        count_from max_count in not_in min max present highest achievement applicant_year money_one_time
        money_periodic money_per_head money_percent money_upper_bound tax_credit non_monetary add_values values_from
        def kinds required""".split())
    lines = ["# libFuzzer dictionary for skillcalc: ids of rules/vocabulary.json and the keys of the situation and",
             "# rule formats. Regenerate with: tests/fuzz/make_corpus.py --dict > tests/fuzz/skillcalc.dict"]
    lines += ['"%s"' % w for w in sorted(words)]
    lines += ['"2025-07-01"', '"1900-01-01"', '"2200-12-31"', '"2024-02-29"', '"null"', '"true"', '"false"',
              '"-1"', '"1e300"', '"18446744073709551616"', '"\\\\u0000"', '"\\xe4\\xb8\\x87\\xe5\\x85\\x83"']
    print("\n".join(lines))


if __name__ == "__main__":
    if len(sys.argv) == 2 and sys.argv[1] == "--dict":
        dictionary()
    elif len(sys.argv) == 2:
        corpus(sys.argv[1])
    else:
        sys.exit(__doc__)
