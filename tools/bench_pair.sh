#!/bin/sh
# Two builds of skillcalc measured in turns (A B A B ...), so that a comparison holds when the machine's speed drifts.
# Prints figures; asserts nothing.
#   tools/bench_pair.sh BEFORE AFTER [LINES] [ROUNDS]
# BEFORE and AFTER are checkouts, each built (build/skillcalc, build/bench; for the WebAssembly figures also dist/
# from wasm/build.sh). LINES (default 1,000,000) of tools/bench_situations.py go through eval --jsonl, full and
# compact, ROUNDS times (default 3) for each checkout; the median of the CPU seconds counts.
set -eu
[ $# -ge 2 ] || { echo "usage: tools/bench_pair.sh BEFORE AFTER [LINES] [ROUNDS]" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
before=$(cd "$1" && pwd)
after=$(cd "$2" && pwd)
lines=${3:-1000000}
rounds=${4:-3}
for d in "$before" "$after"; do
  [ -x "$d/build/skillcalc" ] && [ -x "$d/build/bench" ] || { echo "$d: build it first (build/skillcalc, build/bench)" >&2; exit 2; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
python3 "$root/tools/bench_situations.py" "$lines" "$tmp/mixed.jsonl"
head -n 20000 "$tmp/mixed.jsonl" > "$tmp/mixed20k.jsonl"

exec python3 - "$before" "$after" "$tmp" "$lines" "$rounds" <<'PY'
import os, re, statistics, subprocess, sys
before, after, tmp, lines, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
print("load average at start: %s" % open("/proc/loadavg").read().split()[0])
figures = {}  # (name, side) -> [values]

def add(name, side, v):
    if v is not None:
        figures.setdefault((name, side), []).append(v)

def bench(d):
    out = subprocess.run([os.path.join(d, "build/bench"), "0.5", os.path.join(tmp, "mixed20k.jsonl")],
                         capture_output=True, text=True).stdout
    for name in ["one event (Weihai contest prize)", "mixed 1-4 events", "compact, one event (Weihai contest prize)",
                 "compact, mixed 1-4 events"]:
        m = re.search(r"^%s\s+(\d+)" % re.escape(name), out, re.M)
        yield name + " (/CPU s)", float(m.group(1)) if m else None

def jsonl(d, extra):
    p = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", os.path.join(d, "build/skillcalc"), "--today", "2026-01-15",
                        "eval", "--jsonl", *extra, os.path.join(tmp, "mixed.jsonl"), "-o", "/dev/null"],
                       capture_output=True, text=True)
    user, system, rss = p.stderr.strip().splitlines()[-1].split()
    return float(user) + float(system), int(rss) / 1024

for r in range(rounds):
    for side, d in (("before", before), ("after", after)):
        for name, v in bench(d):
            add(name, side, v)
        for label, extra in (("eval --jsonl", []), ("eval --jsonl --compact", ["--compact"])):
            cpu, rss = jsonl(d, extra)
            add("%s, %d lines (CPU s)" % (label, lines), side, cpu)
            add("%s, %d lines (max RSS MiB)" % (label, lines), side, rss)

for side, d in (("before", before), ("after", after)):
    if not os.path.exists(os.path.join(d, "dist/skillcalc_core.wasm")):
        continue
    env = dict(os.environ, SKILLCALC_DIST=os.path.join(d, "dist"), SKILLCALC_BENCH=os.path.join(d, "build/bench"))
    out = subprocess.run(["node", os.path.join(d, "tests/wasm/measure.mjs"), "--speed"], capture_output=True, text=True,
                         env=env, cwd=d).stdout
    m = re.search(r"wasm core (\d+), evaluateText (\d+), evaluate (\d+)", out)
    if m:
        add("wasm core, one event (/s)", side, float(m.group(1)))
        add("wasm evaluateText, one event (/s)", side, float(m.group(2)))
        add("wasm evaluate object in/out, one event (/s)", side, float(m.group(3)))
    m = re.search(r"compact, object in and out, one event: (\d+)/s", out)
    if m:
        add("wasm evaluate compact, one event (/s)", side, float(m.group(1)))

names = []
for name, _ in figures:
    if name not in names:
        names.append(name)
print("| figure (median of the rounds) | before | after | after / before |")
print("|---|---|---|---|")
for name in names:
    b, a = figures.get((name, "before")), figures.get((name, "after"))
    mb = statistics.median(b) if b else None
    ma = statistics.median(a) if a else None
    fmt = lambda v: "n/a" if v is None else ("%.0f" % v if v >= 100 else "%.2f" % v)
    ratio = "%.2f" % (ma / mb) if mb and ma else ""
    print("| %s | %s | %s | %s |" % (name, fmt(mb), fmt(ma), ratio))
print("load average at the end: %s" % open("/proc/loadavg").read().split()[0])
PY
