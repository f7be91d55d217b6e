#!/bin/sh
# Every speed figure of the project, in one table against its goal. Prints figures; asserts nothing.
#   tools/bench.sh [LINES]        (default 1,000,000 lines for eval --jsonl)
# Needs build/ (Release: skillcalc and bench), dist/ (wasm/build.sh, web/assemble.sh) and tests/browser's packages
# (npm ci there) for the page figure. env: SKILLCALC_BUILD (build), SKILLCALC_DIST (dist), RUNS (3: runs of each
# eval --jsonl, the median counts), SKIP_WASM=1, SKIP_PAGE=1. The workload is tools/bench_situations.py: situations
# of the four cities with 1-4 events each. Rates are per second of the process's own CPU time (user + system), so
# that other work on a shared machine lowers them less than it would lower wall time; the page figure is wall time.
# The machine's load average is printed at the start and the end.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${SKILLCALC_BUILD:-$root/build}
export SKILLCALC_DIST=${SKILLCALC_DIST:-$root/dist}
export SKILLCALC_BENCH=$build/bench
lines=${1:-1000000}
[ -x "$build/skillcalc" ] && [ -x "$build/bench" ] || { echo "build $build first (cmake --build build)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
python3 "$root/tools/bench_situations.py" "$lines" "$tmp/mixed.jsonl"
python3 "$root/tools/bench_situations.py" $((lines / 10)) "$tmp/tenth.jsonl"

exec python3 - "$root" "$build" "$tmp" "$lines" <<'PY'
import os, re, statistics, subprocess, sys
root, build, tmp, lines = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
runs = int(os.environ.get("RUNS", "3"))
cli = os.path.join(build, "skillcalc")
rows = []  # (figure, value, goal)

def load():
    return open("/proc/loadavg").read().split()[0] if os.path.exists("/proc/loadavg") else "?"

def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)

def figure(text, pattern):
    m = re.search(pattern, text, re.M)
    return float(m.group(1)) if m else None

def fmt(v, unit=""):
    return "n/a" if v is None else ("%.0f%s" % (v, unit) if v >= 100 else "%.2f%s" % (v, unit))

def timed_jsonl(path, extra):
    """CPU seconds (user + system), wall seconds and max RSS (MiB) of one eval --jsonl run, with its summary."""
    p = run(["/usr/bin/time", "-f", "%U %S %e %M", cli, "--today", "2026-01-15", "eval", "--jsonl", *extra, path,
             "-o", "/dev/null"])
    summary, timing = p.stderr.strip().splitlines()[-2:]
    user, system, wall, rss = timing.split()
    return float(user) + float(system), float(wall), int(rss) / 1024, summary

print("load average at start: %s (%d cores)" % (load(), os.cpu_count()))
has_compact = "--compact" in run([cli, "--help"]).stdout

# Native, in process.
out = run([os.path.join(build, "bench"), "1", os.path.join(tmp, "mixed.jsonl")]).stdout
print(out, end="")
rows.append(("native full, one event (/s)", figure(out, r"^one event \(Weihai contest prize\)\s+(\d+)"), ">= 150000"))
rows.append(("native full, mixed 1-4 events (/s)", figure(out, r"^mixed 1-4 events\s+(\d+)"), ""))
rows.append(("native compact, one event (/s)", figure(out, r"^compact, one event \(Weihai contest prize\)\s+(\d+)"), ""))
rows.append(("native compact, mixed 1-4 events (/s)", figure(out, r"^compact, mixed 1-4 events\s+(\d+)"), ""))
rows.append(("full result, one event (bytes)", figure(out, r"^one event \(Weihai.*?(\d+) bytes"), ""))
rows.append(("full result, mixed (bytes, average)", figure(out, r"^mixed 1-4 events.*?(\d+) bytes"), ""))
rows.append(("compact result, mixed (bytes, average)", figure(out, r"^compact, mixed 1-4 events.*?(\d+) bytes"), ""))

