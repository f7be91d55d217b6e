#!/usr/bin/env python3
"""The command line's contract: exit codes, batch mode that goes on past bad lines, clean errors for bad input."""
import json, os, subprocess, sys, tempfile

from clitest_util import Checks, cli_runner

cli = sys.argv[1]
checks = Checks()
expect = checks.expect
run = cli_runner(cli, "2026-01-15", timeout=30, text=True, stdin="")


good = json.dumps({"city": "weihai", "applicant": {"kind": "person"},
                   "events": [{"type": "title", "date": "2025-06-01", "title": "weihai_craftsman"}]})
p = run(["eval", "-"], good)
expect("eval exits 0 on a good situation", p.returncode == 0 and json.loads(p.stdout)["ok"] is True)
expect("eval prints one line", p.stdout.count("\n") == 1)
p2 = run(["eval", "-"], good)
expect("the same situation prints the same bytes", p.stdout == p2.stdout)
p = run(["eval", "-"], "{not json")
expect("eval exits 2 on bad JSON", p.returncode == 2 and json.loads(p.stdout)["error"]["code"] == "invalid_json")
p = run(["--help"])
expect("--help says each command in Chinese and in English, exit 0",
       p.returncode == 0 and p.stdout.startswith("用法") and "\nusage: skillcalc" in p.stdout
       and all(c in p.stdout.split("usage:")[0] for c in ("eval --csv", "budget", "compare", "退出码")))
p = run(["frobnicate"])
expect("an unknown command gets the usage in both languages on stderr, exit 2",
       p.returncode == 2 and "用法" in p.stderr and "usage:" in p.stderr)
labelled = json.dumps({"city": "weihai", "applicant": {"kind": "enterprise"}, "events": [{"id": "e1", "type": "skill_level",
                      "date": "2025-07-01", "level": "技师", "route": "enterprise_self_evaluation", "count": 2}]}, ensure_ascii=False)
e = json.loads(run(["eval", "-"], labelled).stdout)["error"]
expect("an option's name where its id belongs is refused with the id to write, in both languages",
       e["code"] == "unknown_id" and e["path"] == "/events/0/level" and "请填写编号 technician" in e["zh"]
       and "write the id technician" in e["en"], e)
p = run(["eval", "--csv", "-"], "\napplicant,city,applicant_kind,type,date,level\nA,weihai,person,skill_level,2025-06-01,technician\n")
expect("a CSV whose first line is blank is refused as such, not as a missing column",
       p.returncode == 2 and "第 1 行是空行" in p.stderr and "line 1 is blank" in p.stderr, p.stderr)
p = run(["eval", "--jsonl", "-"], "\ufeff\n")
expect("a JSONL file of nothing but a byte-order mark is one blank line, not bad JSON",
       json.loads(p.stdout.splitlines()[0])["error"]["code"] == "empty_line", p.stdout)
with tempfile.TemporaryDirectory() as tmp:
    same = os.path.join(tmp, "claims.jsonl")
    with open(same, "w") as f:
        f.write(good + "\n")
    os.symlink(same, os.path.join(tmp, "link.jsonl"))
    for args in (["eval", "--jsonl", same, "-o", same], ["eval", "--csv", same, "-o", os.path.join(tmp, "link.jsonl")],
                 ["budget", same, "-o", same], ["eval", same, "-o", same]):
        p = run(args)
        with open(same) as f:
            kept = f.read() == good + "\n"
        expect("-o naming the input file (%s) is refused before anything is written, the input kept" % args[1],
               p.returncode == 2 and "就是输入文件" in p.stderr and "is the input file" in p.stderr and kept, p.stderr)
    with open(same) as stdin:  # `skillcalc eval --jsonl - -o claims.jsonl < claims.jsonl`: the same file by stdin
        p = subprocess.run([cli, "--today", "2026-01-15", "eval", "--jsonl", "-", "-o", same], stdin=stdin,
                           capture_output=True, text=True, timeout=30)
    with open(same) as f:
        kept = f.read() == good + "\n"
    expect("-o naming the file standard input is read from is refused too, the input kept",
           p.returncode == 2 and "is the input file" in p.stderr and kept, p.stderr)
with tempfile.TemporaryDirectory() as tmp:
    sheet = os.path.join(tmp, "claims.txt")
    with open(sheet, "w") as f:
        f.write("applicant,city,applicant_kind,type,date,level\nA,weihai,person,skill_level,2025-06-01,technician\n")
    p = run(["eval", "--jsonl", sheet])
    expect("a claims CSV given to eval --jsonl is answered line by line and named once as a spreadsheet",
           p.returncode == 2 and p.stderr.count("请用 eval --csv") == 1 and len(p.stdout.splitlines()) == 2, p.stderr)
