#!/bin/sh
# Rebuild dist/viewer.js, the evidence browser's script that the binary
# embeds (src/export/html.rs, include_str!): cytoscape.js and src/*.js,
# bundled and minified by esbuild into one IIFE. The versions are pinned by
# package-lock.json (npm ci); commit dist/viewer.js with the change, then
# rebuild graphs/ (README: the command that refreshes it).
#
#     sh src/export/viewer/build.sh
set -eu
cd "$(dirname "$0")"
if [ ! -x node_modules/.bin/esbuild ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
# --charset=ascii: every non-ASCII character as an escape, so the bytes do
# not depend on the page's encoding; esbuild also escapes "</script" in
# strings, so the bundle can sit inside <script> (src/export/html.rs tests it)
node_modules/.bin/esbuild src/main.js \
  --bundle --minify --format=iife --target=es2019 --charset=ascii \
  --legal-comments=inline --log-level=warning \
  --outfile=dist/viewer.body.js
# the licence of what is bundled, first
{
  printf '/*! actorgraph evidence browser (src/export/viewer, MIT OR Apache-2.0); rebuild: sh src/export/viewer/build.sh\n'
  printf ' *  bundles cytoscape.js %s, whose licence follows:\n\n' "$(node -p "require('./node_modules/cytoscape/package.json').version")"
  sed 's#\*/#* /#g' node_modules/cytoscape/LICENSE
  printf '*/\n'
  cat dist/viewer.body.js
} > dist/viewer.js
rm dist/viewer.body.js
ls -l dist/viewer.js
