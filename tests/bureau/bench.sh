#!/bin/sh
# The batch modes' speed and memory, as a bureau would run them. Prints figures; asserts nothing.
#   tests/bureau/bench.sh [SKILLCALC] [SITUATIONS] [CLAIMS] [CSV_MB]
# Defaults: build/skillcalc, 1,000,000 situations for `eval --jsonl` (target: under 10 s on one core, memory flat),
# 1,000,000 claims for `budget`, and a claims CSV of 200 MB for `eval --csv` (two rows per applicant, half a file
# apart: target at most 128 MB max RSS). Every command runs under `ulimit -v` of 4 GB, as on a 4 GB machine (a run
# that needs more fails and says so). Max RSS comes from /usr/bin/time -v when it is installed, otherwise from
# getrusage (os.wait4) in Python.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cli=${1:-$here/../../build/skillcalc}
n=${2:-1000000}
m=${3:-1000000}
csv_mb=${4:-200}
[ -x "$cli" ] || { echo "no skillcalc at $cli (give its path as the first argument)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

python3 - "$tmp" "$n" "$m" "$csv_mb" <<'EOF'
import json, random, sys, time
tmp, n, m, csv_mb = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rnd = random.Random(20250301)
t0 = time.time()
# A mix of what a bureau's batch holds: people with certificates, contest results and titles, enterprises with
# self-evaluated or trained staff, schools with platforms, across the four cities, one to three events each.
levels = ["senior_worker", "technician", "senior_technician"]
def person(city):
    ev = []
    for k in range(rnd.randint(1, 3)):
        r = rnd.random()
        if r < 0.5:
            ev.append({"type": "skill_level", "date": "2025-%02d-%02d" % (rnd.randint(1, 12), rnd.randint(1, 28)),
                       "level": rnd.choice(levels), "route": rnd.choice(["jinlanling_training", "social_evaluation", "enterprise_training"])})
        elif r < 0.8:
            ev.append({"type": "competition", "date": "2025-%02d-15" % rnd.randint(6, 12),
                       "tier": rnd.choice(["national_class1", "provincial_class1", "city_contest"]), "rank": rnd.randint(1, 6), "contest": "c%d" % k})
        else:
            ev.append({"type": "title", "date": "2025-08-01", "title": rnd.choice(["weihai_craftsman", "yantai_technical_expert", "jining_craftsman", "rizhao_technical_expert"])})
    return {"city": city, "as_of": "2025-12-31", "applicant": {"kind": "person", "employer": "enterprise"}, "events": ev}
def enterprise(city):
    return {"city": city, "as_of": "2025-12-31", "applicant": {"kind": "enterprise", "key_industry_chain": rnd.random() < 0.5},
            "events": [{"type": "skill_level", "date": "2025-%02d-10" % rnd.randint(5, 12), "level": rnd.choice(levels),
                        "route": rnd.choice(["enterprise_self_evaluation", "enterprise_training"]), "count": rnd.randint(1, 60)}]}
cities = ["weihai", "yantai", "jining", "rizhao"]
lines = []
for i in range(min(n, 5000)):  # 5,000 distinct situations, repeated: the generator is not what is measured
    c = rnd.choice(cities)
    lines.append(json.dumps(person(c) if rnd.random() < 0.7 else enterprise(c), ensure_ascii=False, separators=(",", ":")))
with open(tmp + "/situations.jsonl", "w") as f:
    for i in range(n):
        f.write(lines[i % len(lines)])
        f.write("\n")
# Every enterprise of Weihai claiming the clause 8 reward for its 2025 self-evaluations, plus Yantai (七) claims.
with open(tmp + "/claims.jsonl", "w") as f:
    for i in range(m):
        if i % 10 == 9:
            s = {"city": "yantai", "as_of": "2025-12-31", "applicant": {"kind": "enterprise", "key_industry_chain": True},
                 "events": [{"type": "skill_level", "date": "2025-06-01", "level": "technician", "route": "enterprise_self_evaluation", "count": rnd.randint(1, 40)}]}
        else:
            s = {"city": "weihai", "as_of": "2025-12-31", "applicant": {"kind": "enterprise"},
                 "events": [{"type": "skill_level", "date": "2025-%02d-10" % rnd.randint(5, 12), "level": lv, "route": "enterprise_self_evaluation",
                             "count": rnd.randint(1, 20)} for lv in rnd.sample(levels, rnd.randint(1, 3))]}
        f.write(json.dumps({"id": "企业%06d" % i, "situation": s}, ensure_ascii=False, separators=(",", ":")) + "\n")
# A claims CSV of csv_mb MB: row k belongs to applicant k % A, so each applicant's two rows lie half a file apart.
head = "applicant,city,applicant_kind,applicant.employer,type,date,level,route,count,tier,rank,contest,title\n"
kinds = [
    "person,enterprise,skill_level,2025-06-10,technician,social_evaluation,,,,,",
    "person,enterprise,competition,2025-07-01,,,,provincial_class1,2,cnc-2025,",
    "person,enterprise,title,2025-08-01,,,,,,,weihai_craftsman",
    "enterprise,,skill_level,2025-06-10,senior_worker,enterprise_self_evaluation,30,,,,",
]
sample = "".join("申请人%08d,weihai,%s\n" % (k, kinds[k % 4 if k % 4 != 3 else 3]) for k in range(1000))
rows = csv_mb * (1 << 20) // (len(sample.encode()) // 1000)
A = max(1, rows // 2)
with open(tmp + "/claims.csv", "w", encoding="utf-8", newline="") as f:
    f.write(head)
    chunk = []
    for k in range(rows):
        a = k % A
        kind = kinds[3] if a % 10 == 9 else kinds[(a + k // A) % 3]
        chunk.append("申请人%08d,weihai,%s\n" % (a, kind))
        if len(chunk) == 10000:
            f.write("".join(chunk))
            chunk = []
    f.write("".join(chunk))
print("generated %d situations, %d claims and a CSV of %d rows (%d applicants) in %.1f s" % (n, m, rows, A, time.time() - t0))
EOF

ulimit -v 4194304 2>/dev/null || true  # 4 GB, as on a bureau's machine

# Runs a command with stdout to a file; prints wall time and max RSS.
measure() {
  label=$1; out=$2; shift 2
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -v -o "$tmp/time.txt" "$@" >"$out" 2>"$tmp/stderr.txt" || true
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$tmp/time.txt")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tmp/time.txt")
    user=$(sed -n 's/.*User time (seconds): //p' "$tmp/time.txt")
    echo "$label: wall $wall, user ${user} s, max RSS $((rss / 1024)) MiB"
  else
    python3 - "$out" "$tmp/stderr.txt" "$label" "$@" <<'EOF'
import os, sys, time
out, err, label, cmd = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
t0 = time.time()
pid = os.fork()
if pid == 0:
    os.dup2(os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), 1)
    os.dup2(os.open(err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), 2)
    os.execv(cmd[0], cmd)
_, status, ru = os.wait4(pid, 0)
print("%s: wall %.2f s, user %.2f s, max RSS %d MiB" % (label, time.time() - t0, ru.ru_utime, ru.ru_maxrss // 1024))
EOF
  fi
  tail -n 1 "$tmp/stderr.txt"
}

measure "eval --jsonl, $n situations" /dev/null "$cli" --quiet --today 2026-01-15 eval --jsonl "$tmp/situations.jsonl"
python3 - "$n" "$tmp" <<'EOF'
import re, sys
n, tmp = int(sys.argv[1]), sys.argv[2]
t = open(tmp + "/time.txt").read() if __import__("os").path.exists(tmp + "/time.txt") else ""
m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", t)
if m:
    secs = int(m.group(1) or 0) * 3600 + int(m.group(2)) * 60 + float(m.group(3))
    print("  %.0f situations/s (%.1f us each); target: %d in under 10 s" % (n / secs, secs / n * 1e6, n))
EOF
ls -l "$tmp/claims.csv" | awk '{printf "claims.csv: %d MB\n", $5 / 1048576}'
measure "eval --csv, ${csv_mb} MB" "$tmp/items.csv" "$cli" --quiet --today 2026-01-15 eval --csv "$tmp/claims.csv"
[ -s "$tmp/items.csv" ] && echo "  $(($(wc -l <"$tmp/items.csv") - 1)) output rows" || echo "  no output"
rm -f "$tmp/items.csv"
measure "budget, $m claims" "$tmp/budget.json" "$cli" --quiet --today 2026-01-15 budget "$tmp/claims.jsonl"
python3 - "$tmp/budget.json" <<'EOF'
import json, sys
try:
    r = json.load(open(sys.argv[1]))
except ValueError:
    print("  no output")
    sys.exit(0)
for p in r["pools"]:
    if p["rule"] != "quota":
        print("  %s %d: %d applicants claim %d yuan; budget %d; allocated %d (%s); payers %s" % (
            p["pool_id"], p["year"], len(p["applicants"]), p["claimed_yuan"], p["budget_yuan"], p["allocated_yuan"],
            "in full" if p["paid_in_full"] else p["ratio"]["percent"], ", ".join("%s %d" % (x["who"], x["yuan"]) for x in p["payers"])))
print("  %d errors" % len(r.get("errors", [])))
EOF
