#!/usr/bin/env bash
# The committed figures/<id>/ are what the code draws today: regenerate every chapter's
# figures into a scratch directory and compare byte for byte (figures are deterministic).
# Usage: check_figures.sh SOURCE_DIR EXECUTABLE...
set -u
source_dir=$1; shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
for exe in "$@"; do
  id=$(basename "$exe")
  "$exe" figures --out "$tmp/$id" >/dev/null || { echo "FAIL: $id figures"; failures=$((failures + 1)); continue; }
  committed="$source_dir/figures/$id"
  if [ -z "$(ls -A "$tmp/$id")" ] && [ ! -d "$committed" ]; then echo "ok: $id has no figures yet"; continue; fi
  if diff -r "$tmp/$id" "$committed" >"$tmp/diff.txt"; then
    echo "ok: $id ($(ls "$tmp/$id" | grep -c '\.svg$') figures up to date)"
  else
    echo "FAIL: figures/$id differs from what $id draws now; run 'cmake --build build --target figures'"
    head -5 "$tmp/diff.txt"
    failures=$((failures + 1))
  fi
done
[ "$failures" -eq 0 ]
