#!/usr/bin/env bash
# The data directory of medl04 figure-4.4 is a parameter: --set data=DIR, else $DESCENT_DATA,
# else Debian's Fashion-MNIST. Checked with MNIST-format files this script writes itself, in a
# directory whose name holds quotes, a bar, gnuplot system("...") calls, $(...) and backquotes:
# nothing in it may run (not in gnuplot, not in a shell), and every output quoting it shows it
# escaped as its format requires. Bad directories get one line and exit status 2.
# aggarwal03 figure-3.18 reads the same way (its validation images from the t10k files).
# Usage: check_data_dir.sh MEDL04 AGGARWAL03
set -u
medl04=$(realpath "$1")  # the runs below change directory
aggarwal03=$(realpath "$2")
failures=0
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp"; rm -rf "$tmp"' EXIT

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# be32 N: the escapes of N as 4 big-endian bytes, for printf.
be32() {
  printf '\\x%02x\\x%02x\\x%02x\\x%02x' $(($1 >> 24 & 255)) $(($1 >> 16 & 255)) \
    $(($1 >> 8 & 255)) $(($1 & 255))
}
# write_set DIR N [SIDE]: N images of SIDE x SIDE pixels (28 by default; pixel k of image i is
# (i + k) mod 251) and their labels i mod 10, as MNIST's uncompressed training files.
write_set() {
  local dir=$1 n=$2 side=${3:-28}
  mkdir -p "$dir"
  {
    printf '\x00\x00\x08\x03'
    printf "$(be32 "$n")$(be32 "$side")$(be32 "$side")"
    # (awk may not print a NUL with %c: it prints bytes 1..251, which tr shifts down to 0..250)
    LC_ALL=C awk -v n="$n" -v p=$((side * side)) 'BEGIN { for (i = 0; i < n; i++)
      for (k = 0; k < p; k++) printf "%c", (i + k) % 251 + 1 }' | LC_ALL=C tr '\001-\373' '\000-\372'
  } >"$dir/train-images-idx3-ubyte"
  {
    printf '\x00\x00\x08\x01'
    printf "$(be32 "$n")"
    LC_ALL=C awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) printf "%c", i % 10 + 1 }' |
      LC_ALL=C tr '\001-\012' '\000-\011'
  } >"$dir/train-labels-idx1-ubyte"
}

# expect_bad_input NAME ARGS...: exit 2, one line on stderr, nothing on stdout.
expect_bad_input() {
  local name=$1
  shift
  "$@" >"$tmp/out" 2>"$tmp/err"
  local status=$?
  if [ "$status" -ne 2 ]; then fail "$name: exit status $status, expected 2"; fi
  if [ "$(wc -l <"$tmp/err")" -ne 1 ]; then fail "$name: stderr is not one line: $(cat "$tmp/err")"; fi
  if [ -s "$tmp/out" ]; then fail "$name: wrote to stdout"; fi
  echo "ok: $name -> $(cat "$tmp/err")"
}

quick=(--set train=20 --set validation=10 --set epochs=2 --set widths=8 --set batch=5)

# A directory name that would run commands if it reached gnuplot or a shell unescaped.
weird="$tmp/it's \"q\" a|b \$(touch pwned1) \`touch pwned2\` '; system('touch pwned3'); '"
weird+=" \"; system(\"touch pwned4\"); \" x"
write_set "$weird" 40
[ "$(stat -c %s "$weird/train-images-idx3-ubyte")" -eq $((16 + 40 * 784)) ] ||
  fail "the crafted image file has the wrong size"

# Text output with the figure written (and drawn, when gnuplot is installed), from $tmp so
# that a `touch` that ran would leave its file there.
(cd "$tmp" && "$medl04" run figure-4.4 --set "data=$weird" "${quick[@]}" --out "$tmp/fig" \
  >"$tmp/run.txt" 2>"$tmp/run.err") || fail "figure-4.4 on the crafted set: $(cat "$tmp/run.err")"
grep -qF "note: The images of the data directory $weird: training images 1-20" "$tmp/run.txt" ||
  fail "the text note does not name the directory as given"
grep -qF "data = $weird" "$tmp/run.txt" || fail "the text header does not show the parameter"
[ -f "$tmp/fig/figure-4.4.gp" ] || fail "no gnuplot script written"
if command -v gnuplot >/dev/null; then  # the script was run: nothing in it may have executed
  [ -f "$tmp/fig/figure-4.4.svg" ] || fail "gnuplot is installed but drew no SVG"
fi
if grep -q "touch" "$tmp/fig/figure-4.4.gp" "$tmp/fig/figure-4.4.tsv"; then
  fail "the directory name reached the gnuplot script or its data"
