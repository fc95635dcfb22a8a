#!/usr/bin/env bash
# remit sweep over a folder that holds what a sweep must not read or trust:
#  - a named pipe, and a link to a device, in place of a council's log, and a named pipe in place
#    of a window file: each such council is an error naming the file, the others are audited, and
#    the sweep never waits on them (every run is bounded by timeout(1));
#  - a council that fails in this run has no page in --out, though an earlier run left one there:
#    the folder never shows a stale report as current;
#  - a rule file named index.remit cannot name a council: its page would be the index.
# Runs in a scratch folder.
#   sweep_hostile.sh REMIT
set -euo pipefail
remit=$(realpath "$1")
src=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }
# sweep EXPECTED_EXIT ARGS...: remit sweep, its stdout in $out and stderr in $err, within 20 seconds.
sweep() {
  local expected=$1 rc=0
  shift
  out=$(timeout 20 "$remit" sweep "$@" 2>"$work/err") || rc=$?
  err=$(cat "$work/err")
  [ "$rc" != 124 ] || fail "remit sweep $*: still running after 20 seconds"
  [ "$rc" = "$expected" ] || fail "remit sweep $*: exit status $rc, expected $expected: $out $err"
}
good=tests/cli/sweep-broken-council
cd "$work"
mkdir -p rules corpora/good
cp "$src/$good/rules/good.remit" rules/
cp "$src/$good/corpora/good/meetings.csv" "$src/$good/corpora/good/window" corpora/good/
for slug in piped device slow-window; do
  sed "s/Good Council/Council $slug/" rules/good.remit >"rules/$slug.remit"
  mkdir "corpora/$slug"
done
mkfifo corpora/piped/meetings.csv
ln -s /dev/zero corpora/device/meetings.csv
cp corpora/good/meetings.csv corpora/slow-window/
mkfifo corpora/slow-window/window

# A page of each left by an earlier run, that this run cannot vouch for.
mkdir out
for slug in piped device slow-window; do echo "<p>an earlier run</p>" >"out/$slug.html"; done
sweep 2 . --out out -j 2
grep -qx "device: error, not audited" <<<"$out" || fail "the device's council is not an error: $out"
grep -qx "  | corpora/device/meetings.csv: error: is a device, not a regular file: a sweep reads only regular files" <<<"$out" ||
  fail "the device is not named: $out"
grep -qx "piped: error, not audited" <<<"$out" || fail "the named pipe's council is not an error: $out"
grep -qx "  | corpora/piped/meetings.csv: error: is a named pipe, not a regular file: a sweep reads only regular files" <<<"$out" ||
  fail "the named pipe is not named: $out"
grep -qx "  | remit: 1 error found; nothing was audited for this council" <<<"$out" || fail "no closing line: $out"
grep -qx "  | remit: error: corpora/slow-window/window is a named pipe, not a regular file: a sweep reads only regular files" <<<"$out" ||
  fail "the window that is a named pipe is not named: $out"
grep -q "^good: breach, 2024-01-01 to 2024-12-31; 4 log rows read" <<<"$out" || fail "the good council was not audited: $out"
[ -z "$err" ] || fail "unexpected stderr: $err"
for slug in piped device slow-window; do
  [ ! -e "out/$slug.html" ] || fail "out/$slug.html, a page of an earlier run, is still there beside an index that says the council is in error"
done
[ -s out/good.html ] && [ -s out/index.html ] || fail "the good council's page or the index is missing"
[ -p corpora/piped/meetings.csv ] && [ -L corpora/device/meetings.csv ] || fail "an input was replaced"

# A council audited in one run and broken in the next: its page goes with it.
rm corpora/piped/meetings.csv corpora/device/meetings.csv corpora/slow-window/window
rm -r rules/piped.remit rules/device.remit rules/slow-window.remit corpora/piped corpora/device corpora/slow-window
sweep 1 . --out out
[ -s out/good.html ] || fail "no page for the good council"
echo "  1  meets evry 3 months" >>rules/good.remit
sweep 2 . --out out
grep -qx "good: error, not audited" <<<"$out" || fail "the broken council is not an error: $out"
[ ! -e out/good.html ] || fail "out/good.html of the earlier run is still there, though the council is now in error"
grep -q "good.html" out/index.html && fail "the index links to a page that is not there"
cp "$src/$good/rules/good.remit" rules/

# A page that is a link is removed as a link: what it points to is not touched.
echo "kept" >elsewhere.html
ln -s "$work/elsewhere.html" out/good.html
echo "  1  meets evry 3 months" >>rules/good.remit
sweep 2 . --out out
[ ! -e out/good.html ] && [ ! -L out/good.html ] || fail "the link out/good.html is still there"
[ "$(cat elsewhere.html)" = kept ] || fail "the file a stale link pointed to was changed"
cp "$src/$good/rules/good.remit" rules/

# index.remit would name the page index.html: refused before anything is written.
cp rules/good.remit rules/index.remit
mkdir -p corpora/index
cp corpora/good/meetings.csv corpora/index/
rm -rf out
sweep 2 . --out out
[ "$err" = "rules/index.remit: error: 'index' cannot name a council: its page would be index.html, the sweep's own index page; rename the file
remit: 1 error found; nothing was swept" ] || fail "unexpected message for rules/index.remit: $err"
[ ! -e out ] || fail "something was written to out"
echo "ok"
