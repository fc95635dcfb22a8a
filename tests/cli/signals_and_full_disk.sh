#!/usr/bin/env bash
# What an interrupted run and a full disk leave behind:
#  - SIGTERM to a sweep while its index is being written, and SIGINT to a check while its report
#    is: remit ends as the signal ends a process (exit status 128+N), no temporary file is left,
#    the report it was writing is as the earlier run left it, and no index claims the sweep whole
#    (the earlier run's index went before this run's first page);
#  - a report to /dev/full: "No space left on device", exit status 2, and no other output of the
#    run is put in place.
# The signal is sent while the temporary file exists, not by chance: REMIT_TEST_PAUSE_WRITING=NAME
# holds remit for up to a minute once it has made the temporary file of NAME (core/output_file.cpp).
# Runs in a scratch folder.
#   signals_and_full_disk.sh REMIT
set -euo pipefail
set -m  # each job in its own process group, so that SIGINT is not ignored in a background job
remit=$(realpath "$1")
src=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }
good=$src/tests/cli/sweep-broken-council
cd "$work"
mkdir -p rules corpora/good out
cp "$good/rules/good.remit" rules/
cp "$good/corpora/good/meetings.csv" "$good/corpora/good/window" corpora/good/
window=(--from 2024-01-01 --to 2024-12-31)

# interrupt SIGNAL NAME FOLDER ARGS...: runs remit ARGS... held once the temporary file of NAME
# is made in FOLDER, sends SIGNAL, and sets $rc to remit's exit status.
interrupt() {
  local signal=$1 name=$2 folder=$3
  shift 3
  REMIT_TEST_PAUSE_WRITING=$name "$remit" "$@" >"$work/stdout" 2>"$work/stderr" &
  local pid=$! waited=0
  until compgen -G "$folder/.$name.*" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || fail "remit $*: ended before it wrote $name: $(cat "$work/stderr")"
    [ "$waited" -lt 200 ] || { kill -KILL "$pid"; fail "remit $*: no temporary file of $name after 20 seconds"; }
    sleep 0.1
    waited=$((waited + 1))
  done
  kill "-$signal" "$pid"
  rc=0
  wait "$pid" || rc=$?
}
# No file of remit's making but those named: no temporary file, no new index.
left_in() {
  find "$1" -mindepth 1 -printf '%P\n' | sort | tr '\n' ' '
}

# 1. A sweep, SIGTERM while the index is written.
echo "<p>an earlier run's index</p>" >out/index.html
echo "<p>an earlier run's page</p>" >out/good.html
interrupt TERM index.html out sweep . --out out -j 1
[ "$rc" = 143 ] || fail "sweep after SIGTERM: exit status $rc, expected 143 (128 + SIGTERM)"
[ "$(left_in out)" = "good.html " ] || fail "sweep after SIGTERM left: $(left_in out)"
grep -q "</html>" out/good.html || fail "the council's page is not whole"

# 2. A check writing its report, SIGINT.
echo "an earlier report" >report.json
interrupt INT report.json . check rules/good.remit --log corpora/good/meetings.csv "${window[@]}" --format json -o report.json
[ "$rc" = 130 ] || fail "check after SIGINT: exit status $rc, expected 130 (128 + SIGINT)"
[ "$(cat report.json)" = "an earlier report" ] || fail "the report of the earlier run was changed"
[ -z "$(compgen -G '.report.json.*' || true)" ] || fail "check after SIGINT left a temporary file: $(ls -a)"

# 3. A report to a full disk, beside another report to a file.
if [ -w /dev/full ]; then
  rc=0
  "$remit" check rules/good.remit --log corpora/good/meetings.csv "${window[@]}" --format json=report.json \
    --format text=/dev/full >stdout 2>stderr || rc=$?
  [ "$rc" = 2 ] || fail "check to /dev/full: exit status $rc, expected 2"
  [ "$(cat stderr)" = "remit: error: cannot write /dev/full: No space left on device" ] ||
    fail "check to /dev/full said: $(cat stderr)"
  [ ! -s stdout ] || fail "check to /dev/full wrote to stdout: $(cat stdout)"
  [ "$(cat report.json)" = "an earlier report" ] || fail "a report was put in place though the run failed"
  [ -z "$(compgen -G '.report.json.*' || true)" ] || fail "check to /dev/full left a temporary file: $(ls -a)"

  rc=0
  "$remit" sweep . --out out -o /dev/full >stdout 2>stderr || rc=$?
  [ "$rc" = 2 ] || fail "sweep -o /dev/full: exit status $rc, expected 2"
  [ "$(cat stderr)" = "remit: error: cannot write /dev/full: No space left on device" ] ||
    fail "sweep -o /dev/full said: $(cat stderr)"
  [ "$(left_in out)" = "good.html " ] || fail "sweep -o /dev/full left: $(left_in out)"
else
  echo "/dev/full is not here: the full disk is not tested" >&2
fi

# 4. Uninterrupted, the same sweep writes its index.
"$remit" sweep . --out out >/dev/null || [ $? = 1 ] || fail "the sweep failed"
[ "$(left_in out)" = "good.html index.html " ] || fail "the sweep left: $(left_in out)"
echo "ok"
