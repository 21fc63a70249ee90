#!/usr/bin/env bash
# The command-line contract of DESIGN.md §3, checked against the real executables:
# every command works, bad input gets exactly one line on stderr and exit status 2, and
# a failed run leaves no file behind. Usage: check_cli.sh MEDL04 NOTES02 AGGARWAL03 RISTESKI05
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
for want in "theta0 = 1.5  (book)" "tolerance = 1e-12  (companion default)" "allowed: integer, 1 <= max_iterations <= 10000"; do
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

if [ "$failures" -ne 0 ]; then echo "$failures failure(s)"; exit 1; fi
echo "cli contract: all checks passed"
