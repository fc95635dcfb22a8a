#!/usr/bin/env bash
# remit verify: a report made by remit check verifies as identical (exit 0) from the same files;
# an edited log is named with both digests and the findings that appeared and disappeared
# (exit 1); a missing file or a report that is not remit's cannot be verified (exit 2); the
# inputs and the report are never modified, and a named pipe or a device is never read. remit
# due's JSON output verifies the same way, and its text output's digest lines are sha256sum's too.
# Runs in a scratch folder, with paths as given.
set -euo pipefail
remit=$1
src=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }
# verify_expect REPORT EXIT WHAT: remit verify REPORT, its output in $out, must exit with EXIT.
verify_expect() {
  local rc=0
  out=$("$remit" verify "$1") || rc=$?
  [ "$rc" = "$2" ] || fail "$3: exit status $rc, expected $2: $out"
}
mkdir -p "$work/rules" "$work/logs"
# The real Lancashire records read with the strict gap of two months ("meets every 2 months"
# for the bundled "meets bi-monthly"): the 63-day gap to 2026-01-21 is 2 days late.
strict_gap() { sed 's/meets bi-monthly/meets every 2 months/' "$1/rules/lancashire.remit" > "$work/rules/lancashire.remit"; }
strict_gap "$src"
cp corpora/lancashire/meetings.csv "$work/logs/"
cd "$work"
check=(check rules/lancashire.remit --log logs/meetings.csv --from 2025-11-19 --to 2026-03-31)

rc=0
"$remit" "${check[@]}" --format json -o audit.json || rc=$?
[ "$rc" = 1 ] || fail "check: exit status $rc, expected 1"
before=$(sha256sum audit.json rules/lancashire.remit logs/meetings.csv)

verify_expect audit.json 0 "verify of an untouched audit"
grep -q "^  unchanged    rules/lancashire.remit$" <<<"$out" || fail "the rule file is not listed unchanged: $out"
grep -q "^  unchanged    logs/meetings.csv$" <<<"$out" || fail "the log is not listed unchanged: $out"
grep -q "^identical: the same files give the same 1 rule and 1 finding$" <<<"$out" || fail "not identical: $out"
[ "$before" = "$(sha256sum audit.json rules/lancashire.remit logs/meetings.csv)" ] || fail "verify modified a file"

# The text report's digest lines are sha256sum's: sha256sum -c checks the files with them.
"$remit" "${check[@]}" --format text -o audit.txt || true
grep -E '^[0-9a-f]{64}  ' audit.txt | sha256sum -c --quiet || fail "sha256sum -c does not accept the text report's manifest"

# The late meeting held on time: the breach disappears, the rule passes, the log's digest differs.
old_log=$(sha256sum logs/meetings.csv | cut -d' ' -f1)
sed -i 's/2026-01-21/2026-01-19/' logs/meetings.csv
new_log=$(sha256sum logs/meetings.csv | cut -d' ' -f1)
[ "$old_log" != "$new_log" ] || fail "the edit changed nothing"
verify_expect audit.json 1 "verify of an edited log"
grep -qF "  changed      logs/meetings.csv: sha256 was $old_log, is now $new_log" <<<"$out" || fail "the edit is not named: $out"
grep -q "^  disappeared  Lancashire County Council: Corporate Parenting Board, clause cadence .*breach, due 2026-01-19, date 2026-01-21" <<<"$out" ||
  fail "the breach that disappeared is not named: $out"
grep -q "^  rule status  .*clause cadence .*: was breach, now pass$" <<<"$out" || fail "the status change is not named: $out"
grep -q "^differs: 1 input changed, 0 findings appeared, 1 disappeared, 1 rule changed status$" <<<"$out" || fail "no summary: $out"

# A comment added to the rule file: its digest differs, the result does not; still exit 1.
cp "$src/corpora/lancashire/meetings.csv" logs/meetings.csv
echo "# reviewed" >> rules/lancashire.remit
verify_expect audit.json 1 "verify of an edited rule file"
grep -q "^  changed      rules/lancashire.remit: sha256 was" <<<"$out" || fail "the rule file's change is not named: $out"
grep -q "^differs: 1 input changed, 0 findings appeared, 0 disappeared, 0 rules changed status$" <<<"$out" || fail "no summary: $out"
strict_gap "$src"

