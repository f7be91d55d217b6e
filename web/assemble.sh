#!/bin/sh
# Assembles the web page into dist/ after wasm/build.sh has put the calculator there:
#   copies web/ (index.html, the JS modules, style.css, manifest.webmanifest, icon.svg) into dist/, and
#   stamps a build id (a hash of every file of the site) into dist/index.html, and
#   bundles the page's modules into app.js (web/bundle.mjs), so that a first visit asks for one script, not twenty,
#   writes dist/sw.js with that build id and every file of the site with its SHA-256, so that a changed file makes
#   browsers fetch the new release once, whole and checked, and a first visit makes the site work offline.
# Usage: web/assemble.sh [DIST]   (default: dist/ beside web/). Needs a POSIX shell, sha256sum and node.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WEB="$ROOT/web"
DIST=${1:-"$ROOT/dist"}
CORE="skillcalc.mjs skillcalc_core.mjs skillcalc_core.wasm"

for f in $CORE; do
  if [ ! -f "$DIST/$f" ]; then
    echo "assemble: $DIST/$f is missing; run wasm/build.sh first" >&2
    exit 1
  fi
done

files=""
for path in "$WEB"/*.html "$WEB"/*.js "$WEB"/*.css "$WEB"/*.webmanifest "$WEB"/*.svg; do
  [ -f "$path" ] || continue
  name=$(basename "$path")
  [ "$name" = sw.js ] && continue
  cp "$path" "$DIST/.$name.tmp"
  mv -f "$DIST/.$name.tmp" "$DIST/$name"
  files="$files $name"
done
files="$files $CORE"

# The page's modules in one file (web/bundle.mjs): app.js becomes the bundle, and the modules it took in are left
# out of the release.
bundled=$(node "$WEB/bundle.mjs" "$DIST" app.js)
kept=""
for f in $files; do
  case " $(echo $bundled) " in
    *" $f "*) [ "$f" = app.js ] && kept="$kept $f" || rm -f "$DIST/$f" ;;
    *) kept="$kept $f" ;;
  esac
done
files=$kept

# index.html first (it is what every navigation is answered with), then the rest in a stable order.
list=$(for f in $files; do echo "$f"; done | sort -u | awk '$0 == "index.html" { print; next } { rest = rest $0 "\n" } END { printf "%s", rest }')
version=$(cd "$DIST" && sha256sum $list | sha256sum | cut -c1-16)

# Every module the page imports is asked for at once (a modulepreload link each), not level by level as imports
# are found: on a slow connection each level of imports costs a round trip. app.js is asked for by its script tag,
# the workers' own files are left out.
modules=$(for f in $list; do case $f in app.js|sw.js|sheet-worker.js) ;; *.js|*.mjs) echo "$f" ;; esac; done)
preload=$(for f in $modules; do printf '<link rel="modulepreload" href="%s">\\n' "$f"; done | sed 's/\\n$//')
grep -q '^<!-- modules: ' "$DIST/index.html"

# The page shows the build id and the tests read it: <meta name="skillcalc-build" content="…">.
sed -e "s|<meta name=\"skillcalc-build\" content=\"[^\"]*\">|<meta name=\"skillcalc-build\" content=\"$version\">|" \
    -e "s|^<!-- modules: .*|$preload|" \
  "$DIST/index.html" > "$DIST/.index.html.tmp"
grep -q "content=\"$version\"" "$DIST/.index.html.tmp"
mv -f "$DIST/.index.html.tmp" "$DIST/index.html"

json=$(cd "$DIST" && sha256sum $list | awk 'BEGIN { printf "{ " } { printf "%s\"%s\": \"%s\"", (NR > 1 ? ", " : ""), $2, substr($1, 1, 16) } END { printf " }" }')
sed -e "s|^const VERSION = .*|const VERSION = '$version';|" \
    -e "s|^const PRECACHE = .*|const PRECACHE = $json;|" "$WEB/sw.js" > "$DIST/.sw.js.tmp"
grep -q "^const VERSION = '$version';" "$DIST/.sw.js.tmp"
mv -f "$DIST/.sw.js.tmp" "$DIST/sw.js"

total=0
for f in $list sw.js; do
  n=$(gzip -9c "$DIST/$f" | wc -c)
  total=$((total + n))
done
echo "web: dist/ assembled, version $version, $(echo $list | wc -w) files precached, $((total / 1024)) KiB gzipped in all"
