#!/usr/bin/env python3
"""The authoring loop of README "Adding a policy document", with no rebuild: a sixth document (an invented city,
tests/fixtures/lanhai-2026/) added to a copy of rules/ through `skillcalc new`, its files filled in from the fixture,
then `check` (rules, quotes and cases), `catalog`, `documents` and `eval` with --rules, and tools/cases.py --rules.

  authoring_loop_test.py SKILLCALC SOURCE_DIR
"""
import json, os, shutil, subprocess, sys, tempfile

from clitest_util import Checks, cli_runner

cli, root = sys.argv[1], sys.argv[2]
fixture = os.path.join(root, "tests", "fixtures", "lanhai-2026")
checks = Checks(limit=2000)
expect = checks.expect
run_args = cli_runner(cli, "2026-09-01", timeout=120, text=True)


def run(*args):
    return run_args(args)


tmp = tempfile.mkdtemp(prefix="skillcalc-authoring-")
try:
    rules = os.path.join(tmp, "rules")
    shutil.copytree(os.path.join(root, "rules"), rules)
    folder = os.path.join(rules, "lanhai-2026")

    # 1. new: the folder laid out, the text copied byte for byte, a skeleton with one measure of each kind.
    p = run("new", "--rules", rules, "--text", os.path.join(fixture, "source.txt"), "lanhai-2026")
    expect("new exits 0", p.returncode == 0, p.stderr)
    expect("new copies the text byte for byte",
           open(os.path.join(folder, "source.txt"), "rb").read() == open(os.path.join(fixture, "source.txt"), "rb").read())
    skeleton = json.load(open(os.path.join(folder, "rules.json"), encoding="utf-8"))
    kinds = [m["kind"] for m in skeleton["measures"]]
    expect("the skeleton has one measure of each kind", sorted(kinds) == sorted(set(kinds)) and len(kinds) == 7, str(kinds))
    expect("the skeleton names the new city in its own vocabulary", "lanhai" in skeleton["vocabulary"]["cities"])
    expect("cases.json starts empty", json.load(open(os.path.join(folder, "cases.json"))) == [])
    p = run("new", "--rules", rules, "lanhai-2026")
    expect("new refuses an existing folder", p.returncode == 2 and "already exists" in p.stderr, p.stderr)
    expect("the refused new leaves the folder alone",
           json.load(open(os.path.join(folder, "rules.json"), encoding="utf-8")) == skeleton)
    p = run("new", "--rules", rules, "Lanhai 2026")
    expect("new refuses a name that is not city-year", p.returncode == 2, p.stderr)

    # 2. check on the skeleton: it loads; what is left to do is its example quotes, each with file, line and pointer.
    p = run("check", rules)
    report = json.loads(p.stdout)
    codes = {q["code"] for q in report.get("problems", [])}
    expect("check refuses the skeleton until its quotes are real", p.returncode == 2 and codes == {"quote_not_in_source"},
           p.stdout)
    expect("each skeleton problem has a line", all(q.get("line", 0) > 1 for q in report.get("problems", [])), p.stdout)
    expect("stderr names file:line", "lanhai-2026/rules.json:" in p.stderr, p.stderr)

    # 3. the files filled in (here: from the fixture); check passes, the cases of all six documents hold.
    for f in ("rules.json", "cases.json"):
        shutil.copyfile(os.path.join(fixture, f), os.path.join(folder, f))
    p = run("check", rules)
    report = json.loads(p.stdout)
    expect("check passes with the sixth document", p.returncode == 0 and report["ok"] is True, p.stdout + p.stderr)
    expect("check counts six documents", report.get("counts", {}).get("documents") == 6, p.stdout)
    n_cases = sum(len(json.load(open(os.path.join(rules, d, "cases.json"), encoding="utf-8")))
                  for d in os.listdir(rules) if os.path.exists(os.path.join(rules, d, "cases.json")))
    expect("check runs every case", report.get("counts", {}).get("cases") == n_cases, p.stdout)
    expect("check says all hold", report.get("summary", {}).get("en", "").endswith("cases: all hold"), p.stdout)

    # 4. the rest of the tool takes it with --rules: documents, catalog, eval; and tools/cases.py --rules.
    p = run("--rules", rules, "documents")
    docs = json.loads(p.stdout)
    expect("documents lists LH26", any(d["id"] == "LH26" for d in docs["documents"]), p.stdout)
    expect("documents lists the new city after the others",
           [c["id"] for c in docs["cities"]][-1] == "lanhai" and docs["cities"][-1]["documents"] == 1, p.stdout)
    p = run("--rules", rules, "catalog", "lanhai")
    cat = json.loads(p.stdout)
    expect("catalog lanhai", p.returncode == 0 and cat["ok"] is True and cat["label"]["zh"] == "蓝海", p.stdout)
    comp = [e for e in cat.get("event_types", []) if e["id"] == "competition"]
    tiers = [o["id"] for f in (comp[0]["fields"] if comp else []) if f["id"] == "tier" for o in f["options"]]
    expect("the catalog offers every contest tier where a right holds for any tier",
           "provincial_class2" in tiers and "city_contest" in tiers, str(tiers))
    titles = [o["id"] for e in cat.get("event_types", []) if e["id"] == "title" for f in e["fields"]
              if f["id"] == "title" for o in f["options"]]
    expect("the catalog offers the city's own title", "lanhai_chief_technician" in titles, str(titles))
    situation = {"city": "lanhai", "as_of": "2026-09-01", "applicant": {"kind": "person"},
                 "events": [{"type": "competition", "date": "2026-06-10", "tier": "city_contest", "rank": 2}]}
    p = subprocess.run([cli, "--rules", rules, "eval", "-"], input=json.dumps(situation), capture_output=True,
                       text=True, timeout=60)
    r = json.loads(p.stdout)
    expect("second place in the Lanhai contest pays 3000 (clause 一)", r.get("totals", {}).get("max_yuan") == 3000, p.stdout)
    p = subprocess.run([sys.executable, os.path.join(root, "tools", "cases.py"), "--rules", rules, cli,
                        os.path.join(folder, "cases.json")], capture_output=True, text=True, timeout=120)
    expect("tools/cases.py --rules runs the new cases", p.returncode == 0 and " 0 failed" in p.stdout, p.stdout)

    # 5. what check refuses: a case that does not hold, a monthly payment with no term decided, a file that is not JSON.
    cases = json.load(open(os.path.join(folder, "cases.json"), encoding="utf-8"))
    bogus = {"name": "a bogus case: second place pays 5000", "situation": situation,
             "expect": {"granted": {"LH26-01-skill-star-contest": [5000, 5000]}}}
    json.dump(cases + [bogus], open(os.path.join(folder, "cases.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
    p = run("check", rules)
    report = json.loads(p.stdout)
    fails = [q for q in report.get("problems", []) if q["code"] == "case_fails"]
    expect("a case that does not hold fails the check", p.returncode == 2 and len(fails) == 1, p.stdout)
    expect("the failure names the case and what differs",
           fails and "a bogus case" in fails[0]["en"] and "granted [3000, 3000], expected [5000, 5000]" in fails[0]["en"]
           and fails[0]["path"] == "/%d" % len(cases), p.stdout)
    shutil.copyfile(os.path.join(fixture, "cases.json"), os.path.join(folder, "cases.json"))
    broken = json.load(open(os.path.join(fixture, "rules.json"), encoding="utf-8"))
    del broken["measures"][1]["schedule"]["count"]
    json.dump(broken, open(os.path.join(folder, "rules.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=2)
    p = run("check", rules)
    hits = [q for q in json.loads(p.stdout).get("problems", []) if q["code"] == "missing_count"]
    expect("a monthly payment without count is refused at its schedule",
           p.returncode == 2 and hits and hits[0]["path"] == "/measures/1/schedule" and hits[0].get("line"), p.stdout)
    text = open(os.path.join(fixture, "rules.json"), encoding="utf-8").read().replace('"clause": "二",', '"clause": "二"', 1)
    open(os.path.join(folder, "rules.json"), "w", encoding="utf-8").write(text)
    p = run("check", rules)
    hits = [q for q in json.loads(p.stdout).get("problems", []) if q["code"] == "invalid_json"]
    line = text[:text.index('"clause": "二"')].count("\n") + 2  # the comma was due at the end of that line
    expect("invalid JSON is reported with line and column", hits and hits[0].get("line") == line and hits[0].get("column"),
           p.stdout + " want line %d" % line)
finally:
    shutil.rmtree(tmp, ignore_errors=True)
checks.finish()
