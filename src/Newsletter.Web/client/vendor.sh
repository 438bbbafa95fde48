#!/bin/sh
# Copies the browser libraries pinned in package-lock.json into wwwroot/lib, with their licences.
# Run after changing package.json: npm ci --ignore-scripts && sh vendor.sh; commit wwwroot/lib (CI does not run npm).
set -eu
cd "$(dirname "$0")"
[ -d node_modules ] || npm ci --ignore-scripts --no-audit --no-fund
lib=../wwwroot/lib
copy() { # package, destination folder, files…
    package=$1; dest=$lib/$2; shift 2
    rm -rf "$dest"; mkdir -p "$dest"
    for f in "$@"; do cp "node_modules/$package/$f" "$dest/"; done
    cp "node_modules/$package/LICENSE" "$dest/LICENSE"
}
copy easymde easymde dist/easymde.min.js dist/easymde.min.css
copy turndown turndown lib/turndown.browser.umd.js
copy turndown-plugin-gfm turndown-plugin-gfm dist/turndown-plugin-gfm.js
copy sortablejs sortablejs Sortable.min.js
