#!/usr/bin/env bash
# The exercise runner's contract (scripts/exercises), run against a built tree:
#   check_runner.sh SOURCE_DIR BUILD_DIR
# list shows every exercise of the manifest in its order; next names the first; hint gives the
# levels one after another; check on a shipped stub exits 1 and says which function is not
# written yet; an unknown name is refused with one line and exit status 2. The progress file is
# a temporary one, so a student's progress in the build tree is left alone.
set -u
root=$1
export DESCENT_BUILD_DIR=$2 NO_COLOR=1
export DESCENT_EXERCISES_PROGRESS=$(mktemp)
trap 'rm -f "$DESCENT_EXERCISES_PROGRESS"' EXIT
runner=$root/scripts/exercises
failures=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }

names=$(grep -v '^#' "$root/tests/exercises/manifest.txt" | grep -v '^[[:space:]]*$' | sed 's/ *|.*//; s|.*/||')
first=$(head -n1 <<<"$names")

out=$("$runner" list) || fail "list exited $?"
listed=$(grep -oE '^ *[0-9]+ (pending|passing)  [a-z0-9_]+' <<<"$out" | awk '{print $3}')
[[ $listed == "$names" ]] || fail "list does not show the manifest's exercises in its order"

out=$("$runner" next) || fail "next exited $?"
grep -q "scripts/exercises check $first" <<<"$out" || fail "next does not name $first"

out=$("$runner" hint newton_step) && grep -q 'hint 1 of' <<<"$out" || fail "the first hint is not level 1"
out=$("$runner" hint newton_step) && grep -q 'hint 2 of' <<<"$out" || fail "hint again is not level 2"

out=$("$runner" check newton_step 2>&1)
status=$?
[[ $status == 1 ]] || fail "check on the shipped stub exited $status, not 1"
grep -q '0 of 5 test cases pass' <<<"$out" || fail "check does not count the failing cases"
grep -q 'not written yet: newton_step in chapters/medl04/exercises/newton_step.hpp' <<<"$out" ||
  fail "check does not say which function is not written"
grep -qE '^\[[0-9]+/[0-9]+\]|ninja' <<<"$out" && fail "check shows the build tool's lines"

err=$("$runner" check no_such_exercise 2>&1 >/dev/null)
status=$?
[[ $status == 2 ]] || fail "an unknown exercise exited $status, not 2"
[[ $(wc -l <<<"$err") == 1 ]] || fail "an unknown exercise is not refused in one line"

# docs/pages/exercises.md lists every exercise, with its command, in the manifest's order (its
# tables' rows)
documented=$(grep -oE '^\| `scripts/exercises check [a-z0-9_]+`' "$root/docs/pages/exercises.md" | sed 's/.* //; s/`//')
[[ $documented == "$names" ]] || fail "docs/pages/exercises.md does not list the manifest's exercises in its order"

(( failures == 0 )) && echo "ok   scripts/exercises: list, next, hint, check and the exercises page"
exit $(( failures > 0 ))
