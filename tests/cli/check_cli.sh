#!/usr/bin/env bash
# The command-line contract (docs/pages/design.md, command line), checked against the real
# executables: every command works, bad input gets exactly one line on stderr and exit status 2,
# and a failed run leaves no file behind. Usage: check_cli.sh MEDL04 NOTES02 AGGARWAL03 RISTESKI05
set -u
medl04=$1
failures=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# expect_bad_input NAME ARGS...: exit 2, one line on stderr, nothing on stdout.
expect_bad_input() {
  local name=$1; shift
  "$@" >"$tmp/out" 2>"$tmp/err"
  local status=$?
  local lines
  lines=$(wc -l <"$tmp/err")
  if [ "$status" -ne 2 ]; then fail "$name: exit status $status, expected 2"; fi
  if [ "$lines" -ne 1 ]; then fail "$name: $lines lines on stderr, expected 1: $(cat "$tmp/err")"; fi
  if [ -s "$tmp/out" ]; then fail "$name: wrote to stdout"; fi
  echo "ok: $name -> $(cat "$tmp/err")"
}

for exe in "$@"; do
  "$exe" list >/dev/null || fail "$exe list"
  "$exe" --help >/dev/null || fail "$exe --help"
  # --quick skips the items marked slow (medl04 figure-4.4), which the docs export computes
  # at their defaults and figures/up-to-date compares with the committed figures.
  "$exe" all --quick --format json >/dev/null 2>"$tmp/quick-$(basename "$exe").err" ||
    fail "$exe all --quick"
done
grep -q "^medl04: --quick skips figure-4.4 " "$tmp/quick-$(basename "$medl04").err" ||
  fail "all --quick does not say that it skips figure-4.4"
expect_bad_input "--quick is only for all" "$medl04" run eq-4.52 --quick

expect_bad_input "no command" "$medl04"
expect_bad_input "unknown command" "$medl04" frobnicate
expect_bad_input "unknown item" "$medl04" run table-99.9
expect_bad_input "unknown parameter" "$medl04" run eq-4.52 --set gamma=1
expect_bad_input "missing =" "$medl04" run eq-4.52 --set theta0
expect_bad_input "malformed number" "$medl04" run eq-4.52 --set theta0=1.5x
expect_bad_input "NaN" "$medl04" run eq-4.52 --set theta0=nan
expect_bad_input "infinity" "$medl04" run eq-4.52 --set theta0=inf
expect_bad_input "out of range" "$medl04" run eq-4.52 --set max_iterations=0
expect_bad_input "not an integer" "$medl04" run eq-4.52 --set max_iterations=2.5
expect_bad_input "vector too long" "$medl04" run eq-4.52 --set starts=$(seq -s, 1 60)
expect_bad_input "bad format" "$medl04" run eq-4.52 --format yaml
expect_bad_input "unknown option" "$medl04" run eq-4.52 --verbose
expect_bad_input "cross-parameter check" "$medl04" run eq-4.53 --set theta0=2 --set theta1=2
touch "$tmp/a-file"
expect_bad_input "output dir is a file" "$medl04" run figure-4.10 --out "$tmp/a-file/sub"
mkdir -p "$tmp/readonly" && chmod 500 "$tmp/readonly"
if [ "$(id -u)" -ne 0 ]; then  # root may write anywhere
  expect_bad_input "unwritable output dir" "$medl04" run figure-4.10 --out "$tmp/readonly"
fi
# A rejected run writes nothing, even with --out.
"$medl04" run figure-4.10 --set theta_a=nan --out "$tmp/none" >/dev/null 2>&1
if [ -n "$(ls -A "$tmp/none" 2>/dev/null)" ]; then fail "bad input left files in --out"; fi

# The JSON of eq-4.52 carries the book's iterates with full precision.
json=$("$medl04" run eq-4.52 --format json)
case "$json" in
  *'"item":"eq-4.52"'*'"theta_1":5.25'*) echo "ok: json of eq-4.52" ;;
  *) fail "json of eq-4.52: $json" ;;
esac
# describe lists every parameter with its default, provenance and allowed range.
desc=$("$medl04" describe eq-4.52)
for want in "theta0 = 1.5  (book)" "tolerance = 1e-12  (companion default)" "allowed: an integer with 1 <= max_iterations <= 10000"; do
  case "$desc" in *"$want"*) ;; *) fail "describe eq-4.52 lacks '$want'" ;; esac
done
# Every format prints; CSV and JSON carry 17 significant digits.
for format in text markdown csv json; do
  "$medl04" run eq-4.52 --format "$format" >"$tmp/out.$format" || fail "--format $format"
