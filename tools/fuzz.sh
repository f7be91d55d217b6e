#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) in build-fuzz and runs each for SECONDS (default 60).
# Fails on any crash, leak, sanitizer report, broken property or hang (an input that takes more than 5 s).
#   tools/fuzz.sh [SECONDS]
# Seeds come from the golden cases and the rule files (tests/fuzz/make_corpus.py, into build-fuzz/corpus); what a
# run learns stays in build-fuzz/corpus, and a crashing input is written to build-fuzz/findings/.
# FUZZ_JOBS=2 runs two targets at a time; FUZZ_TARGETS="situation" runs only some; FUZZ_SEED=N fixes libFuzzer's
# random seed (the test command does, so that its short run is repeatable).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
targets=${FUZZ_TARGETS:-"situation parity rules json csv jsonl claims"}
build=build-fuzz
# clang and its libFuzzer runtime (Debian 12: clang 14), installed when missing, as tools/setup.sh does.
missing=()
for p in clang libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ] && command -v apt-get >/dev/null; then
  echo "installing: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v clang++ >/dev/null || { echo "fuzz.sh needs clang++ with libFuzzer (clang, libclang-rt-14-dev)" >&2; exit 2; }
jobs=$(nproc 2>/dev/null || echo 2)

cmake -S . -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSKILLCALC_FUZZ=ON >/dev/null
cmake --build "$build" -j"$jobs" --target $(for t in $targets; do printf "fuzz_%s " "$t"; done)
python3 tests/fuzz/make_corpus.py "$build/seeds"
mkdir -p "$build/findings"

run() {  # target
  local t=$1 log="$build/fuzz_$1.log"
  mkdir -p "$build/corpus/$t"
  echo "== fuzz_$t for ${seconds}s (log: $log)"
  if ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
     "$build/fuzz_$t" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=4096 -print_final_stats=1 ${FUZZ_SEED:+-seed=$FUZZ_SEED} \
       -dict=tests/fuzz/skillcalc.dict -artifact_prefix="$build/findings/${t}-" \
       "$build/corpus/$t" "$build/seeds/$t" >"$log" 2>&1; then
    grep -E "^stat::(number_of_executed_units|peak_rss_mb)|^Done" "$log" | sed "s/^/  fuzz_$t: /"
    return 0
  fi
  echo "fuzz_$t FAILED:" >&2
  grep -E "ERROR|runtime error|property broken|Test unit written|SUMMARY" "$log" | head -20 >&2
  return 1
}

status=0
if [ "${FUZZ_JOBS:-1}" -gt 1 ]; then  # FUZZ_JOBS targets at a time
  rm -f "$build"/failed-*
  for t in $targets; do
    while [ "$(jobs -rp | wc -l)" -ge "$FUZZ_JOBS" ]; do wait -n || true; done
    (run "$t" || touch "$build/failed-$t") &
  done
  wait
  ls "$build"/failed-* >/dev/null 2>&1 && status=1
else
  for t in $targets; do run "$t" || status=1; done
fi
[ $status = 0 ] && echo "== fuzzing found nothing" || echo "== fuzzing found a problem: see $build/findings/" >&2
exit $status
