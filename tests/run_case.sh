#!/usr/bin/env bash
# A command-line case: tests/errors/CASE/ or tests/cli/CASE/. CASE/args holds the arguments to
# remit (paths relative to the case's folder); remit must exit with expected.exit and print
# exactly expected.stderr, carets included; on stdout, exactly expected.stdout if the case has
# one, else nothing. A case may have an executable `generate` that writes inputs too large or
# too odd to keep in the repository. The case runs in a scratch copy of its folder.
# remit's version is blanked in both outputs. REMIT_UPDATE_GOLDEN=1 rewrites the expectations.
#   run_case.sh REMIT CASE_DIR
set -euo pipefail
remit=$1 case_dir=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$case_dir"/. "$work"
cd "$work"
if [ -x generate ]; then ./generate; fi
mapfile -t args < <(xargs -r -n1 printf '%s\n' < args)
rc=0
"$remit" "${args[@]}" >"$work/.stdout" 2>"$work/.stderr" </dev/null || rc=$?
# remit's version is blanked (as @VERSION@), as in the golden files, so that a release changes
# no expectation (reports carry it in their manifest).
version=$("$remit" --version | sed 's/^remit //')
sed -i "s/\b${version//./\\.}\b/@VERSION@/g" .stdout .stderr

if [ "${REMIT_UPDATE_GOLDEN:-}" = 1 ]; then
  cp .stderr "$case_dir/expected.stderr"
  echo "$rc" > "$case_dir/expected.exit"
  if [ -f expected.stdout ]; then cp .stdout "$case_dir/expected.stdout"; fi
  echo "updated $case_dir"
  exit 0
fi
status=0
if [ "$rc" != "$(cat expected.exit)" ]; then
  echo "exit status $rc, expected $(cat expected.exit)" >&2
  status=1
fi
if ! diff -u expected.stderr .stderr; then status=1; fi
if [ -f expected.stdout ]; then
  if ! diff -u expected.stdout .stdout; then status=1; fi
elif [ -s .stdout ]; then
  echo "unexpected output on stdout:" >&2
  cat .stdout >&2
  status=1
fi
exit $status
