#!/usr/bin/env bash
# Re-vendor the console's and the API docs' browser assets from the npm registry, at the pinned
# versions below, into the store package (served by `newswire serve`, no CDN at run time).
# Usage: deploy/console/vendor.sh            (re-download and check against SHA256SUMS)
#        deploy/console/vendor.sh --update   (after changing a version: rewrite SHA256SUMS)
set -euo pipefail
cd "$(dirname "$0")/../.."
dest=services/store/src/newswire_store/static/vendor

# package@version  files to take from it (paths inside the package tarball)
packages=(
  "d3-array@3.2.5       dist/d3-array.min.mjs"
  "d3-geo@3.1.2         dist/d3-geo.min.mjs"
  "topojson-client@3.1.0 dist/topojson-client.min.js"
  "world-atlas@2.0.2    countries-110m.json"
  "swagger-ui-dist@5.35.0 swagger-ui-bundle.js swagger-ui.css favicon-32x32.png"
  "redoc@2.5.4          bundles/redoc.standalone.js"
)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$dest/licenses"
for line in "${packages[@]}"; do
  read -r spec files <<<"$line"
  name=${spec%@*}
  (cd "$work" && npm pack --silent "$spec" >/dev/null)
  mkdir -p "$work/$name"
  tar xzf "$work/${name}-${spec##*@}.tgz" -C "$work/$name"
  for f in $files; do
    cp "$work/$name/package/$f" "$dest/$(basename "$f")"
  done
  cp "$work/$name/package/LICENSE" "$dest/licenses/$name.txt"
done

# ReDoc's sidebar shows Redocly's logo from cdn.redoc.ly; an empty src makes its own onError
# handler hide the image without any request, so /redoc stays offline.
logo='"https://cdn.redoc.ly/redoc/logo-mini.svg"'
grep -q "$logo" "$dest/redoc.standalone.js" || { echo "redoc: logo URL not found" >&2; exit 1; }
sed -i "s#$logo#\"\"#" "$dest/redoc.standalone.js"

cd "$dest"
if [[ "${1:-}" == "--update" ]]; then
  find . -type f ! -name SHA256SUMS ! -name NOTICE.md | sort | xargs sha256sum >SHA256SUMS
  echo "wrote $dest/SHA256SUMS" >&2
else
  sha256sum --quiet -c SHA256SUMS && echo "vendored assets match SHA256SUMS" >&2
fi
