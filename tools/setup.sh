#!/usr/bin/env bash
# Installs what skillcalc needs on a fresh Debian 12 machine, and only what is missing.
#   tools/setup.sh native   compiler, CMake, nlohmann/json, Catch2, Python
#   tools/setup.sh wasm     + Emscripten and Node.js
#   tools/setup.sh browser  + Chromium and a CJK font (browser tests)
set -euo pipefail
want=(g++ cmake make nlohmann-json3-dev catch2 python3)
case "${1:-native}" in
  wasm) want+=(emscripten nodejs) ;;
  browser) want+=(emscripten nodejs npm chromium fonts-noto-cjk) ;;
esac
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node and npm may come from outside Debian's packages on some machines: a working command is enough.
filtered=()
for p in "${missing[@]}"; do
  case "$p" in
    nodejs) command -v node >/dev/null || filtered+=("$p") ;;
    npm) command -v npm >/dev/null || filtered+=("$p") ;;
    *) filtered+=("$p") ;;
  esac
done
if [ ${#filtered[@]} -gt 0 ]; then
  echo "installing: ${filtered[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${filtered[@]}" >/dev/null
fi
