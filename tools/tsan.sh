#!/usr/bin/env bash
# eval --jsonl's threads under ThreadSanitizer (any report is fatal): builds the command line in build-tsan and has
# four threads answer 3,000 mixed lines (full and compact) and a file of bad, blank and overlong lines, from a file
# and through a pipe; each output must be the bytes build/skillcalc writes with one thread.
#   tools/tsan.sh        (after the native build in build/)
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS="-fsanitize=thread -g" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread" >/dev/null
cmake --build build-tsan -j"$jobs" --target skillcalc
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
python3 tools/bench_situations.py 3000 "$tmp/mixed.jsonl"
python3 - "$tmp/odd.jsonl" <<'PY'
import json, sys
good = json.dumps({"city": "weihai", "applicant": {"kind": "person"},
                   "events": [{"type": "title", "date": "2025-06-01", "title": "weihai_craftsman"}]})
odd = ["{bad", "", "[]", "x" * (300 * 1024), '{"city":"mars"}', good + "\r", "null"]
open(sys.argv[1], "w").write("\n".join(odd[i % len(odd)] if i % 3 else good for i in range(700)) + "\n")
PY
export TSAN_OPTIONS=halt_on_error=1:exitcode=66
for input in mixed odd; do
  for mode in "" --compact; do
    build/skillcalc --quiet --today 2026-01-15 eval --jsonl --threads 1 $mode "$tmp/$input.jsonl" -o "$tmp/one" || true
    rc=0
    build-tsan/skillcalc --quiet --today 2026-01-15 eval --jsonl --threads 4 $mode "$tmp/$input.jsonl" -o "$tmp/four" ||
      rc=$?
    [ $rc -ne 66 ] || { echo "ThreadSanitizer: a report on $input $mode (file)" >&2; exit 1; }
    cmp -s "$tmp/one" "$tmp/four" || { echo "four threads answered $input $mode otherwise (file)" >&2; exit 1; }
    rc=0
    build-tsan/skillcalc --quiet --today 2026-01-15 eval --jsonl --threads 4 $mode - <"$tmp/$input.jsonl" >"$tmp/pipe" ||
      rc=$?
    [ $rc -ne 66 ] || { echo "ThreadSanitizer: a report on $input $mode (pipe)" >&2; exit 1; }
    cmp -s "$tmp/one" "$tmp/pipe" || { echo "four threads answered $input $mode otherwise (pipe)" >&2; exit 1; }
  done
done
echo "== eval --jsonl with four threads under ThreadSanitizer: no report, the same bytes as one thread"
