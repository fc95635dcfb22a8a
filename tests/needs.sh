#!/usr/bin/env bash
# Runs a test that depends on an outside tool, once that tool is known to be there.
#   needs.sh NEED... -- COMMAND [ARG...]
# Each NEED is KIND:NAME=PACKAGE, PACKAGE being the Debian package that scripts/setup installs:
#   command:NAME   a program on PATH                         command:xmllint=libxml2-utils
#   python:MODULE  a module /usr/bin/python3 can import      python:icalendar=python3-icalendar
#   library:SONAME a shared library the loader can open      library:libonig.so.5=libonig5
# When every NEED is met, COMMAND runs and its exit status is the test's.
# When one is missing, the test must never pass as if it had checked something:
#   - with CI set (CI runs with CI=true) it FAILS (exit 1), naming what is missing;
#   - elsewhere it is SKIPPED (exit 77, which tests/CMakeLists.txt gives ctest as the test's
#     SKIP_RETURN_CODE, so ctest counts it as skipped, never as passed), naming what is missing.
set -euo pipefail

missing=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do
  need=$1; shift
  kind=${need%%:*} rest=${need#*:}
  name=${rest%%=*} package=${rest#*=}
  [ "$package" != "$rest" ] || package=$name
  case $kind in
    command) command -v "$name" >/dev/null 2>&1 && continue ;;
    python) /usr/bin/python3 -c "import $name" >/dev/null 2>&1 && continue ;;
    library) /usr/bin/python3 -c "import ctypes; ctypes.CDLL('$name')" >/dev/null 2>&1 && continue ;;
    *) echo "needs.sh: '$need' is not command:, python: or library:" >&2; exit 2 ;;
  esac
  missing+=("$kind $name (Debian package $package)")
done
[ "${1:-}" = -- ] || { echo "needs.sh: no -- before the command" >&2; exit 2; }
shift
[ $# -gt 0 ] || { echo "needs.sh: no command after --" >&2; exit 2; }

if [ ${#missing[@]} -gt 0 ]; then
  list=$(printf '%s, ' "${missing[@]}"); list=${list%, }
  if [ -n "${CI:-}" ]; then
    echo "FAILED: this test needs $list, which is not installed; in CI (CI=$CI) a missing tool is a failure, not a skip. scripts/setup installs it." >&2
    exit 1
  fi
  echo "SKIPPED: this test needs $list, which is not installed (scripts/setup installs it); nothing was checked. With CI set this is a failure." >&2
  exit 77
fi
exec "$@"