for empty in ("", "\ufeff\n", "  \n\n"):
    p = run(["eval", "-"], empty)
    expect("an empty input (%r) is said to be empty, not bad JSON at byte 1" % empty,
           p.returncode == 2 and json.loads(p.stdout)["error"]["code"] == "empty_input", p.stdout)
p = run(["eval", "/nonexistent/file.json"])
expect("eval exits 2 on a missing file", p.returncode == 2 and json.loads(p.stdout)["ok"] is False)
for junk in ["", "null", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", "\xff\xfe", '{"city":"weihai","applicant":{"kind":"person"},"events":[{"type":"title","title":null}]}']:
    p = run(["eval", "-"], junk)
    expect("junk %r gives an error object" % junk[:20], p.returncode == 2 and json.loads(p.stdout)["ok"] is False)
lines = "\n".join([good, "{bad", "", good, json.dumps({"city": "mars", "applicant": {"kind": "person"}})]) + "\n"
p = run(["eval", "--jsonl", "-"], lines)
out = [json.loads(l) for l in p.stdout.splitlines()]
expect("jsonl gives one line per input line, the blank one too", len(out) == 5)
expect("jsonl goes on past a bad line", [o["ok"] for o in out] == [True, False, False, True, False])
expect("an error object names its input line", [o.get("line") for o in out] == [None, 2, 3, None, 5])
expect("jsonl exits 2 when a line was bad", p.returncode == 2)
# --compact: the same answers without the words, the same errors on the same lines.
p = run(["eval", "--jsonl", "--compact", "-"], lines)
compact = [json.loads(l) for l in p.stdout.splitlines()]
expect("jsonl --compact gives one line per input line", len(compact) == 5 and p.returncode == 2)
expect("jsonl --compact errors are the full errors, line for line", [o for o in compact if not o["ok"]] == [o for o in out if not o["ok"]])
expect("jsonl --compact totals are the full totals", [o.get("totals") for o in compact] == [o.get("totals") for o in out])
expect("a compact item has no explanation", all("explain" not in i for o in compact if o["ok"] for i in o["items"]))
# A pipe fed a line at a time (another program asking as it goes) gets each answer before it sends the next line.
import select, subprocess
co = subprocess.Popen([cli, "--today", "2026-01-15", "eval", "--jsonl", "-"], stdin=subprocess.PIPE,
                      stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
answered = []
for line in (good, "{bad", good):
    co.stdin.write((line + "\n").encode())
    co.stdin.flush()
    ready, _, _ = select.select([co.stdout], [], [], 10)
    answered.append(json.loads(co.stdout.readline())["ok"] if ready else "no answer within 10 s")
co.stdin.close()
co.wait(timeout=30)
expect("a line fed through a pipe is answered before the next line comes", answered == [True, False, True], answered)
# --threads: a batch answered by several threads is the same bytes in the same order as by one, past the batches'
# edges (128 full lines a thread, 1,024 compact) and the threads' shares, with bad, blank, overlong and CRLF lines among them.
import os, tempfile
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
with tempfile.TemporaryDirectory() as tmp:
    mixed = os.path.join(tmp, "mixed.jsonl")
    subprocess.run([sys.executable, os.path.join(root, "tools", "bench_situations.py"), "2600", mixed], check=True)
    many = open(mixed, encoding="utf-8").read().splitlines()
    odd = {3: "{bad", 255: "", 256: "   ", 257: "[]", 1100: "x" * (300 * 1024), 2047: "{\"city\":\"mars\"}",
           2048: good + "\r", 2049: "null", 2599: "{\"city\":"}
    for at, text in odd.items():
        many[at] = text
    odd_lines = sorted(at + 1 for at, text in odd.items() if text != good + "\r")
    batch = "\n".join(many) + "\n"
    for mode in ([], ["--compact"]):
        answers = {t: run(["eval", "--jsonl", *mode, "--threads", t, "-"], batch) for t in ("1", "2", "3", "7")}
        one = answers["1"]
        expect("--threads 1 %s: one answer a line, the errors on their lines" % " ".join(mode),
               one.returncode == 2 and len(one.stdout.splitlines()) == 2600 and
               [json.loads(l).get("line") for l in one.stdout.splitlines() if '"ok":false' in l[:12]] == odd_lines,
               one.stderr[-300:])
        for t, p in answers.items():
            expect("--threads %s %s answers the same bytes as one thread" % (t, " ".join(mode)),
                   p.returncode == 2 and p.stdout == one.stdout and p.stderr == one.stderr)
for bad in ("0", "65", "-1", "two", "1.5", ""):
    p = run(["eval", "--jsonl", "--threads", bad, "-"], good)
    expect("--threads %r is refused in both languages" % bad,
           p.returncode == 2 and "--threads" in p.stderr and "整数" in p.stderr and not p.stdout)
p = run(["eval", "--jsonl", "--threads"], good)
expect("--threads without a value is refused", p.returncode == 2 and "缺少取值" in p.stderr and not p.stdout)
for args in (["eval", "--threads", "2", "-"], ["eval", "--csv", "--threads", "2", "-"], ["budget", "--threads", "2", "-"]):
    p = run(args, good)
    expect("%s is refused" % " ".join(args), p.returncode == 2 and "--threads" in p.stderr and not p.stdout)
# --today is the day every line or row is measured against: a bad one is refused once, before any input is read, with
# the option, the value and the form it takes, in both languages (not one error a line).
for bad in ("2026/12/01", "2026-02-30", "20261201"):
    for args in (["eval", "--jsonl", "-"], ["eval", "--csv", "-"], ["budget", "-"], ["eval", "-"]):
        p = run(["--today", bad] + args, (good + "\n") * 3)
        expect("--today %s with %s is refused once, naming the option, the value and YYYY-MM-DD" % (bad, " ".join(args)),
               p.returncode == 2 and not p.stdout and sum(bad in l for l in p.stderr.splitlines()) == 1 and "--today" in p.stderr and
               "YYYY-MM-DD" in p.stderr and "须是" in p.stderr and "must be" in p.stderr, p.stderr[:400])
p = run(["eval", "--compact", "-"], good)
expect("eval --compact exits 0 and is the jsonl line", p.returncode == 0 and json.loads(p.stdout) == compact[0])
for args in (["eval", "--csv", "--compact", "-"], ["budget", "--compact", "-"], ["compare", "--compact", "-"]):
    p = run(args, good)
    expect("%s is refused" % " ".join(args), p.returncode == 2 and "--compact" in p.stderr and not p.stdout)
# A right two events of one day give names them in the order of their ids, e2 before e10, as the situation takes them.
two = json.dumps({"city": "weihai", "applicant": {"kind": "person", "employer": "enterprise"}, "events": [
    {"id": "e10", "type": "skill_level", "date": "2025-07-01", "level": "technician", "route": "other"},
    {"id": "e2", "type": "skill_level", "date": "2025-07-01", "level": "technician", "route": "other"}]})
p = run(["eval", "-"], two)
merged = [i["event_ids"] for i in json.loads(p.stdout).get("items", []) if len(i["event_ids"]) > 1]
expect("a right of two events of one day lists them e2 before e10", merged and all(e == ["e2", "e10"] for e in merged),
       merged)
# What to bring names the conditions the clause sets that no field states: 威海 2025 10. 管理期内 for the chief
# technician's allowance, 8. 按照国家、省政策规定…符合条件的 for the unemployment-insurance upgrade subsidy.
chief = json.dumps({"city": "weihai", "as_of": "2026-12-01", "applicant": {"kind": "person", "employer": "enterprise"},
                    "events": [{"id": "t", "type": "title", "date": "2025-06-01", "title": "weihai_chief_technician"},
                               {"id": "l", "type": "skill_level", "date": "2025-07-01", "level": "senior_worker",
                                "route": "social_evaluation"}]})
items = {i["clause_id"]: i for i in json.loads(run(["eval", "-"], chief).stdout).get("items", [])}
bring = lambda cid: " ".join(b["zh"] for b in items.get(cid, {}).get("claim", {}).get("bring", []))
expect("威海 2025 10.: the chief technician's allowance asks proof of the 管理期",
       "管理期" in bring("WH25-10-chief-technician"), bring("WH25-10-chief-technician"))
expect("威海 2025 8.: the upgrade subsidy asks proof of the national and provincial conditions",
       "国家、省政策规定" in bring("WH25-08-ui-upgrade-subsidy"), bring("WH25-08-ui-upgrade-subsidy"))
# 日照 2019 states no 施行 date: its start is its date of issue, and the words say so rather than that it 施行 then.
early = json.dumps({"city": "rizhao", "as_of": "2019-03-01", "applicant": {"kind": "person", "employer": "enterprise"},
                    "events": [{"id": "e1", "type": "skill_level", "date": "2019-06-01", "level": "technician"}]})
says = json.loads(run(["eval", "-"], early).stdout)["documents"][0]["says"]
expect("a document with no stated start says its date of issue is taken as the start",
       "原文未写明施行日期，按印发日期2019年4月30日起算" in says["zh"] and "起施行" not in says["zh"]
       and "date of issue" in says["en"], says)
# `documents` gives a document the status and words a result gives it on the same day (日照 2019: unconfirmed).
listed = {d["id"]: d for d in json.loads(run(["documents"]).stdout)["documents"]}
late = json.dumps({"city": "rizhao", "applicant": {"kind": "person", "employer": "enterprise"},
                   "events": [{"id": "e1", "type": "skill_level", "date": "2025-06-01", "level": "technician"}]})
in_eval = json.loads(run(["eval", "-"], late).stdout)["documents"][0]
expect("documents gives RZ19 the status and words eval gives it",
       listed["RZ19"]["status"] == in_eval["status"] == "currency_unconfirmed"
       and listed["RZ19"].get("says") == in_eval["says"], listed["RZ19"])
statuses = {"in_force_until", "expired", "not_yet_in_force", "no_end_stated", "currency_unconfirmed"}
expect("documents uses only the statuses the README lists", all(d["status"] in statuses for d in listed.values()))
# A claim's quote is the text's own words: fragments parted by a blank line in the text are joined by " … " (日照 5.).
import os.path
rz_text = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "rules", "rizhao-2019", "source.txt"),
               encoding="utf-8").read()
