#!/usr/bin/env bash
# Golden test: `remit check` over corpora/SLUG must print exactly corpora/SLUG/expected.{txt,json}.
# With REMIT_UPDATE_GOLDEN=1 it rewrites the expectation instead; review the diff before committing.
#   run_golden.sh REMIT SLUG text|json
set -euo pipefail
remit=$1 slug=$2 format=$3
dir=corpora/$slug
ext=$([ "$format" = text ] && echo txt || echo json)
expected=$dir/expected.$ext

read -r _ from < <(grep '^from ' "$dir/window")
read -r _ to < <(grep '^to ' "$dir/window")
logs=()
for log in "$dir"/*.csv; do logs+=(--log "$log"); done

actual=$(mktemp)
trap 'rm -f "$actual"' EXIT
rc=0
"$remit" check "rules/$slug.remit" "${logs[@]}" --from "$from" --to "$to" --format "$format" --color never >"$actual" || rc=$?

# The exit status must agree with the report: 1 exactly when some rule is in breach.
summary=$("$remit" check "rules/$slug.remit" "${logs[@]}" --from "$from" --to "$to" --format text --color never |
          grep '^summary: ' || true)
breaches=$(sed -n 's/^summary: [^:]*: \([0-9]*\) breach,.*/\1/p' <<<"$summary")
want_rc=$([ "$breaches" -gt 0 ] && echo 1 || echo 0)
if [ "$rc" -ne "$want_rc" ]; then
  echo "exit status $rc, expected $want_rc ($breaches rules in breach)" >&2
  exit 1
fi

if [ "${REMIT_UPDATE_GOLDEN:-}" = 1 ]; then
  cp "$actual" "$expected"
  echo "updated $expected"
  exit 0
fi
if ! diff -u "$expected" "$actual"; then
  echo "the report differs from $expected (REMIT_UPDATE_GOLDEN=1 ctest -R golden to accept it)" >&2
  exit 1
fi
