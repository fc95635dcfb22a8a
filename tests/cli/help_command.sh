#!/usr/bin/env bash
# remit help: `remit help` prints what `remit --help` prints, and `remit help COMMAND` (and
# `remit help fetch moderngov`) what `remit COMMAND --help` prints, byte for byte, on standard
# output with nothing on standard error, exit 0; for every command remit lists.
set -euo pipefail
remit=$1
fail() { echo "FAILED: $*" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# same_help "HELP ARGS" "--help ARGS"
same_help() {
  local rc=0
  "$remit" $1 >"$work/help.out" 2>"$work/help.err" || rc=$?
  [ "$rc" = 0 ] || fail "remit $1: exit status $rc"
  [ ! -s "$work/help.err" ] || fail "remit $1: wrote to standard error: $(cat "$work/help.err")"
  "$remit" $2 >"$work/flag.out"
  cmp -s "$work/help.out" "$work/flag.out" || { diff -u "$work/flag.out" "$work/help.out" >&2; fail "remit $1 differs from remit $2"; }
  [ -s "$work/help.out" ] || fail "remit $1 printed nothing"
}
same_help "help" "--help"
# The commands, as the top-level help lists them under "Subcommands:".
commands=$("$remit" help | sed -n '/^Subcommands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }')
[ "$(echo "$commands" | wc -l)" -ge 10 ] || fail "fewer than 10 commands listed: $commands"
for c in $commands; do same_help "help $c" "$c --help"; done
same_help "help fetch moderngov" "fetch moderngov --help"
grep -q "^Usage: remit check " <("$remit" help check) || fail "remit help check does not name remit check in its usage line"
echo "remit help: the same as --help for $(echo $commands | wc -w) commands"