titled = json.dumps({"city": "rizhao", "applicant": {"kind": "person"},
                     "events": [{"id": "e1", "type": "title", "date": "2022-06-01", "title": "rizhao_outstanding_technician"}]})
cadence = json.loads(run(["eval", "-"], titled).stdout)["items"][0]["claim"]["cadence"]["quote"]
expect("the cadence quote of 日照 5. is verbatim, its fragments joined by ' … '",
       len(cadence.split(" … ")) == 2 and all(f in rz_text for f in cadence.split(" … ")), cadence)
# 日照 8. pays 经认定: what to bring lists that recognition, which no field of the situation states.
hired = json.dumps({"city": "rizhao", "applicant": {"kind": "enterprise"},
                    "events": [{"id": "e1", "type": "hire", "date": "2021-03-01", "talent": "qilu_chief_technician",
                                "full_time": True, "from_outside_city": True, "annual_salary_yuan": 300000}]})
bring = json.loads(run(["eval", "-"], hired).stdout)["items"][0]["claim"]["bring"]
expect("日照 8.'s claim asks for proof of the 经认定 step", any("经认定" in b["zh"] for b in bring), bring)
# 济宁 (三) requires the programme to serve the city's key industries; no field says so, so the claim asks its proof.
program = json.dumps({"city": "jining", "applicant": {"kind": "school"},
                      "events": [{"id": "e1", "type": "platform", "date": "2025-06-01", "platform": "quality_program",
                                  "level": "national"}]})
