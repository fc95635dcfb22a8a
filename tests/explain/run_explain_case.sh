#!/usr/bin/env bash
# An explain golden: tests/explain/CASE/args holds the arguments to remit, with paths relative
# to the repository (so that the seed rule files and corpora are explained as they are); remit
# must exit with expected.exit and print exactly expected.stdout and expected.stderr.
# REMIT_UPDATE_GOLDEN=1 rewrites the expectations; review the diff as you would code.
#   run_explain_case.sh REMIT CASE_DIR     (run from the repository's root)
set -euo pipefail
remit=$1 case_dir=$2
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
# printf, not xargs's default echo: GNU echo would answer an argument --help or --version itself.
mapfile -t args < <(xargs -n1 printf '%s\n' < "$case_dir/args")
rc=0
"$remit" "${args[@]}" >"$out" 2>"$err" </dev/null || rc=$?
if [ "${REMIT_UPDATE_GOLDEN:-}" = 1 ]; then
  cp "$out" "$case_dir/expected.stdout"
  cp "$err" "$case_dir/expected.stderr"
  echo "$rc" > "$case_dir/expected.exit"
  echo "updated $case_dir"
  exit 0
fi
status=0
if [ "$rc" != "$(cat "$case_dir/expected.exit")" ]; then
  echo "exit status $rc, expected $(cat "$case_dir/expected.exit")" >&2
  status=1
fi
diff -u "$case_dir/expected.stdout" "$out" || status=1
diff -u "$case_dir/expected.stderr" "$err" || status=1
exit $status
