#!/usr/bin/env python3
"""Hostile rule files: `skillcalc check DIR` on each tests/broken-rules/<fault>/ must exit 2 and report the problem
code named in that folder's EXPECT, at the file, line and JSON path EXPECT names, with a reason in both languages.

EXPECT: lines starting with # say what the fault is; then the code, the file and the path, one a line (file and path
may be left out). A folder without EXPECT is an error of the test itself. The folders are written by make_faults.py.

  broken_rules_test.py SKILLCALC BROKEN_RULES_DIR
"""
import json, os, subprocess, sys

cli, root = sys.argv[1], sys.argv[2]
passed = failed = 0
faults = sorted(d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d)))
for fault in faults:
    folder = os.path.join(root, fault)
    expect_file = os.path.join(folder, "EXPECT")
    if not os.path.exists(expect_file):
        print("FAIL %s: no EXPECT file" % fault)
        failed += 1
        continue
    lines = [l.strip() for l in open(expect_file, encoding="utf-8").read().splitlines() if l.strip() and not l.startswith("#")]
    code = lines[0]
    want_file = lines[1] if len(lines) > 1 else None
    want_path = lines[2] if len(lines) > 2 else None
    p = subprocess.run([cli, "check", folder], capture_output=True, text=True, timeout=60)
    why = []
    try:
        report = json.loads(p.stdout)
    except ValueError:
        report = {}
        why.append("output is not JSON: %r" % p.stdout[:200])
    if p.returncode != 2:
        why.append("exit code %d, not 2" % p.returncode)
    problems = report.get("problems", [])
    hits = [q for q in problems if q.get("code") == code]
    if not hits:
        why.append("no problem with code %s (got %s)" % (code, sorted({q.get("code") for q in problems}) or report.get("error")))
    for q in problems:
        if not (q.get("file") is not None and q.get("path") is not None and q.get("zh") and q.get("en")):
            why.append("a problem without file, path and reason: %s" % q)
    if hits and want_file and not any(q["file"] == want_file for q in hits):
        why.append("%s reported in %s, not %s" % (code, [q["file"] for q in hits], want_file))
    if hits and want_file and not any(q.get("line", 0) >= 1 for q in hits):
        why.append("%s reported without the line in %s" % (code, want_file))
    if hits and want_path and not any(q["path"] == want_path for q in hits):
        why.append("%s reported at %s, not %s" % (code, [q["path"] for q in hits], want_path))
    if why:
        failed += 1
        print("FAIL %s: %s" % (fault, "; ".join(why)))
    else:
        passed += 1
        print("ok   %s: %s at %s %s" % (fault, code, hits[0]["file"], hits[0]["path"]))
if not faults:
    print("FAIL: no fault folders in %s" % root)
    failed += 1
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
