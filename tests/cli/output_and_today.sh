#!/usr/bin/env bash
# -o writes the report whole and prints nothing; a failed write leaves nothing behind; a
# device or a pipe is written to, not replaced;
# without --to the window ends today, the one date remit takes from the clock.
set -euo pipefail
remit=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rules=rules/lancashire.remit
log=corpora/lancashire/meetings.csv
fail() { echo "FAILED: $*" >&2; exit 1; }

rc=0
out=$("$remit" check $rules --log $log --from 2025-11-19 --to 2026-03-31 --format json -o "$work/audit.json") || rc=$?
[ "$rc" = 1 ] || fail "exit status $rc, expected 1 (the corpus has a breach)"
[ -z "$out" ] || fail "-o still printed to stdout"
"$remit" check $rules --log $log --from 2025-11-19 --to 2026-03-31 --format json > "$work/stdout.json" || true
cmp -s "$work/audit.json" "$work/stdout.json" || fail "the file written with -o differs from stdout"
[ -z "$(find "$work" -name '.audit.json.*')" ] || fail "a temporary file was left behind"

rc=0
"$remit" check $rules --log $log --from 2025-11-19 --to 2026-03-31 -o "$work/no-such-dir/audit.txt" 2>"$work/err" || rc=$?
[ "$rc" = 2 ] || fail "writing into a missing folder: exit status $rc, expected 2"
grep -q "remit: error: cannot create a file in $work/no-such-dir" "$work/err" || fail "unexpected message: $(cat "$work/err")"
[ ! -e "$work/no-such-dir" ] || fail "something was written"

# A device is written to, never replaced: -o /dev/null must leave /dev/null a device.
rc=0
"$remit" check $rules --log $log --from 2025-11-19 --to 2026-03-31 --format csv -o /dev/null || rc=$?
[ "$rc" = 1 ] || fail "-o /dev/null: exit status $rc, expected 1"
[ -c /dev/null ] || fail "/dev/null is no longer a device"
mkfifo "$work/pipe"
cat "$work/pipe" > "$work/from-pipe" &
"$remit" check $rules --log $log --from 2025-11-19 --to 2026-03-31 --format json -o "$work/pipe" || true
wait
[ -p "$work/pipe" ] || fail "the named pipe was replaced by a file"
cmp -s "$work/from-pipe" "$work/stdout.json" || fail "what came through the pipe differs from stdout"

today=$(date +%F)
"$remit" check $rules --log $log --from 2025-11-19 --format json > "$work/today.json" || true
grep -q "\"to\": \"$today\"" "$work/today.json" || fail "without --to the window should end today ($today)"
echo "ok"
