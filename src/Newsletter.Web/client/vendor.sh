#!/bin/sh
# Installs the pinned browser libraries (package-lock.json) and copies the files the portal serves into
# ../wwwroot/lib/<name>/ with their licence. Run by hand after changing package.json; commit the copied files
# (CI does not run npm).
set -eu
cd "$(dirname "$0")"
npm ci --ignore-scripts --no-audit --no-fund
lib=../wwwroot/lib

# SortableJS: drag-and-drop ordering of an issue's articles (wwwroot/js/compose.js).
rm -rf "$lib/sortablejs" && mkdir -p "$lib/sortablejs"
cp node_modules/sortablejs/Sortable.min.js node_modules/sortablejs/LICENSE "$lib/sortablejs/"
