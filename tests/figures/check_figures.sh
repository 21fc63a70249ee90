#!/usr/bin/env bash
# The committed figures/<id>/ are what the code draws today: the same files, the same scripts,
# and the same numbers up to what no plot can show (compare_figures.py: another machine's BLAS
# and libm move the last bits). Two ways to get "today":
#   check_figures.sh SOURCE_DIR EXECUTABLE...
#       regenerate every chapter's figures into a scratch directory (`<id> figures`);
#   check_figures.sh SOURCE_DIR --exported EXPORT_DIR ID...
#       use the figures the docs export already wrote to EXPORT_DIR/<id>/ (`<id> export`
#       computes every item at its defaults and writes the same figure files), so that a
#       slow item such as medl04 figure-4.4 is computed once per test run, not twice.
set -u
source_dir=$1; shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

# compare ID FRESH_DIR: the figure files (.tsv .gp .svg .dot) of FRESH_DIR against figures/ID.
compare() {
  local id=$1 fresh=$2 committed="$source_dir/figures/$1"
  mkdir -p "$tmp/fresh/$id"
  find "$fresh" -maxdepth 1 -type f \( -name '*.tsv' -o -name '*.gp' -o -name '*.svg' -o -name '*.dot' \) \
    -exec cp {} "$tmp/fresh/$id/" \;
  if [ -z "$(ls -A "$tmp/fresh/$id")" ] && [ ! -d "$committed" ]; then echo "ok: $id has no figures yet"; return; fi
  if python3 "$(dirname "$0")/compare_figures.py" "$committed" "$tmp/fresh/$id" >"$tmp/diff.txt"; then
    echo "ok: $id ($(ls "$tmp/fresh/$id" | grep -c '\.svg$') figures up to date)"
  else
    echo "FAIL: figures/$id differs from what $id draws now; run 'cmake --build build --target figures'"
    head -5 "$tmp/diff.txt"
    failures=$((failures + 1))
  fi
}

if [ "${1:-}" = "--exported" ]; then
  export_dir=$2; shift 2
  for id in "$@"; do
    [ -d "$export_dir/$id" ] || { echo "FAIL: no export in $export_dir/$id"; failures=$((failures + 1)); continue; }
    compare "$id" "$export_dir/$id"
  done
else
  for exe in "$@"; do
    id=$(basename "$exe")
    "$exe" figures --out "$tmp/gen/$id" >/dev/null || { echo "FAIL: $id figures"; failures=$((failures + 1)); continue; }
    compare "$id" "$tmp/gen/$id"
  done
fi
[ "$failures" -eq 0 ]