fi
# Markdown escapes the bar (a table cell separator); JSON escapes the quotes.
(cd "$tmp" && "$medl04" run figure-4.4 --set "data=$weird" "${quick[@]}" --format markdown \
  >"$tmp/run.md" 2>/dev/null) || fail "figure-4.4 --format markdown"
grep -qF "a\\|b" "$tmp/run.md" || fail "markdown does not escape the bar of the directory name"
(cd "$tmp" && "$medl04" run figure-4.4 --set "data=$weird" "${quick[@]}" --format json \
  >"$tmp/run.json" 2>/dev/null) || fail "figure-4.4 --format json"
grep -qF "\"data\":\"${weird//\"/\\\"}\"" "$tmp/run.json" ||
  fail "json does not carry the directory name, escaped"
# The environment variable is the fallback when no data= is given.
(cd "$tmp" && DESCENT_DATA="$weird" "$medl04" run figure-4.4 "${quick[@]}" >"$tmp/env.txt" \
  2>/dev/null) || fail "figure-4.4 with DESCENT_DATA"
grep -qF "note: The images of the data directory $weird:" "$tmp/env.txt" ||
  fail "DESCENT_DATA is not used when data= is not given"
if [ -n "$(find "$tmp" -type f -name 'pwned*')" ]; then
  fail "text from the data parameter was executed: $(find "$tmp" -type f -name 'pwned*')"
fi
echo "ok: the crafted directory is read, quoted, and nothing in its name runs"

# Bad directories: one line, exit 2.
expect_bad_input "missing data directory" "$medl04" run figure-4.4 "${quick[@]}" \
  --set "data=$tmp/none"
grep -q "does not exist" "$tmp/err" || fail "missing directory: message does not say so"
expect_bad_input "missing directory from DESCENT_DATA" env DESCENT_DATA="$tmp/none" \
  "$medl04" run figure-4.4 "${quick[@]}"
touch "$tmp/a-file"
expect_bad_input "data is a file" "$medl04" run figure-4.4 "${quick[@]}" --set "data=$tmp/a-file"
write_set "$tmp/ten" 10
expect_bad_input "fewer images than train + validation" "$medl04" run figure-4.4 "${quick[@]}" \
  --set "data=$tmp/ten"
grep -q "train + validation = 30 images, but .* holds 10; allowed: train + validation <= 10" \
  "$tmp/err" || fail "fewer images: the message lacks both counts"
write_set "$tmp/small" 40 2
expect_bad_input "2 x 2 images" "$medl04" run figure-4.4 "${quick[@]}" --set "data=$tmp/small"
grep -q "allowed: 28x28" "$tmp/err" || fail "2x2 images: the message lacks the size allowed"
if [ "$(id -u)" -ne 0 ]; then  # root reads anything
  write_set "$tmp/locked" 40 && chmod 000 "$tmp/locked/train-images-idx3-ubyte"
  expect_bad_input "unreadable file" "$medl04" run figure-4.4 "${quick[@]}" \
    --set "data=$tmp/locked"
fi
# aggarwal03 figure-3.18: the same crafted directory, with t10k files (copies of the training
# ones) for its validation images; $DESCENT_DATA is its fallback too.
for part in images-idx3-ubyte labels-idx1-ubyte; do cp "$weird/train-$part" "$weird/t10k-$part"; done
quick318=(--set train=20 --set validation=10 --set epochs=1 --set widths=8 --set batch=5)
(cd "$tmp" && "$aggarwal03" run figure-3.18 --set "data=$weird" "${quick318[@]}" --out "$tmp/fig318" \
  >"$tmp/run318.txt" 2>"$tmp/run318.err") || fail "figure-3.18 on the crafted set: $(cat "$tmp/run318.err")"
(cd "$tmp" && DESCENT_DATA="$weird" "$aggarwal03" run figure-3.18 "${quick318[@]}" >/dev/null \
  2>"$tmp/run318.err") || fail "figure-3.18 with DESCENT_DATA: $(cat "$tmp/run318.err")"
if [ -n "$(find "$tmp" -type f -name 'pwned*')" ]; then
  fail "figure-3.18: text from the data parameter was executed"
fi
expect_bad_input "figure-3.18: missing directory from DESCENT_DATA" env DESCENT_DATA="$tmp/none" \
  "$aggarwal03" run figure-3.18 "${quick318[@]}"
expect_bad_input "figure-3.18: fewer validation images than asked" "$aggarwal03" run figure-3.18 \
  "${quick318[@]}" --set validation=41 --set "data=$weird"

# describe says where the data comes from and that MNIST itself can be used.
"$medl04" describe figure-4.4 | grep -q "original MNIST files" ||
  fail "describe figure-4.4 does not mention the original MNIST files"

if [ "$failures" -ne 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "all data-directory checks passed"
