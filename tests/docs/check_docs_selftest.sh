#!/usr/bin/env bash
# The browser check can fail: check_docs.sh run on pages made to break it.
#
#   check_docs_selftest.sh CHROMIUM
#
# Writes four pages next to a copy of docs/page-check.js: one whose figure is fine, one whose
# figure file does not exist, one whose SVG has no size (width="0"), and one whose figure is
# drawn 0 px wide. check_docs.sh must pass the first and fail each of the others with the
# reason; a figure inside a block that is not displayed is not counted. Exit 1 otherwise.
set -u
chromium=${1:?usage: check_docs_selftest.sh CHROMIUM}
here=$(cd "$(dirname "$0")" && pwd)
site=$(mktemp -d)
trap 'rm -rf "$site"' EXIT
cp "$here/../../docs/page-check.js" "$site/"
printf '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30"/></svg>\n' >"$site/fine.svg"
printf '<svg xmlns="http://www.w3.org/2000/svg" width="0" height="0"></svg>\n' >"$site/zero.svg"
page() {  # page NAME BODY
  printf '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>%s<script src="page-check.js"></script></body></html>\n' \
    "$2" >"$site/$1.html"
}
page fine '<div class="image"><object type="image/svg+xml" data="fine.svg"></object></div><div style="display:none"><object type="image/svg+xml" data="fine.svg" style="width:0"></object></div>'
page missing '<div class="image"><object type="image/svg+xml" data="absent.svg"></object></div>'
page zero '<div class="image"><object type="image/svg+xml" data="zero.svg"></object></div>'
page squashed '<div class="image"><img src="fine.svg" style="width:0"></div>'

# All four pages in one run of the check (one browser), then each page's line.
report=$("$here/check_docs.sh" --chromium "$chromium" "$site" fine missing zero squashed)
status=0
expect() {  # expect PAGE ok|FAIL TEXT
  local out
  out=$(grep -E "^(ok   $1 |FAIL $1:)" <<<"$report" | head -n1)
  if [[ $out == "$2"* && $out == *"$3"* ]]; then
    echo "ok   $1: $out"
  else
    echo "FAIL $1: expected '$2 ... $3', got '$out'"
    status=1
  fi
}
expect fine ok "2/2 images loaded"
expect missing FAIL "did not load: absent.svg"
expect zero FAIL "no area (0 px wide or high): zero.svg"
expect squashed FAIL "no area (0 px wide or high): fine.svg"
exit $status
