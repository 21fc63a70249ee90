#!/usr/bin/env bash
# Checks the generated documentation site (docs/pages/design.md, documentation).
#
#   check_docs.sh [--chromium PATH] HTML_DIR PAGE...
#       Opens each page in headless Chromium and checks that it rendered: every formula
#       typeset by MathJax (no raw TeX left, no MathJax error) and every figure (<img>,
#       <object>) loaded, with a non-zero size both as a file and as drawn on the page. PAGE is a page name (`index`, `medl04`, `errata`) or a file name
#       relative to HTML_DIR.
#   check_docs.sh --doxygen-log LOG
#       Checks Doxygen's warning log: first for references a page makes that Doxygen could
#       not resolve, which the browser cannot see (Doxygen drops them): an \include or
#       \include{doc} file not found, a \snippet marker not found, an \image not in
#       IMAGE_PATH, a \ref to nothing; then that the log holds no warning at all: every
#       public class, function, member, enum and typedef is documented (docs/pages/design.md,
#       standards).
#
#   check_docs.sh --search [--chromium PATH] HTML_DIR 'QUERY=URL'...
#       Opens index.html?search=QUERY, which makes the search box of the page
#       (docs/descent-search.js) type QUERY, and checks that the first result is URL (a page
#       and anchor, e.g. medl04-s4-5.html#medl04-figure-4-9).
#
# Prints one line per page (or for the log), `ok` or what failed, and exits 1 if anything
# failed (2 on bad usage).
#
# How the browser check works: the site's footer loads page-check.js (docs/page-check.js),
# which waits for MathJax's queue and for every referenced image, then writes what it found
# as data-* attributes on <body>. One headless Chromium opens every page in turn
# (tests/docs/dump_dom.py) and saves its DOM once 20 s of virtual time have passed, as
# `--virtual-time-budget=20000 --dump-dom` would; this script reads those attributes and compares
# the number of formulas MathJax typeset with the number of formulas Doxygen wrote into the
# page's HTML source.
set -u

if [[ ${1:-} == --doxygen-log ]]; then
  log=${2:?--doxygen-log needs a file}
  [[ -f $log ]] || { echo "FAIL doxygen log: no file $log (was the docs target built?)"; exit 1; }
  broken=$(grep -E 'included file .* is not found|for \\snippet should appear twice|image file .* is not found|unable to resolve reference|unable to resolve link' "$log" | sort -u)
  if [[ -n $broken ]]; then
    echo "FAIL doxygen log: $(wc -l <<<"$broken") unresolved references in the pages:"
    sed 's/^/     /' <<<"$broken"
    exit 1
  fi
  echo "ok   doxygen log: every \\include, \\snippet, \\image and \\ref resolved"

  # Zero warnings: every public name is documented, every reference resolves.
  warnings=$(grep -E '(warning|error):' "$log" | sort -u)
  if [[ -n $warnings ]]; then
    echo "FAIL doxygen log: $(wc -l <<<"$warnings") warnings (0 allowed):"
    sed 's/^/     /' <<<"$warnings" | head -n 50
    exit 1
  fi
  echo "ok   doxygen log: 0 warnings"
  exit 0
fi

search=no
if [[ ${1:-} == --search ]]; then
  search=yes
  shift
fi
chromium=chromium
if [[ ${1:-} == --chromium ]]; then
  chromium=${2:?--chromium needs a path}
  shift 2
