#!/usr/bin/env bash
# Golden test: remit over corpora/SLUG must print exactly its expected file, for every format:
#   text json html markdown csv findings junit sarif  `remit check` over the window  -> expected.EXT
#   due-text due-json due-ics                          `remit due` as of the window's end -> expected-due.EXT
# remit's version is blanked (as @VERSION@) in both before they are compared, so that a release
# changes no golden file; no output carries the date it was made.
# With REMIT_UPDATE_GOLDEN=1 it rewrites the expectation instead; review the diff before committing.
#   run_golden.sh REMIT SLUG FORMAT
set -euo pipefail
remit=$1 slug=$2 format=$3
dir=corpora/$slug

case "$format" in
  text) expected=$dir/expected.txt ;;
  json) expected=$dir/expected.json ;;
  html) expected=$dir/expected.html ;;
  markdown) expected=$dir/expected.md ;;
  csv) expected=$dir/expected.csv ;;
  findings) expected=$dir/expected.findings.csv ;;
  junit) expected=$dir/expected.junit.xml ;;
  sarif) expected=$dir/expected.sarif ;;
  due-text) expected=$dir/expected-due.txt ;;
  due-json) expected=$dir/expected-due.json ;;
  due-ics) expected=$dir/expected-due.ics ;;
  *) echo "unknown format $format" >&2; exit 2 ;;
esac

read -r _ from < <(grep '^from ' "$dir/window")
read -r _ to < <(grep '^to ' "$dir/window")
logs=()
# Every log of the corpus: meetings, attendance, membership, training, in any format. The
# golden reports (expected*) are not logs.
shopt -s nullglob
for log in "$dir"/*.csv "$dir"/*.jsonl "$dir"/*.xml; do
  case $(basename "$log") in expected*) continue ;; esac
  logs+=(--log "$log")
done

actual=$(mktemp)
trap 'rm -f "$actual"' EXIT
rc=0
if [[ $format == due-* ]]; then
  "$remit" due "rules/$slug.remit" "${logs[@]}" --as-of "$to" --format "${format#due-}" --color never >"$actual" || rc=$?
  # The exit status must agree with the output: 1 exactly when a duty is overdue (an advisory
  # statement's obligation never counts).
  overdue=$("$remit" due "rules/$slug.remit" "${logs[@]}" --as-of "$to" --format json --color never |
            python3 -c 'import json, sys; print(sum(o["status"] == "overdue" and o["severity"] != "advisory"
                                                    for o in json.load(sys.stdin)["obligations"]))' || true)
  what="$overdue duties overdue"
  want_rc=$([ "${overdue:-0}" -gt 0 ] && echo 1 || echo 0)
else
  "$remit" check "rules/$slug.remit" "${logs[@]}" --from "$from" --to "$to" --format "$format" --color never >"$actual" || rc=$?
  # The exit status must agree with the report: 1 exactly when some rule is in breach.
  summary=$("$remit" check "rules/$slug.remit" "${logs[@]}" --from "$from" --to "$to" --format text --color never |
            grep '^summary: ' || true)
  breaches=$(sed -n 's/^summary: [^:]*: \([0-9]*\) breach,.*/\1/p' <<<"$summary")
  what="$breaches rules in breach"
  want_rc=$([ "$breaches" -gt 0 ] && echo 1 || echo 0)
fi
if [ "$rc" -ne "$want_rc" ]; then
  echo "exit status $rc, expected $want_rc ($what)" >&2
  exit 1
fi

version=$("$remit" --version | sed 's/^remit //')
blank_version() { sed "s/\b${version//./\\.}\b/@VERSION@/g" "$1"; }
blanked=$(mktemp)
trap 'rm -f "$actual" "$blanked"' EXIT
blank_version "$actual" >"$blanked"

if [ "${REMIT_UPDATE_GOLDEN:-}" = 1 ]; then
  cp "$blanked" "$expected"
  echo "updated $expected"
  exit 0
fi
if [ ! -f "$expected" ]; then
  echo "$expected is missing (REMIT_UPDATE_GOLDEN=1 ctest -R golden to create it)" >&2
  exit 1
fi
if ! blank_version "$expected" | diff -u - "$blanked"; then
  echo "the output differs from $expected (REMIT_UPDATE_GOLDEN=1 ctest -R golden to accept it)" >&2
  exit 1
fi
