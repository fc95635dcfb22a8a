#!/usr/bin/env bash
# --engine auto|batch|stream, and a log on standard input: a pipe is read once whatever the flags
# (it once came to the streamed engine, which read it again, as empty, when the log was out of
# date order or a ModernGov response). Every run must give the batch engine's report, the
# manifest's engine aside, and name the engine that ran.
#   engine_choice.sh REMIT
set -euo pipefail
remit=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
cat >board.remit <<'EOF'
body * {
  1  meets at least 4 times a year
  2  meets every 3 months
}
EOF
cat >ordered.csv <<'EOF'
body,date,title
Board,2024-01-10,Board
Cabinet,2024-02-01,Cabinet
Board,2024-05-20,Board
Cabinet,2024-09-01,Cabinet
Board,2024-11-30,Board
EOF
{ head -n 1 ordered.csv; tail -n +2 ordered.csv | tac; } >reversed.csv
cp "$here"/moderngov-notice-5-and-6-days/{audit.remit,lgsf_GetMeetings.xml} .

fail() { echo "$*" >&2; exit 1; }
# run NAME STDIN_FROM ARGS...: remit check into NAME.json, NAME.err and NAME.rc; STDIN_FROM is a
# file given with <, or "pipe:FILE" for the file through cat.
run() {
  local name=$1 from=$2 rc=0
  shift 2
  if [[ $from == pipe:* ]]; then
    cat "${from#pipe:}" | "$remit" check "$@" --format json >"$name.json" 2>"$name.err" || rc=$?
  else
    "$remit" check "$@" --format json <"$from" >"$name.json" 2>"$name.err" || rc=$?
  fi
  echo "$rc" >"$name.rc"
}
engine_of() { python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["manifest"]["engine"])' "$1.json"; }
# same NAME REFERENCE ENGINE: NAME's report is REFERENCE's but for the engine, which is ENGINE.
same() {
  [ "$(cat "$1.rc")" = "$(cat "$2.rc")" ] || fail "$1: exit $(cat "$1.rc"), $2: exit $(cat "$2.rc"): $(cat "$1.err")"
  [ "$(engine_of "$1")" = "$3" ] || fail "$1: the manifest names the engine $(engine_of "$1"), expected $3"
  python3 - "$1.json" "$2.json" <<'EOF' || fail "$1 and $2 differ"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
for r in (a, b):
    r["manifest"].pop("engine")
sys.exit(0 if a == b else 1)
EOF
}
window=(--from 2024-01-01 --to 2024-12-31)

# A log in date order: the batch engine's report, from a file on standard input.
run batch ordered.csv board.remit --log /dev/stdin "${window[@]}" --engine batch
[ "$(cat batch.rc)" = 1 ] || fail "the reference run exited $(cat batch.rc): $(cat batch.err)"
grep -q '"status": "breach"' batch.json || fail "the reference run found no breach: the case judges too little"
# auto on a regular file (standard input redirected from one) streams; on a pipe it never does.
run auto_file ordered.csv board.remit --log /dev/stdin "${window[@]}"
same auto_file batch stream
run auto_pipe pipe:ordered.csv board.remit --log /dev/stdin "${window[@]}"
same auto_pipe batch batch
# --engine stream reads the pipe once, as it comes.
run stream_pipe pipe:ordered.csv board.remit --log /dev/stdin "${window[@]}" --engine stream
same stream_pipe batch stream
# Without --from the window is known only at the end: batch, whatever the log.
run auto_no_from pipe:ordered.csv board.remit --log /dev/stdin --to 2024-12-31
[ "$(engine_of auto_no_from)" = batch ] || fail "without --from the engine was $(engine_of auto_no_from)"

