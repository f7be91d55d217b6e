#!/usr/bin/env bash
# Runs every test of skillcalc on a fresh Debian 12 machine: installs what is missing, builds, tests.
set -euo pipefail
cd "$(dirname "$0")"
jobs=$(nproc 2>/dev/null || echo 2)
with_wasm=0
[ -f wasm/CMakeLists.txt ] && with_wasm=1

tools/setup.sh $([ $with_wasm = 1 ] && echo wasm || echo native)

echo "== native build"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$jobs"

echo "== rules check (quotes and amounts against the policy texts)"
build/skillcalc check >/dev/null && echo "rules ok"

echo "== function and file lengths (none over 150 and 600 lines in core/ cli/ sheet/ wasm/)"
python3 tools/function_lengths.py

echo "== unit tests, golden cases and examples (native)"
(cd build && ctest --output-on-failure -j"$jobs")

echo "== the whole test suite under ASan + UBSan (build-asan)"
tools/sanitize.sh

echo "== eval --jsonl's threads under ThreadSanitizer (build-tsan)"
tools/tsan.sh

echo "== fuzzing: each libFuzzer target for 20 s, two at a time (build-fuzz)"
FUZZ_JOBS=2 FUZZ_SEED=1 tools/fuzz.sh 20

if [ $with_wasm = 1 ]; then
  echo "== WebAssembly build and parity with native"
  wasm/build.sh
  SKILLCALC_CLI="$PWD/build/skillcalc" node --test tests/wasm/
  if [ -f web/index.html ]; then
    echo "== web page in Chromium"
    tools/setup.sh browser
    web/assemble.sh
    (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
    node --test --test-concurrency=1 tests/browser/
  fi
fi
echo "== all tests passed"