fi
if (( $# < 2 )); then
  echo "usage: check_docs.sh [--chromium PATH] HTML_DIR PAGE...   or   check_docs.sh --doxygen-log LOG" >&2
  exit 2
fi
html_dir=$(cd "$1" 2>/dev/null && pwd) || { echo "check_docs: no directory $1" >&2; exit 2; }
shift
command -v "$chromium" >/dev/null || { echo "check_docs: no browser '$chromium'" >&2; exit 2; }

here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The value of attribute $2 in the <body ...> tag of file $1 ("" if absent).
body_attr() {
  grep -o -m1 '<body[^>]*>' "$1" | grep -o " $2=\"[^\"]*\"" | head -n1 | sed 's/^[^"]*"//; s/"$//'
}

if [[ $search == yes ]]; then
  # One browser for all the queries: query k's page DOM in $work/search-k.dom.
  requests=()
  k=0
  for spec in "$@"; do
    k=$((k + 1))
    encoded=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "${spec%%=*}")
    requests+=("search-$k=file://$html_dir/index.html?search=$encoded")
  done
  python3 "$here/dump_dom.py" --chromium "$chromium" "$work" "${requests[@]}" \
    2>"$work/browser.stderr"
  failures=0
  k=0
  for spec in "$@"; do
    k=$((k + 1))
    query=${spec%%=*}
    want=${spec#*=}
    dom=$work/search-$k.dom
    if [[ ! -s $dom ]]; then
      failures=$((failures + 1))
      reason=$(head -n1 "$work/search-$k.error" 2>/dev/null || head -n1 "$work/browser.stderr")
      echo "FAIL search \"$query\": chromium could not show the page: ${reason:-no output}"
      continue
    fi
    results=$(grep -o -m1 '<body[^>]*>' "$dom" | grep -o ' data-search-results="[^"]*"' | sed 's/^[^"]*"//; s/"$//')
    first=${results%% *}
    first=${first##*/}
    if [[ $first == "$want" ]]; then
      printf 'ok   search %-16s -> %s\n' "\"$query\"" "$first"
    else
      failures=$((failures + 1))
      echo "FAIL search \"$query\": first result '${first:-none}', expected '$want' (all: ${results:-none})"
    fi
  done
  (( failures == 0 )) || { echo "check_docs: $failures of $# searches failed"; exit 1; }
  echo "check_docs: all $# searches ok"
  exit 0
fi

# One browser for all the pages (dump_dom.py): each page's DOM in $work/NAME.dom.
requests=()
for page in "$@"; do
  file=$page
  [[ $file == *.html ]] || file=$file.html
  [[ -f $html_dir/$file ]] && requests+=("${file%.html}=file://$html_dir/$file")
done
status=0
if (( ${#requests[@]} > 0 )); then
  python3 "$here/dump_dom.py" --chromium "$chromium" "$work" "${requests[@]}" \
    2>"$work/browser.stderr"
  status=$?
fi

failures=0
for page in "$@"; do
  file=$page
  [[ $file == *.html ]] || file=$file.html
  path=$html_dir/$file
  name=${file%.html}
  if [[ ! -f $path ]]; then
    echo "FAIL $name: page not generated ($path)"
    failures=$((failures + 1))
    continue
  fi

  # Formulas as Doxygen wrote them: inline \( ... \), display blocks <p class="formulaDsp">.
  inline=$(grep -o '\\(' "$path" | wc -l)
  display=$(grep -o 'class="formulaDsp"' "$path" | wc -l)
  expected=$((inline + display))

  dom=$work/$name.dom

  problems=()
  # The previous / up / next links (docs/book_pages.py) lead to pages that exist.
  for target in $(grep -o '<div class="booknav">.*</div>' "$path" | grep -o 'href="[^"#]*' | sed 's/^href="//' | sort -u); do
    [[ -f $html_dir/$target ]] || problems+=("book navigation links to $target, which does not exist")
  done
  if [[ ! -s $dom ]]; then
    if [[ -s $work/$name.error ]]; then
      problems+=("chromium could not show the page: $(head -n1 "$work/$name.error")")
    else
      problems+=("chromium failed (exit $status): $(head -n1 "$work/browser.stderr")")
    fi
  elif [[ $(body_attr "$dom" data-check) != done ]]; then
    problems+=("page-check.js did not finish (data-check='$(body_attr "$dom" data-check)'; footer missing or page hung)")
  else
    mathjax=$(body_attr "$dom" data-mathjax)
    total=$(body_attr "$dom" data-math-total)
    rendered=$(body_attr "$dom" data-math-rendered)
    errors=$(body_attr "$dom" data-math-errors)
    raw=$(body_attr "$dom" data-raw-tex)
    figures=$(body_attr "$dom" data-figures-total)
    loaded=$(body_attr "$dom" data-figures-loaded)
    failed=$(body_attr "$dom" data-figures-failed)
    empty=$(body_attr "$dom" data-figures-empty)
    if (( expected > 0 )) && [[ $mathjax != done ]]; then
      problems+=("MathJax $mathjax with $expected formulas in the page")
    fi
    if (( total < expected )); then
      problems+=("MathJax found $total of $expected formulas")
    fi
    if (( rendered < total )); then
      problems+=("$((total - rendered)) of $total formulas not rendered")
    fi
    if (( errors > 0 )); then
      problems+=("$errors MathJax errors")
    fi
    if (( raw > 0 )); then
      problems+=("$raw raw TeX delimiters left in the visible text")
    fi
    if (( loaded < figures )); then
      problems+=("$((figures - loaded)) of $figures images/figures did not load: $failed")
    fi
    if [[ -n $empty ]]; then
      problems+=("figures with no area (0 px wide or high): $empty")
    fi
    # Belt and braces, independent of page-check.js: MathJax's error markup in the DOM.
    if grep -q -E 'class="[^"]*\b(merror|MathJax_Error|noError)\b' "$dom"; then
      problems+=("MathJax error markup in the DOM")
    fi
  fi

  if (( ${#problems[@]} == 0 )); then
    printf 'ok   %-12s %3d formulas typeset, %d/%d images loaded\n' \
      "$name" "$total" "$loaded" "$figures"
  else
    failures=$((failures + 1))
    detail=$(printf '%s; ' "${problems[@]}")
    echo "FAIL $name: ${detail%; }"
  fi
done

if (( failures > 0 )); then
  echo "check_docs: $failures of $# pages failed"
  exit 1
fi
echo "check_docs: all $# pages ok"
