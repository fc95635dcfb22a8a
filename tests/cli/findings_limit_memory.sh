#!/usr/bin/env bash
# The findings limit holds memory down. The 16 KB log of errors/limit-findings (24 million
# findings asked for) is refused with the limit's error under a cap of 1 GiB of address space:
# audited as it is read, in batch, and for the reports that were built whole (JSON) or draw every
# event (HTML). It once ended in std::bad_alloc after gigabytes.
#   findings_limit_memory.sh REMIT CASE_DIR [CAP_KIB]
# CAP_KIB is the cap in KiB (1 GiB unless given). AddressSanitizer reserves terabytes of address
# space for its shadow memory, so a sanitizer build is given "unlimited": there the limit's error
# and the raised limit's findings are still checked, the memory bound in the ordinary build.
set -euo pipefail
remit=$1 case_dir=$(cd "$2" && pwd) cap=${3:-1048576}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
cp "$case_dir/board.remit" .
"$case_dir/generate"
expected="remit: error: the audit found more than 1000000 findings (the limit is 1000000: raise it with --limit findings=N, or audit a shorter window with --from and --to)"
status=0
for how in "--from 0001-01-01 --format json" "--from 0001-01-01 --format findings" "--format json" "--format html"; do
  rc=0
  # shellcheck disable=SC2086  # the options are words
  (ulimit -v "$cap" && exec "$remit" check board.remit --log meetings.csv --to 2026-12-01 $how) >out 2>err || rc=$?
  if [ "$rc" != 2 ] || [ "$(head -n 1 err)" != "$expected" ] || [ -s out ]; then
    echo "remit check $how: exit $rc, expected 2 and the findings limit's error, nothing on stdout; it said:" >&2
    head -c 2000 err >&2
    status=1
  fi
done
# Raised, the limit lets a larger audit through: 50 bodies since the year 1 are 1,215,500 findings.
head -n 51 meetings.csv >fifty.csv
rc=0
(ulimit -v "$cap" && exec "$remit" check board.remit --log fifty.csv --from 0001-01-01 --to 2026-12-01 --format findings \
  --limit findings=2000000) >out 2>err || rc=$?
rows=$(($(wc -l <out) - 1))
if [ "$rc" != 1 ] || [ "$rows" != 1215500 ]; then
  echo "50 bodies with --limit findings=2000000: exit $rc and $rows findings, expected 1 and 1215500" >&2
  status=1
fi
exit $status
