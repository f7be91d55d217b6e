#!/bin/sh
# Builds the WebAssembly module into build-wasm/ and assembles dist/ (generated; not kept in git):
#   dist/skillcalc.mjs        the ES module pages and node import (createSkillCalc)
#   dist/skillcalc_core.mjs   the Emscripten loader
#   dist/skillcalc_core.wasm  the core with the rules embedded
# Needs emscripten (Debian package) and cmake; installs nothing. Safe to run again.
# Extra arguments go to the configure step, e.g. -DSKILLCALC_WASM_EXCEPTIONS=ON or -DSKILLCALC_WASM_OPT=-O3
# (the knobs are in wasm/CMakeLists.txt).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD="$ROOT/build-wasm"
DIST="$ROOT/dist"

# Debian's em++ runs its JS optimiser with the system node, which does not look in Debian's node folder.
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"

# -U: forget the knobs (and a rules folder, -DSKILLCALC_RULES_DIR=…) of an earlier run, so that every run builds the
# defaults plus what is given here.
emcmake cmake -S "$ROOT" -B "$BUILD" -U 'SKILLCALC_WASM_*' -U SKILLCALC_RULES_DIR -DCMAKE_BUILD_TYPE=Release "$@"
cmake --build "$BUILD" --target skillcalc_wasm -j "$(nproc 2>/dev/null || echo 2)"

mkdir -p "$DIST"
for f in "$ROOT/wasm/skillcalc.mjs" "$BUILD/skillcalc_core.mjs" "$BUILD/skillcalc_core.wasm"; do
  cp "$f" "$DIST/.$(basename "$f").tmp"
  mv -f "$DIST/.$(basename "$f").tmp" "$DIST/$(basename "$f")"
done
echo "dist: $(cd "$DIST" && ls -l skillcalc.mjs skillcalc_core.mjs skillcalc_core.wasm | awk '{print $NF" "$5}' | tr '\n' ' ')"
