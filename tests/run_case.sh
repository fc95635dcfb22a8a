#!/usr/bin/env bash
# A command-line case: tests/errors/CASE/ or tests/cli/CASE/. CASE/args holds the arguments to remit (paths relative to the
# case's folder); remit must exit with expected.exit and print exactly expected.stderr,
# carets included; on stdout, exactly expected.stdout if the case has one, else nothing.
# REMIT_UPDATE_GOLDEN=1 rewrites the expectations.
#   run_case.sh REMIT CASE_DIR
set -euo pipefail
remit=$1 case_dir=$2
cd "$case_dir"
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
mapfile -t args < <(xargs -n1 < args)
rc=0
"$remit" "${args[@]}" >"$out" 2>"$err" </dev/null || rc=$?

if [ "${REMIT_UPDATE_GOLDEN:-}" = 1 ]; then
  cp "$err" expected.stderr
  echo "$rc" > expected.exit
  if [ -f expected.stdout ]; then cp "$out" expected.stdout; fi
  echo "updated $case_dir"
  exit 0
fi
status=0
if [ "$rc" != "$(cat expected.exit)" ]; then
  echo "exit status $rc, expected $(cat expected.exit)" >&2
  status=1
fi
if ! diff -u expected.stderr "$err"; then status=1; fi
if [ -f expected.stdout ]; then
  if ! diff -u expected.stdout "$out"; then status=1; fi
elif [ -s "$out" ]; then
  echo "unexpected output on stdout:" >&2
  cat "$out" >&2
  status=1
fi
exit $status