bring = json.loads(run(["eval", "-"], program).stdout)["items"][0]["claim"]["bring"]
expect("济宁 (三)'s claim asks for proof that the programme serves the key industries",
       any("重点产业" in b["zh"] for b in bring), bring)
# 济宁 (八) is for 在聘 staff: no field says the worker is appointed to the post, so the claim asks its proof.
level = json.dumps({"city": "jining", "applicant": {"kind": "person", "employer": "enterprise"},
                    "events": [{"id": "e1", "type": "skill_level", "date": "2025-03-03", "level": "technician"}]})
items = json.loads(run(["eval", "-"], level).stdout)["items"]
bring = [b for i in items if i["clause_id"] == "JN24-08-title-equivalence" for b in i["claim"]["bring"]]
expect("济宁 (八)'s claim asks for proof of the appointment (在聘)", any("受聘" in b["zh"] for b in bring), bring)
p = run(["rules"])
r = json.loads(p.stdout)
expect("rules lists documents with counts", p.returncode == 0 and r["documents"] and "counts" in r["documents"][0])
p = run(["documents"])
expect("documents lists numbers and periods", p.returncode == 0 and all("period" in d for d in json.loads(p.stdout)["documents"]))
p = run(["catalog", "weihai"])
expect("catalog weihai", p.returncode == 0 and json.loads(p.stdout)["event_types"])
p = run(["catalog", "mars"])
expect("catalog of an unknown city exits 2", p.returncode == 2)
p = run(["check"])
expect("check of the built-in rules passes", p.returncode == 0 and json.loads(p.stdout)["ok"] is True)
p = run(["frobnicate"])
expect("an unknown command exits 2", p.returncode == 2)
checks.finish()
