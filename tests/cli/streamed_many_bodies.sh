#!/usr/bin/env bash
# The streamed audit (body * with --from, a date-ordered log) over 100,000 bodies of a meeting or
# two each: its table of bodies grows many times while rows looked up ahead wait to be judged.
# Once a crash (a slot taken before the table grew); run under the sanitizers in CI. Its findings
# must be those of the batch audit, which the same rows in reverse order get (a log out of date
# order is read again whole).
#   streamed_many_bodies.sh REMIT GENERATE
set -euo pipefail
remit=$1 generate=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$generate" --events 400000 --bodies 100000 --out "$work" >"$work/generated"
grep -q '^400000 events, 100000 bodies' "$work/generated" || { echo "generate made: $(cat "$work/generated")" >&2; exit 1; }
{ head -n 1 "$work/national.csv"; tail -n +2 "$work/national.csv" | tac; } >"$work/reversed.csv"
run() { # run NAME LOG: remit check into NAME.csv, exit status 0 or 1
  local rc=0
  "$remit" check "$work/five-checks.remit" --log "$2" --from 2012-02-01 --to 2012-04-30 --format findings \
    -o "$work/$1.csv" || rc=$?
  if [ "$rc" -gt 1 ]; then
    echo "remit check ($1) exited $rc" >&2
    exit 1
  fi
}
run streamed "$work/national.csv"
run batch "$work/reversed.csv"
rows=$(($(wc -l <"$work/streamed.csv") - 1))
[ "$rows" -gt 1000 ] || { echo "only $rows findings: the case judges too little" >&2; exit 1; }
cmp "$work/streamed.csv" "$work/batch.csv" || { echo "the streamed and batch audits differ" >&2; exit 1; }
echo "100000 bodies: $rows findings, streamed as in batch"
