#!/usr/bin/env bash
# -o writes the report whole and prints nothing; a failed write leaves nothing behind; a
# device or a pipe is written to, not replaced;
# without --to the window ends today, the one date remit takes from the clock.
set -euo pipefail
remit=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }
# The real Lancashire records read with the strict gap of two months ("meets every 2 months"
# for the bundled "meets bi-monthly"): the 63-day gap to 2026-01-21 is 2 days late, a breach.
rules=$work/lancashire.remit
sed 's/meets bi-monthly/meets every 2 months/' rules/lancashire.remit > "$rules"
log=corpora/lancashire/meetings.csv

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

# Today is the date in the United Kingdom, whatever the host's time zone: a runner in UTC, one
# 14 hours ahead and one 11 hours behind all end the default window on the same day.
today=$(TZ=Europe/London date +%F)
for zone in UTC Pacific/Kiritimati Pacific/Pago_Pago; do
  TZ=$zone "$remit" check $rules --log $log --from 2025-11-19 --format json > "$work/today.json" || true
  grep -q "\"to\": \"$today\"" "$work/today.json" || fail "TZ=$zone: without --to the window should end today in the UK ($today)"
done

# A window that ends after today: said first; a confirmed meeting after today is not held; the
# manifest records the day, and remit verify runs the audit again as of it.
printf 'body,date,status\nBoard,2025-01-10,held\nBoard,2998-06-01,confirmed\n' > "$work/future.csv"
printf 'body "Board" {\n  1  meets annually\n}\n' > "$work/future.remit"
rc=0
"$remit" check "$work/future.remit" --log "$work/future.csv" --from 2998-01-01 --to 2998-12-31 > "$work/future.txt" || rc=$?
[ "$rc" = 1 ] || fail "a window after today: exit status $rc, expected 1 (the confirmed meeting is not held)"
grep -q "^  ! the window ends on 2998-12-31, after today ($today)" "$work/future.txt" || fail "no warning of a window after today"
grep -q "note: confirmed meeting of \"Board\" on 2998-06-01 is after today ($today): read as scheduled, not held" \
  "$work/future.txt" || fail "the confirmed meeting after today was not read as scheduled"
grep -q "window 2998-01-01 to 2998-12-31, today taken as $today, stream engine;" "$work/future.txt" ||
  fail "the manifest lacks today, or the engine that ran"
"$remit" check "$work/future.remit" --log "$work/future.csv" --from 2998-01-01 --to 2998-12-31 --format json \
  -o "$work/future.json" || true
grep -q "\"today\": \"$today\"" "$work/future.json" || fail "the JSON manifest lacks today"
"$remit" verify "$work/future.json" > "$work/verify.txt" || fail "remit verify of a window after today: $(cat "$work/verify.txt")"
# Within the window and before today, a confirmed meeting is held: nothing to warn of.
"$remit" check "$work/future.remit" --log "$work/future.csv" --from 2025-01-01 --to 2025-12-31 > "$work/past.txt" || true
! grep -q "today" "$work/past.txt" || fail "a window before today mentions today"
echo "ok"