# The same rows out of date order.
run batch_reversed reversed.csv board.remit --log /dev/stdin "${window[@]}" --engine batch
[ "$(cat batch_reversed.rc)" = 1 ] || fail "the reversed reference run exited $(cat batch_reversed.rc)"
# Piped, with --from: once audited as empty (exit 2, or no event at all); now read once, by batch.
run auto_pipe_reversed pipe:reversed.csv board.remit --log /dev/stdin "${window[@]}"
same auto_pipe_reversed batch_reversed batch
# A regular file that turns out out of order is read again, for the batch engine.
run auto_file_reversed reversed.csv board.remit --log /dev/stdin "${window[@]}"
same auto_file_reversed batch_reversed batch
# --engine stream refuses it, naming the first row out of order: line 4 (Board on 2024-05-20),
# read after Board's row of 2024-11-30 on line 2.
run stream_reversed pipe:reversed.csv board.remit --log /dev/stdin "${window[@]}" --engine stream
[ "$(cat stream_reversed.rc)" = 2 ] || fail "--engine stream on a log out of order exited $(cat stream_reversed.rc)"
grep -qF '/dev/stdin:4: error: --engine stream needs each body'"'"'s rows in date order: this row of "Board" is dated 2024-05-20, after one dated 2024-11-30' stream_reversed.err ||
  fail "--engine stream on a log out of order said: $(cat stream_reversed.err)"
[ ! -s stream_reversed.json ] || fail "--engine stream on a log out of order wrote a report"

# A ModernGov response piped with --from (the case that was first reported).
run xml_file lgsf_GetMeetings.xml audit.remit --log /dev/stdin --from 2026-01-01 --to 2026-03-31 --engine batch
python3 -c 'import json, sys; sys.exit(json.load(open("xml_file.json"))["logs"][0]["rows_used"] != 2)' ||
  fail "the ModernGov reference run did not use its 2 rows: $(cat xml_file.err)"
run xml_pipe pipe:lgsf_GetMeetings.xml audit.remit --log /dev/stdin --from 2026-01-01 --to 2026-03-31
same xml_pipe xml_file batch
run xml_auto_file lgsf_GetMeetings.xml audit.remit --log /dev/stdin --from 2026-01-01 --to 2026-03-31
same xml_auto_file xml_file batch
# Attendance beside the meetings, with --from: auto once streamed the meetings and then rejected
# every attendance row as joining no meeting; now it reads the files again, for batch.
cp "$here"/../errors/engine-stream-attendance/{meetings.csv,attendance.csv} .
run att_batch ordered.csv board.remit --log meetings.csv --log attendance.csv "${window[@]}" --engine batch
[ "$(cat att_batch.rc)" = 1 ] || fail "the attendance reference run exited $(cat att_batch.rc): $(cat att_batch.err)"
run att_auto ordered.csv board.remit --log meetings.csv --log attendance.csv "${window[@]}"
same att_auto att_batch batch

# A statement --engine stream does not judge is refused before any log is read: a named pipe
# that nobody writes to would hang a run that opened it.
mkfifo unwritten.fifo
printf 'body "Board" {\n  1  quorum 3 members\n}\n' >receives.remit
rc=0
timeout 20 "$remit" check receives.remit --log unwritten.fifo "${window[@]}" --engine stream 2>receives.err || rc=$?
[ "$rc" = 2 ] || fail "--engine stream of a statement it does not judge exited $rc (124: it waited on the log)"
grep -qF 'receives.remit:2:3: error: clause 1: --engine stream does not judge this statement' receives.err ||
  fail "--engine stream of a statement it does not judge said: $(cat receives.err)"
# Nor can it make the HTML report, whose timelines draw every event.
rc=0
"$remit" check board.remit --log ordered.csv "${window[@]}" --engine stream --format html >/dev/null 2>html.err || rc=$?
[ "$rc" = 2 ] && grep -qF -- '--engine stream cannot make the HTML report' html.err ||
  fail "--engine stream --format html exited $rc: $(cat html.err)"
echo "auto, batch and stream: one report, each engine named, standard input read once"
