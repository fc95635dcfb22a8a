#!/usr/bin/env bash
# remit sweep over the repository's own rules/ and corpora/, from the repository's root:
#  - the combined text and JSON reports and the HTML index are exactly tests/sweep/expected.*
#    (remit's version blanked, as in the golden tests; REMIT_UPDATE_GOLDEN=1 rewrites them);
#  - each council's HTML report beside the index is exactly its corpus's golden HTML report;
#  - -j 1 and -j 2 write byte-identical files, and the exit status is the worst council's;
#  - the progress bar shows on a terminal (under script(1)) and never in a redirected stderr.
#   run_sweep.sh REMIT
set -euo pipefail
remit=$(realpath "$1")
here=tests/sweep
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
fail() { echo "FAIL: $*" >&2; status=1; }

for jobs in 1 2; do
  rc=0
  "$remit" sweep . -j $jobs --format text --format json="$work/j$jobs.json" --out "$work/out$jobs" \
    >"$work/j$jobs.txt" 2>"$work/j$jobs.err" || rc=$?
  [ "$rc" = 1 ] || fail "-j $jobs: exit status $rc, expected 1 (every seed corpus has a breach)"
  [ ! -s "$work/j$jobs.err" ] || fail "-j $jobs: unexpected stderr: $(cat "$work/j$jobs.err")"
done
cmp "$work/j1.txt" "$work/j2.txt" || fail "-j 1 and -j 2 text reports differ"
cmp "$work/j1.json" "$work/j2.json" || fail "-j 1 and -j 2 JSON reports differ"
diff -r "$work/out1" "$work/out2" >/dev/null || fail "-j 1 and -j 2 HTML folders differ"

version=$("$remit" --version | sed 's/^remit //')
blank() { sed "s/\b${version//./\\.}\b/@VERSION@/g" "$1"; }
for pair in "j1.txt expected.txt" "j1.json expected.json" "out1/index.html expected-index.html"; do
  set -- $pair
  if [ "${REMIT_UPDATE_GOLDEN:-}" = 1 ]; then
    blank "$work/$1" >"$here/$2"
    echo "updated $here/$2"
  elif ! diff -u <(blank "$here/$2") <(blank "$work/$1"); then
    fail "$1 differs from $here/$2 (REMIT_UPDATE_GOLDEN=1 to accept it)"
  fi
done
# Each council's own page is the report `remit check --format html` gives over its window.
for page in "$work"/out1/*.html; do
  slug=$(basename "$page" .html)
  [ "$slug" = index ] && continue
  cmp -s <(blank "$page") <(blank "corpora/$slug/expected.html") || fail "$slug.html is not corpora/$slug/expected.html"
done
xmllint --noout "$work/out1/index.html" || fail "the HTML index is not well-formed"

# A terminal sees the bar on stderr; the report on stdout stays the same. `script` (util-linux)
# gives remit a terminal; tests/CMakeLists.txt runs this test only once it is installed.
command -v script >/dev/null || fail "script (util-linux, Debian package bsdutils) is not installed"
script -qec "'$remit' sweep . -j 2 >'$work/tty.txt' 2>/dev/tty" /dev/null >"$work/tty.err" </dev/null || true
grep -q 'sweep \[' "$work/tty.err" || fail "no progress bar on a terminal"
cmp -s "$work/tty.txt" "$work/j1.txt" || fail "the report differs when stderr is a terminal"
exit $status