done
grep -q "^2,3.5955882352941178," "$tmp/out.csv" || fail "csv lacks theta_2 with 17 digits"
# --set changes a parameter and the output says so.
"$medl04" run eq-4.52 --set theta0=0.5 | grep -q "theta0 = 0.5" || fail "--set theta0 not shown"
# Same inputs, same bytes.
a=$("$medl04" all --quick --format json 2>/dev/null); b=$("$medl04" all --quick --format json 2>/dev/null)
[ "$a" = "$b" ] || fail "two runs of 'all' differ"
# Figures: data, script and (with gnuplot) SVG, identical on a second run.
"$medl04" run figure-4.10 --out "$tmp/fig1" >/dev/null || fail "figure-4.10 --out"
"$medl04" run figure-4.10 --out "$tmp/fig2" >/dev/null || fail "figure-4.10 --out (2)"
for ext in tsv gp; do
  [ -s "$tmp/fig1/figure-4.10.$ext" ] || fail "figure-4.10.$ext missing"
done
if command -v gnuplot >/dev/null; then
  [ -s "$tmp/fig1/figure-4.10.svg" ] || fail "figure-4.10.svg missing"
fi
diff -r "$tmp/fig1" "$tmp/fig2" >/dev/null || fail "figure output differs between runs"
ls -A "$tmp/fig1" | grep -q '\.tmp-' && fail "temporary files left in --out"
# export writes gallery.md for the docs' gallery page: every figure it drew, each once.
last_exe=${!#}
if command -v gnuplot >/dev/null && command -v dot >/dev/null; then
  "$last_exe" export --out "$tmp/export" >/dev/null 2>&1 || fail "$last_exe export"
  svgs=$(cd "$tmp/export" && ls *.svg 2>/dev/null | sort)
  listed=$(sed -n 's/^  \\image html \([^ ]*\) .*/\1/p' "$tmp/export/gallery.md" | sort)
  [ -n "$svgs" ] || fail "$last_exe export drew no figure"
  [ "$svgs" = "$listed" ] || fail "gallery.md does not list exactly the exported SVGs"
fi
# --figure-format: PNG or PDF instead of SVG, from gnuplot and from Graphviz; anything else is
# bad input.
expect_bad_input "bad figure format" "$medl04" run figure-4.10 --figure-format jpeg --out "$tmp/bad"
[ -e "$tmp/bad" ] && fail "a bad --figure-format created its --out directory"
expect_bad_input "--figure-format needs a value" "$medl04" figures --out "$tmp/bad" --figure-format
expect_bad_input "--figure-format is not for list" "$medl04" list --figure-format png
if command -v gnuplot >/dev/null && command -v dot >/dev/null; then
  for format in png pdf; do
    "$medl04" run figure-4.10 --figure-format "$format" --out "$tmp/$format" >/dev/null ||
      fail "figure-4.10 --figure-format $format"
    "$medl04" run figure-4.7 --figure-format="$format" --out "$tmp/$format" >/dev/null ||
      fail "figure-4.7 --figure-format=$format"
    [ -e "$tmp/$format/figure-4.10.svg" ] && fail "--figure-format $format wrote an SVG"
  done
  for stem in figure-4.10 figure-4.7; do
    head -c 4 "$tmp/png/$stem.png" | grep -q PNG || fail "$stem.png is not a PNG"
    head -c 4 "$tmp/pdf/$stem.pdf" | grep -q '%PDF' || fail "$stem.pdf is not a PDF"
  done
fi

# Error lines are one short line whatever the input: control characters escaped, long values cut.
expect_bad_input "newline in a value" "$medl04" run eq-4.52 --set $'theta0=1\n2'
expect_bad_input "newline in an item id" "$medl04" run $'a\nb'
expect_bad_input "hexadecimal number" "$medl04" run eq-4.52 --set theta0=0x10
expect_bad_input "hex float" "$medl04" run eq-4.52 --set theta0=0x1p-2
"$medl04" run eq-4.52 --set "theta0=$(head -c 130000 /dev/zero | tr '\0' 7)" 2>"$tmp/err" >/dev/null
[ "$(wc -c <"$tmp/err")" -le 201 ] || fail "a 130000-character value is echoed whole: $(wc -c <"$tmp/err") bytes"

# Output faults are errors: a full disk or a closed stdout is exit 1 with one line.
"$medl04" list >/dev/full 2>"$tmp/err"; status=$?
[ "$status" -eq 1 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "list > /dev/full: exit $status, $(cat "$tmp/err")"
"$medl04" run eq-4.52 >&- 2>"$tmp/err"; status=$?
[ "$status" -eq 1 ] || fail "run with stdout closed: exit $status"
echo "ok: output faults -> $(cat "$tmp/err")"

# A failed item creates no --out directory; a rejected one neither.
"$medl04" run figure-4.10 --set theta_a=nan --out "$tmp/new/deeper" >/dev/null 2>&1
[ -e "$tmp/new" ] && fail "a rejected run created its --out directory"
"$medl04" run eq-4.51 --out "$tmp/no-figures" >/dev/null 2>&1 || fail "eq-4.51 --out"
[ -e "$tmp/no-figures" ] && fail "an item without figures created its --out directory"

# Without gnuplot the data and script are written and one line says why there is no SVG.
mkdir -p "$tmp/nobin"
PATH="$tmp/nobin" "$medl04" run figure-4.10 --out "$tmp/noplot" >/dev/null 2>"$tmp/err"; status=$?
[ "$status" -eq 0 ] || fail "without gnuplot: exit $status"
[ -s "$tmp/noplot/figure-4.10.tsv" ] && [ ! -e "$tmp/noplot/figure-4.10.svg" ] || fail "without gnuplot: files"
grep -q "gnuplot (apt-get install gnuplot-nox) not found" "$tmp/err" && [ "$(wc -l <"$tmp/err")" -eq 1 ] ||
  fail "without gnuplot the run does not say so in one line: $(cat "$tmp/err")"
echo "ok: no gnuplot -> $(cat "$tmp/err")"

# A gnuplot that hangs is ended after the time limit, with a message and nothing left behind.
printf '#!/bin/sh\nexec /bin/sleep 30\n' >"$tmp/nobin/gnuplot" && chmod +x "$tmp/nobin/gnuplot"
start=$(date +%s)
PATH="$tmp/nobin" DESCENT_RENDER_TIMEOUT=1 "$medl04" run figure-4.10 --out "$tmp/hung" >/dev/null 2>"$tmp/err"
status=$?
[ "$status" -eq 1 ] && grep -q "did not finish within 1 s" "$tmp/err" || fail "hung gnuplot: exit $status, $(cat "$tmp/err")"
[ $(($(date +%s) - start)) -lt 10 ] || fail "hung gnuplot: not ended promptly"
[ -n "$(ls -A "$tmp/hung" 2>/dev/null)" ] && fail "hung gnuplot left files: $(ls -A "$tmp/hung")"
echo "ok: hung gnuplot -> $(cat "$tmp/err")"

# SIGINT and SIGTERM end a run promptly with 130 and 143, leaving no temporary file and no
# directory the run created. The renderer that hangs keeps the run inside write_figures.
for sig in INT TERM; do
  PATH="$tmp/nobin" DESCENT_RENDER_TIMEOUT=60 "$medl04" run figure-4.10 --out "$tmp/sig-$sig/out" >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 50); do [ -n "$(ls -A "$tmp/sig-$sig/out" 2>/dev/null)" ] && break; sleep 0.1; done
  kill -s "$sig" "$pid"; wait "$pid"; status=$?
  want=$([ "$sig" = INT ] && echo 130 || echo 143)
  [ "$status" -eq "$want" ] || fail "SIG$sig: exit $status, expected $want"
  [ -e "$tmp/sig-$sig/out" ] && fail "SIG$sig left $(ls -A "$tmp/sig-$sig/out")"
  echo "ok: SIG$sig -> exit $status, nothing left"
done

# Temporaries of a killed run (SIGKILL cannot be caught) are removed by the next run there.
mkdir -p "$tmp/killed"
touch "$tmp/killed/.figure-4.10.svg.tmp-4194305" "$tmp/killed/.figure-4.10.tsv.tmp-4194305"
"$medl04" run figure-4.10 --out "$tmp/killed" >/dev/null 2>&1 || fail "run after a killed run"
ls -A "$tmp/killed" | grep -q '\.tmp-' && fail "stale temporaries survived: $(ls -A "$tmp/killed")"

# --- aggarwal03: renamed items, and accepted input that once crashed or ended in exit 1 ----
aggarwal03=$3
expect_bad_input "aggarwal03 old exercise id" "$aggarwal03" run exercise-3.7
grep -q "exercise-7" "$tmp/err" || fail "aggarwal03 run exercise-3.7 does not point to exercise-7"
for args in "figure-3.8 --set depth=16" "figure-3.9 --set alpha_circle=1e100" \
            "figure-3.17 --set w0=0,0"; do
  # shellcheck disable=SC2086
  "$aggarwal03" run $args --format json >"$tmp/out" 2>"$tmp/err"
  status=$?
  [ "$status" -eq 0 ] || fail "aggarwal03 run $args: exit $status, $(head -c 200 "$tmp/err")"
  grep -q '"status":"[^"]' "$tmp/out" || fail "aggarwal03 run $args: the status says nothing"
  echo "ok: aggarwal03 run $args -> exit 0 with a status"
done
expect_bad_input "aggarwal03 grid too large" "$aggarwal03" run figure-3.10 --set to=1e7

if [ "$failures" -ne 0 ]; then echo "$failures failure(s)"; exit 1; fi
echo "cli contract: all checks passed"
