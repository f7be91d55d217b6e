#!/usr/bin/env bash
# Runs the calculator on a fresh Debian 12 machine: installs what is missing, builds, and
#  - serves the web page on localhost and prints the address (PORT=8080 by default);
#  - otherwise evaluates an example situation with the command-line tool.
set -euo pipefail
cd "$(dirname "$0")"
jobs=$(nproc 2>/dev/null || echo 2)
if [ -f wasm/CMakeLists.txt ] && [ -f web/index.html ]; then
  tools/setup.sh wasm
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null && cmake --build build -j"$jobs" >/dev/null
  wasm/build.sh >/dev/null
  web/assemble.sh >/dev/null
  exec node tools/serve.mjs dist
fi
tools/setup.sh native
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null && cmake --build build -j"$jobs" >/dev/null
echo "An example: a senior technician certified through 金蓝领 training in Weihai in July 2025" >&2
python3 -c "import json,sys; print(json.dumps(json.load(open(sys.argv[1]))[\"situation\"], ensure_ascii=False))" tests/cases/weihai-jinlanling.json \
  | build/skillcalc eval - | python3 -m json.tool --no-ensure-ascii
