#!/usr/bin/env bash
# remit check's progress line: on a terminal (a pseudo-terminal from script(1), util-linux), once
# the run has taken a second, "remit check: N rows read" is drawn on stderr and wiped at the end;
# off a terminal stderr gets nothing; the report is byte for byte the same either way. The log
# comes through a pipe that stops for two seconds after 5,000 rows, so that the run takes more
# than a second on any machine. (A pipe is read whole before its rows are parsed, so the count
# it shows during the pause is 0: tests/unit/progress_test.cpp checks the counts themselves.)
#   progress_on_a_terminal.sh REMIT GENERATE
set -euo pipefail
remit=$(realpath "$1") generate=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }
cd "$work"
"$generate" --events 20000 --bodies 200 --out . >/dev/null
# slow_check REPORT: remit check of the log as it comes through the slow pipe, exit 0 or 1.
cat >slow_check <<SCRIPT
#!/usr/bin/env bash
set -o pipefail
{ head -n 5001 national.csv; sleep 2; tail -n +5002 national.csv; } |
  '$remit' check five-checks.remit --log /dev/stdin --from 2013-01-01 --to 2025-12-31 --format findings -o "\$1"
rc=\$?
[ \$rc -le 1 ] || { echo "remit check exited \$rc" >&2; exit 2; }
SCRIPT
chmod +x slow_check

./slow_check off.csv 2>off.err || fail "off a terminal: $(cat off.err)"
[ ! -s off.err ] || fail "off a terminal, stderr is not empty: $(cat -v off.err)"
[ "$(wc -l <off.csv)" -gt 100 ] || fail "the report holds too few findings to compare: $(wc -l <off.csv)"

script -qec "./slow_check on.csv" /dev/null >typescript </dev/null || fail "on a terminal: $(cat -v typescript)"
cmp -s on.csv off.csv || fail "the report differs when stderr is a terminal"
erase=$'\r\033[K'
grep -qaE "remit check: [0-9,]+ rows read" typescript || fail "no progress line on a terminal: $(cat -v typescript)"
# Every line drawn is wiped: the typescript ends with the erasure, nothing after it.
[ "${erase}" = "$(tail -c ${#erase} typescript)" ] || fail "the progress line is left on the terminal: $(cat -v typescript)"
echo "progress on a terminal only; the report the same either way"