# A file gone: cannot verify.
mv logs/meetings.csv logs/moved.csv
rc=0
out=$("$remit" verify audit.json 2>err) || rc=$?
[ "$rc" = 2 ] || fail "verify with a missing log: exit status $rc, expected 2"
grep -q "^  missing      logs/meetings.csv: no such file$" <<<"$out" || fail "the missing file is not named: $out"
grep -q "^remit: cannot verify: 1 file named in the manifest cannot be read$" err || fail "unexpected message: $(cat err)"
mv logs/moved.csv logs/meetings.csv

# Other formats are not what verify reads.
rc=0
"$remit" verify audit.txt >out 2>err || rc=$?
[ "$rc" = 2 ] || fail "verify of a text report: exit status $rc, expected 2"
grep -q "^audit.txt: error: not a remit JSON report: it is not JSON" err || fail "unexpected message: $(cat err)"
echo '{"from": "2026-01-01"}' > other.json
rc=0
"$remit" verify other.json >out 2>err || rc=$?
[ "$rc" = 2 ] || fail "verify of JSON without a manifest: exit status $rc, expected 2"
grep -q "^other.json: error: not a remit JSON report: it has no manifest" err || fail "unexpected message: $(cat err)"

# remit due: its JSON output verifies as identical, or names the obligation that moved.
due=(due rules/lancashire.remit --log logs/meetings.csv --as-of 2026-01-10 --horizon 60)
"$remit" "${due[@]}" --format json -o due.json --format text=due.txt || true
grep -E '^[0-9a-f]{64}  ' due.txt | sha256sum -c --quiet || fail "sha256sum -c does not accept remit due's manifest"
verify_expect due.json 0 "verify of an untouched due output"
grep -q "^remit verify due.json: what falls due as of 2026-01-10 to 2026-03-11, made by remit" <<<"$out" || fail "no heading: $out"
grep -q "^identical: the same files give the same [0-9]* obligations\?$" <<<"$out" || fail "not identical: $out"
sed -i 's/2025-11-19/2025-11-26/' logs/meetings.csv
verify_expect due.json 1 "verify of a due output after an edited log"
grep -q "^  disappeared  Lancashire County Council: Corporate Parenting Board, clause " <<<"$out" || fail "nothing disappeared: $out"
grep -q "^  appeared     Lancashire County Council: Corporate Parenting Board, clause " <<<"$out" || fail "nothing appeared: $out"
grep -q "^differs: 1 input changed, [1-9][0-9]* obligations\? appeared, [1-9][0-9]* disappeared$" <<<"$out" || fail "no summary: $out"
cp "$src/corpora/lancashire/meetings.csv" logs/meetings.csv

# A limit set for the audit is recorded; verify keeps its own limits, and the result is the same.
"$remit" "${check[@]}" --limit line-length=1000 --format json -o limited.json || true
grep -q '"line-length": 1000' limited.json || fail "the manifest does not record the limit"
out=$("$remit" verify limited.json) || fail "verify of an audit with a limit set: $out"

# Only regular files are read, and verify never waits on a named pipe or a device: not the
# report, not a file its manifest names (each run bounded by timeout(1)).
mkfifo pipe.json
rc=0
timeout 20 "$remit" verify pipe.json >out 2>err || rc=$?
[ "$rc" = 2 ] || fail "verify of a named pipe: exit status $rc, expected 2"
[ "$(cat err)" = "pipe.json: error: is a named pipe, not a regular file: remit verify reads a report file
remit: cannot verify" ] || fail "unexpected message for a named pipe: $(cat err)"
rc=0
timeout 20 "$remit" verify /dev/zero >out 2>err || rc=$?
[ "$rc" = 2 ] || fail "verify of /dev/zero: exit status $rc, expected 2"
grep -q "^/dev/zero: error: is a device, not a regular file" err || fail "unexpected message for a device: $(cat err)"
mv logs/meetings.csv logs/kept.csv
mkfifo logs/meetings.csv
rc=0
out=$(timeout 20 "$remit" verify audit.json 2>err) || rc=$?
[ "$rc" = 2 ] || fail "verify with a named pipe for its log: exit status $rc, expected 2"
grep -q "^  missing      logs/meetings.csv: is a named pipe, not a regular file: remit verify reads only regular files$" <<<"$out" ||
  fail "the named pipe is not named: $out"
rm logs/meetings.csv
mv logs/kept.csv logs/meetings.csv
echo "ok"
