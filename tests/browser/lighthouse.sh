#!/usr/bin/env bash
# Lighthouse 12.2.3 (mobile) on the built page: prints the performance, accessibility and best-practice scores.
# An audit that prints figures, not a test. Needs dist/ (./run.sh or wasm/build.sh + web/assemble.sh) and Chromium;
# installs Lighthouse into build-lighthouse/ (npm registry) the first time.
# Usage: tests/browser/lighthouse.sh [QUERY] [--dark]   e.g. '?large=1' (large type), '?kiosk=1', --dark (dark scheme)
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f dist/index.html ] || { echo "build the page first: wasm/build.sh && web/assemble.sh" >&2; exit 2; }
mkdir -p build-lighthouse
[ -x build-lighthouse/node_modules/.bin/lighthouse ] ||
  (cd build-lighthouse && npm i --no-audit --no-fund --loglevel=error lighthouse@12.2.3 >/dev/null)
query=""
dark=""
for a in "$@"; do
  case "$a" in
    --dark) dark=" --force-dark-mode" ;;
    \?*) query="$a" ;;
    *) echo "usage: $0 [?QUERY] [--dark]" >&2; exit 2 ;;
  esac
done
port=${PORT:-8199}
PORT=$port node tools/serve.mjs dist >/dev/null &
server=$!
trap 'kill $server 2>/dev/null' EXIT
sleep 1
echo "lighthouse: http://127.0.0.1:$port/$query${dark:+ (dark scheme)}"
CHROME_PATH=/usr/bin/chromium build-lighthouse/node_modules/.bin/lighthouse "http://127.0.0.1:$port/$query" \
  --only-categories=performance,accessibility,best-practices --form-factor=mobile --quiet \
  --chrome-flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync$dark" \
  --output=json --output-path=build-lighthouse/report.json
python3 - <<'PY'
import json
r = json.load(open("build-lighthouse/report.json"))
for k, v in r["categories"].items():
    print("%-15s %3d" % (k, round(v["score"] * 100)))
for a in ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "interactive"]:
    print("  %-26s %s" % (a, r["audits"][a]["displayValue"]))
PY