# The command line, as a batch: eval --jsonl and eval --jsonl --compact, on one thread (per CPU second, as the
# figures before --threads were) and on the machine's cores (the default; per wall second, since the threads' CPU
# seconds add up).
has_threads = "--threads" in run([cli, "--help"]).stdout
for label, extra, goal in [("full", [], ">= 100000 (<= 10 s)"), ("compact", ["--compact"], ">= 400000")]:
    if extra and not has_compact:
        rows.append(("eval --jsonl --compact, %d lines (/s)" % lines, None, goal))
        continue
    one = extra + (["--threads", "1"] if has_threads else [])
    done = [timed_jsonl(os.path.join(tmp, "mixed.jsonl"), one) for _ in range(runs)]
    cpu = statistics.median(d[0] for d in done)
    print("eval --jsonl %s: %s; CPU %s s; wall %s s; max RSS %.0f MiB" % (
        " ".join(one), done[0][3], ", ".join("%.2f" % d[0] for d in done), ", ".join("%.2f" % d[1] for d in done),
        max(d[2] for d in done)))
    tenth = timed_jsonl(os.path.join(tmp, "tenth.jsonl"), one)
    name = "eval --jsonl%s, %d lines" % (" --compact" if extra else "", lines)
    rows.append((name + " (CPU s, median of %d)" % runs, cpu, "<= 10" if not extra else ""))
    rows.append((name + " (/CPU s, one thread)", lines / cpu, goal))
    rows.append((name + " (max RSS MiB; at %d lines)" % (lines // 10), max(d[2] for d in done),
                 "flat: %.0f" % tenth[2]))
    if has_threads:
        many = [timed_jsonl(os.path.join(tmp, "mixed.jsonl"), extra) for _ in range(runs)]
        wall = statistics.median(d[1] for d in many)
        print("eval --jsonl %s (threads: the cores): CPU %s s; wall %s s; max RSS %.0f MiB" % (
            " ".join(extra), ", ".join("%.2f" % d[0] for d in many), ", ".join("%.2f" % d[1] for d in many),
            max(d[2] for d in many)))
        rows.append((name + " (wall s, %d threads)" % os.cpu_count(), wall, "<= 10" if not extra else ""))
        rows.append((name + " (/wall s, %d threads)" % os.cpu_count(), lines / wall, goal))

# WebAssembly, in node.
if os.environ.get("SKIP_WASM") != "1":
    p = run(["node", os.path.join(root, "tests/wasm/measure.mjs"), "--speed", os.path.join(tmp, "mixed.jsonl")])
    print(p.stdout + p.stderr, end="")
    rows.append(("wasm evaluate object in/out, one event (/s)",
                 figure(p.stdout, r"^wasm evaluate, object in and out, one event: (\d+)"), ">= 30000"))
    rows.append(("wasm evaluate compact, one event (/s)",
                 figure(p.stdout, r"^wasm evaluate compact, object in and out, one event: (\d+)"), ">= 100000"))
    rows.append(("wasm evaluate object in/out, mixed (/s)",
                 figure(p.stdout, r"^wasm evaluate, object in and out, mixed 1-4 events: (\d+)"), ""))
    rows.append(("wasm evaluate compact, mixed (/s)", figure(p.stdout, r"mixed 1-4 events: \d+/s; compact (\d+)"), ""))
    rows.append(("native / wasm evaluate, one event (x)",
                 figure(p.stdout, r"^native/wasm evaluate \(object in and out\), one event: ([\d.]+)x"), "<= 2.5"))
    rows.append(("native / wasm core, one event (x)", figure(p.stdout, r"native/wasm core ([\d.]+)x"), ""))

# The page, cold visits in headless Chromium.
if os.environ.get("SKIP_PAGE") != "1":
    p = run(["node", os.path.join(root, "tests/browser/first-result.mjs"), "7"])
    print(p.stdout + p.stderr, end="")
    rows.append(("page: first result after interactive, cold (ms)",
                 figure(p.stdout, r"cold visit: median (\d+) ms"), "<= 300"))

print("load average at the end: %s" % load())
width = max(len(r[0]) for r in rows)
print("\n| %-*s | %10s | %-20s |" % (width, "figure", "measured", "goal"))
print("|%s|%s|%s|" % ("-" * (width + 2), "-" * 12, "-" * 22))
for name, value, goal in rows:
    print("| %-*s | %10s | %-20s |" % (width, name, fmt(value), goal))
PY
