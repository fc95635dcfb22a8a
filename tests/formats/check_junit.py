"""Every golden JUnit report (corpora/*/expected.junit.xml) agrees with its JSON report: one
testsuite per audited body, one testcase per rule, one failure per breach, skipped exactly for
the rules with no evidence or nothing due, a skipped testcase per clause not checked (its reason
the message), and counts that add up. (xmllint checks the layout
against tests/formats/junit.xsd beforehand.)"""
import glob
import json
import os
import sys
import xml.etree.ElementTree as ET

problems = []
reports = sorted(glob.glob("corpora/*/expected.junit.xml"))
if not reports:
    sys.exit("no golden JUnit reports found")
for path in reports:
    report = json.load(open(os.path.join(os.path.dirname(path), "expected.json")))
    results = report["results"]
    root = ET.parse(path).getroot()
    suites = root.findall("testsuite")
    bodies = []
    for r in results:
        key = (r["file"], r["council"], r["body"], json.dumps(r.get("version")))  # a suite per version of a body
        if not bodies or bodies[-1] != key:
            bodies.append(key)

    def expect(what, got, want):
        if got != want:
            problems.append(f"{path}: {what}: {got}, expected {want}")

    expect("testsuites", len(suites), len(bodies))
    def not_checked_case(c):
        skipped = c.find("skipped")
        return skipped is not None and skipped.get("message", "").startswith("not checked by remit: ")

    every_case = [c for s in suites for c in s.findall("testcase")]
    cases = [c for c in every_case if not not_checked_case(c)]
    unchecked = [c for c in every_case if not_checked_case(c)]
    expect("testcases", len(cases), len(results))
    expect("testcases of clauses not checked", len(unchecked), len(report["not_checked"]))
    for case, n in zip(unchecked, report["not_checked"]):
        expect(f"testcase {case.get('name')!r} name", case.get("name"), f"{n['clause']} not checked")
        expect(f"testcase {case.get('name')!r} line", case.get("line"), str(n["line"]))
        expect(f"testcase {case.get('name')!r} message", case.find("skipped").get("message"),
               f"not checked by remit: {n['reason']}")
    expect("failure elements", sum(len(c.findall("failure")) for c in cases),
           sum(1 for r in results for f in r["findings"] if f["status"] == "breach"))
    for case, r in zip(cases, results):
        expect(f"testcase {case.get('name')!r} name", case.get("name"), f"{r['rule']} {r['text']}")
        expect(f"testcase {case.get('name')!r} line", case.get("line"), str(r["line"]))
        failed = len(case.findall("failure")) > 0
        expect(f"testcase {case.get('name')!r} fails", failed, r["status"] == "breach")
        expect(f"testcase {case.get('name')!r} skipped", case.find("skipped") is not None,
               r["status"] in ("no-evidence", "not-due"))
    for s in suites:
        tc = s.findall("testcase")
        expect(f"suite {s.get('name')!r} tests", int(s.get("tests")), len(tc))
        expect(f"suite {s.get('name')!r} failures", int(s.get("failures")), sum(1 for c in tc if c.find("failure") is not None))
        expect(f"suite {s.get('name')!r} skipped", int(s.get("skipped")), sum(1 for c in tc if c.find("skipped") is not None))
    for attr in ("tests", "failures", "skipped", "errors"):
        expect(f"testsuites {attr}", int(root.get(attr)), sum(int(s.get(attr)) for s in suites))
    print(f"{path}: {len(suites)} testsuites, {len(cases)} testcases of rules and {len(unchecked)} of clauses not "
          "checked, agrees with expected.json")

for p in problems:
    print(p, file=sys.stderr)
sys.exit(1 if problems else 0)
