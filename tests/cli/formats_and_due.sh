#!/usr/bin/env bash
# Several reports from one run (--format NAME --format NAME=FILE ...), each file written whole and
# identical to what that format alone prints; the ways a set of --format options can be wrong;
# and remit due: its exit status, --as-of (default today), --horizon and its outputs.
set -euo pipefail
remit=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }
rules=rules/blackburn-with-darwen.remit
log=corpora/blackburn-with-darwen/meetings.csv
window=(--from 2024-04-01 --to 2026-03-31)
check() { "$remit" check $rules --log $log "${window[@]}" "$@"; }

for f in text json html sarif; do check --format $f >"$work/alone.$f" || true; done
rc=0
check --format text --format html="$work/a.html" --format json="$work/a.json" --format sarif="$work/a.sarif" \
  >"$work/stdout" || rc=$?
[ "$rc" = 1 ] || fail "several formats: exit status $rc, expected 1 (the corpus has breaches)"
cmp -s "$work/stdout" "$work/alone.text" || fail "stdout differs from --format text alone"
for f in html json sarif; do cmp -s "$work/a.$f" "$work/alone.$f" || fail "a.$f differs from --format $f alone"; done
[ -z "$(find "$work" -name '.a.*')" ] || fail "a temporary file was left behind"

rc=0
check --format json="$work/b.json" --format text -o "$work/b.txt" >"$work/stdout" || rc=$?
[ "$rc" = 1 ] && [ ! -s "$work/stdout" ] || fail "-o with --format NAME=FILE: exit $rc, stdout: $(head -c 200 "$work/stdout")"
cmp -s "$work/b.txt" "$work/alone.text" && cmp -s "$work/b.json" "$work/alone.json" || fail "-o did not get the stdout report"

expect_error() {  # expect_error MESSAGE ARGS...: exit 2, MESSAGE on stderr, nothing on stdout
  local message=$1; shift
  local rc=0
  check "$@" >"$work/stdout" 2>"$work/stderr" || rc=$?
  [ "$rc" = 2 ] || fail "$*: exit status $rc, expected 2"
  grep -qF "$message" "$work/stderr" || fail "$*: expected '$message', got: $(cat "$work/stderr")"
  [ ! -s "$work/stdout" ] || fail "$*: printed a report"
}
expect_error "remit: error: only one --format can go to standard output" --format text --format json
expect_error "remit: error: two reports would be written to $work/same" --format json="$work/same" --format html="$work/same"
expect_error "remit: error: --format html=: a file name is needed after '='" --format html=
expect_error "remit: error: --format: pdf not in {text,json,html,markdown,csv,findings,junit,sarif,xlsx}" --format pdf="$work/x.pdf"
[ ! -e "$work/same" ] && [ ! -e "$work/x.pdf" ] || fail "a refused run wrote a file"
# A file that cannot be written stops the run before stdout, and no other file is put in place.
expect_error "remit: error: cannot create a file in $work/missing" --format json="$work/c.json" \
  --format html="$work/missing/c.html" --format text
[ ! -e "$work/c.json" ] || fail "a file was put in place though another could not be written"
[ -z "$(find "$work" -name '.c.json.*')" ] || fail "a temporary file was left behind"

# remit due: 1 when something is overdue, 0 when nothing is.
due() { "$remit" due "rules/$1.remit" --log "corpora/$1/meetings.csv" "${@:2}"; }
# As of 2026-06-15 the Panel's last held meeting, 2026-03-31, is more than two months past (clause
# 5, the strict gap; the meeting scheduled for 2026-05-19 is not recorded as held).
rc=0; due rotherham --as-of 2026-06-15 >"$work/due.txt" || rc=$?
[ "$rc" = 1 ] || fail "due rotherham: exit status $rc, expected 1 (a meeting is overdue)"
grep -q '^overdue   2025-12-03  194 days ago' "$work/due.txt" || fail "due rotherham: the longest overdue is not listed first"
rc=0; due lancashire --as-of 2026-03-31 >/dev/null || rc=$?
[ "$rc" = 0 ] || fail "due lancashire: exit status $rc, expected 0 (nothing overdue)"
# --horizon 0 lists only what is overdue or due that day; the rest is accounted for as quiet.
due rotherham --as-of 2026-06-15 --horizon 0 --format json >"$work/h0.json" || true
/usr/bin/python3 - "$work/h0.json" <<'PY' || fail "--horizon 0"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["until"] == "2026-06-15", d["until"]
# Overdue as of 2026-06-15, longest first: the advisory reading of 3(vi), the Children in Care
# Council last heard on 2025-06-03, so due by 2025-12-03 (advisory: never makes the exit status
# 1); then clause 5, the last held meeting 2026-03-31 + 2 months = 2026-05-31. The half-years of
# clause 11 end on 2026-06-30: not yet due.
assert [(o["status"], o["rule"], o["severity"], o["due"]) for o in d["obligations"]] == \
    [("overdue", "3(vi)", "advisory", "2025-12-03"), ("overdue", "5", "major", "2026-05-31")], d["obligations"]
assert len(d["quiet"]) == 45, len(d["quiet"])  # 47 statements, 2 overdue
PY
# Without --as-of, today; text to stdout and a calendar to a file in one run.
rc=0; due lancashire --format text --format ics="$work/due.ics" >"$work/today.txt" || rc=$?
[ "$rc" -le 1 ] || fail "due without --as-of: exit status $rc"
grep -q "^remit due as of $(LC_ALL=C date +'%a %F')," "$work/today.txt" || fail "without --as-of it is not as of today: $(head -1 "$work/today.txt")"
grep -q "^DTSTAMP:$(date +%Y%m%d)T000000Z" "$work/due.ics" || fail "the calendar is not stamped as of today"
rc=0; due lancashire --as-of 2026-02-30 2>"$work/stderr" || rc=$?
[ "$rc" = 2 ] && grep -qF "remit: error: --as-of: '2026-02-30' is not a date: February 2026 has no day 30" "$work/stderr" ||
  fail "a bad --as-of: exit $rc, $(cat "$work/stderr")"
rc=0; due lancashire --horizon -1 2>"$work/stderr" || rc=$?
[ "$rc" = 2 ] || fail "a negative --horizon: exit status $rc, expected 2"
echo ok
