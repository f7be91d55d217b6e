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
p = run(["compare", "/nonexistent/file.json"])
expect("a missing file exits 2", p.returncode == 2 and json.loads(p.stdout)["error"]["code"] == "cannot_read")
with tempfile.TemporaryDirectory() as d:
    target = os.path.join(d, "out.json")
    q = run(["compare", "-o", target, "--cities", "weihai", "-"], text)
    expect("-o writes the file and nothing to stdout", q.returncode == 0 and q.stdout == ""
           and json.loads(open(target, encoding="utf-8").read())["cities"][0]["city"] == "weihai")
    q = run(["compare", "-o", os.path.join(d, "no", "such", "dir.json"), "-"], text)
    expect("-o into a missing folder exits 1", q.returncode == 1)
checks.finish()
