#!/usr/bin/env python3
"""`skillcalc compare`: each city's result is `eval`'s line for that city; --cities, -o, errors and exit codes."""
import json, os, sys, tempfile

from clitest_util import Checks, cli_runner

cli = sys.argv[1]
checks = Checks()
expect = checks.expect
run = cli_runner(cli, "2026-01-15", timeout=60, text=True, stdin="")


situation = {"city": "weihai", "as_of": "2025-12-01", "applicant": {"kind": "person", "age": 30, "employer": "enterprise"},
             "events": [{"id": "t", "type": "skill_level", "date": "2025-10-01", "level": "technician",
                         "route": "jinlanling_training"}]}
text = json.dumps(situation, ensure_ascii=False)

p = run(["compare", "-"], text)
expect("compare exits 0 and prints one line", p.returncode == 0 and p.stdout.count("\n") == 1)
out = json.loads(p.stdout)
expect("every city with documents by default", [c["city"] for c in out["cities"]] == ["jining", "rizhao", "weihai", "yantai"])
for c in out["cities"]:
    one = dict(situation, city=c["city"])
    e = run(["eval", "-"], json.dumps(one, ensure_ascii=False))
    # the result as eval prints it: cut from compare's line and compared byte for byte
    key = '{"city":"%s","result":' % c["city"]
    start = p.stdout.index(key) + len(key)
    raw = e.stdout.rstrip("\n")
    expect("%s: compare's result is eval's line" % c["city"], p.stdout[start:start + len(raw)] == raw)

p = run(["compare", "--cities", "yantai,weihai", "-"], text)
expect("--cities picks and orders", [c["city"] for c in json.loads(p.stdout)["cities"]] == ["yantai", "weihai"])
p = run(["compare", "--cities", "weihai,mars", "-"], text)
r = json.loads(p.stdout)
expect("an unknown city exits 2 with its path", p.returncode == 2 and r["error"]["path"] == "/cities/1"
       and r["error"]["code"] == "unknown_city")
p = run(["compare", "--cities", "", "-"], text)
expect("an empty --cities is refused", p.returncode == 2 and p.stdout == "")
p = run(["eval", "--cities", "weihai", "-"], text)
expect("--cities belongs to compare", p.returncode == 2)
p = run(["compare", "-"], "{bad")
expect("bad JSON exits 2 with an error object", p.returncode == 2 and json.loads(p.stdout)["error"]["code"] == "invalid_json")
p = run(["compare", "-"], "\ufeff\n")
expect("an empty situation is empty_input, as eval says", p.returncode == 2 and json.loads(p.stdout)["error"]["code"] == "empty_input")
p = run(["compare", "/nonexistent/file.json"])
expect("a missing file exits 2", p.returncode == 2 and json.loads(p.stdout)["error"]["code"] == "cannot_read")
with tempfile.TemporaryDirectory() as d:
    target = os.path.join(d, "out.json")
    q = run(["compare", "-o", target, "--cities", "weihai", "-"], text)
    expect("-o writes the file and nothing to stdout", q.returncode == 0 and q.stdout == ""
           and json.loads(open(target, encoding="utf-8").read())["cities"][0]["city"] == "weihai")
    q = run(["compare", "-o", os.path.join(d, "no", "such", "dir.json"), "-"], text)
    expect("-o into a missing folder exits 1", q.returncode == 1)

# RZ19 8. 企业从市外全职引进齐鲁首席技师…按照其年薪的30%…每人最高10万元: 300,000 × 30% = 90,000 in Rizhao itself.
# "From outside the city" entered for Weihai is asked in Rizhao (0 … 90,000), never carried, whether yes or no; and the
# Rizhao result is eval's for the situation with "home_city": "weihai".
for answer in (True, False):
    hire = {"city": "weihai", "as_of": "2025-09-01", "applicant": {"kind": "enterprise"},
            "events": [{"id": "h", "type": "hire", "date": "2022-04-01", "talent": "qilu_chief_technician",
                        "from_outside_city": answer, "full_time": True, "annual_salary_yuan": 300000}]}
    p = run(["compare", "--cities", "weihai,rizhao", "-"], json.dumps(hire, ensure_ascii=False))
    r = json.loads(p.stdout)
    rz = r["cities"][1]["result"]
    item = [i for i in rz["items"] if i["clause_id"] == "RZ19-08-import-reward"]
    expect("from_outside_city %s of Weihai: Rizhao asks it, 0 to 90000" % answer,
           len(item) == 1 and item[0]["total"] == {"min_yuan": 0, "max_yuan": 90000} and item[0]["certain"] is False
           and [m["field"] for m in item[0]["missing"]] == ["event.from_outside_city"])
    expect("from_outside_city %s: listed in missing for Rizhao only" % answer,
           [m["field"] for m in r["missing"]["rizhao"]] == ["event.from_outside_city"] and r["missing"]["weihai"] == [])
    e = run(["eval", "-"], json.dumps(dict(hire, city="rizhao", home_city="weihai"), ensure_ascii=False))
    key = '{"city":"rizhao","result":'
    start = p.stdout.index(key) + len(key)
    expect("from_outside_city %s: Rizhao's result is eval's with home_city" % answer,
           p.stdout[start:start + len(e.stdout.rstrip())] == e.stdout.rstrip())
own = run(["eval", "-"], json.dumps(dict(hire, city="rizhao", events=[dict(hire["events"][0], from_outside_city=True)])))
expect("in Rizhao itself, from outside Rizhao: 90000 certain", json.loads(own.stdout)["totals"] == {"min_yuan": 90000, "max_yuan": 90000})

checks.finish()
