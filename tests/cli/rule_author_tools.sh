#!/usr/bin/env bash
# What the rule-author tools do to files, beyond what one command and its output can show:
# fmt --write rewrites only files that are not canonical, whole, and a second run changes
# nothing; fmt - reads standard input; test --junit writes well-formed JUnit XML; lint
# --format sarif writes the parts of SARIF 2.1.0 that code-review tools read.
#   rule_author_tools.sh REMIT        (run from the repository's root)
set -euo pipefail
remit=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }

cp tests/cli/fmt-check/messy.remit tests/cli/fmt-check/tidy.remit "$work/"
touch -d '2020-01-01' "$work/tidy.remit"
out=$("$remit" fmt --write "$work/messy.remit" "$work/tidy.remit")
[ "$out" = "reformatted $work/messy.remit" ] || fail "fmt --write said: $out"
cmp -s "$work/messy.remit" tests/cli/fmt-print/expected.stdout || fail "the rewritten file is not the canonical form"
[ "$(stat -c %Y "$work/tidy.remit")" = "$(date -d 2020-01-01 +%s)" ] || fail "a canonical file was rewritten"
[ -z "$(find "$work" -name '.*')" ] || fail "a temporary file was left behind"
[ -z "$("$remit" fmt --write "$work/messy.remit")" ] || fail "a second fmt --write changed the file again"
"$remit" fmt --check "$work/messy.remit" "$work/tidy.remit" >/dev/null || fail "fmt --check after --write"

[ "$("$remit" fmt - < tests/cli/fmt-print/messy.remit)" = "$(cat tests/cli/fmt-print/expected.stdout)" ] || fail "fmt - (stdin)"
rc=0
"$remit" fmt --write --check "$work/tidy.remit" 2>/dev/null || rc=$?
[ "$rc" = 2 ] || fail "--write with --check: exit status $rc, expected 2"

rc=0
(cd tests/cli/test-failing-cases && "$remit" test cases --junit "$work/junit.xml" >/dev/null) || rc=$?
[ "$rc" = 2 ] || fail "remit test on the failing cases: exit status $rc, expected 2"
python3 - "$work/junit.xml" <<'PY' || fail "the JUnit XML"
import sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "testsuites", root.tag
assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("3", "1", "1"), root.attrib
cases = {c.get("name"): c for c in root.iter("testcase")}
assert sorted(cases) == ["bad-expected", "passes", "wrong-status"], sorted(cases)
assert cases["passes"].find("failure") is None and cases["passes"].find("error") is None
assert "expected pass, got breach" in cases["wrong-status"].find("failure").text
assert "unknown status 'breached'" in cases["bad-expected"].find("error").text
PY

rc=0
"$remit" lint tests/cli/lint-every-check/board.remit --as-of 2026-01-01 --from 2025-04-01 --format sarif -o "$work/lint.sarif" || rc=$?
[ "$rc" = 1 ] || fail "lint with findings: exit status $rc, expected 1"
python3 - "$work/lint.sarif" <<'PY' || fail "the SARIF log"
# The properties SARIF 2.1.0 requires, or that code-review tools read, of the objects remit writes.
import json, sys
log = json.load(open(sys.argv[1]))
assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-schema-2.1.0.json")
(run,) = log["runs"]
driver = run["tool"]["driver"]
assert driver["name"] == "remit lint"
ids = [r["id"] for r in driver["rules"]]
assert ids == [f"RL{i:03}" for i in range(1, 13)], ids
assert all(r["shortDescription"]["text"] and r["defaultConfiguration"]["level"] == "warning" for r in driver["rules"])
assert run["columnKind"] == "unicodeCodePoints"
assert len(run["results"]) == 13
for r in run["results"]:
    assert ids[r["ruleIndex"]] == r["ruleId"]
    assert r["level"] in ("none", "note", "warning", "error")
    assert r["message"]["text"]
    for loc in r["locations"] + r.get("relatedLocations", []):
        phys = loc["physicalLocation"]
        assert phys["artifactLocation"]["uri"] == "tests/cli/lint-every-check/board.remit"
        assert phys["region"]["startLine"] >= 1 and phys["region"]["startColumn"] >= 1
    for loc in r.get("relatedLocations", []):
        assert isinstance(loc["id"], int) and loc["id"] >= 0 and loc["message"]["text"]
assert {r["ruleId"] for r in run["results"]} == set(ids)
PY
echo ok
