"""Findings reports: every golden one (corpora/*/expected.findings.csv) is its corpus's CSV report
(expected.csv) projected on the findings columns, row for row and cell for cell, with LF line ends
and no byte order mark; a rule with no finding in the JSON twin has no row; and on input with
awkward names (tests/formats/awkward/) a name starting with '=' is defused and one with a comma
quoted, exactly as in the CSV report.
  check_findings.py REMIT"""
import collections
import csv
import glob
import io
import json
import os
import subprocess
import sys

remit = sys.argv[1]
COLUMNS = ["council", "body", "rule_file", "line", "clause", "finding_status", "due", "date", "meeting", "period_start",
           "period_end", "found", "days_late"]
problems = []


def table(data, where):
    """The header and rows of a findings report, checking it is written for programs."""
    if data.startswith(b"\xef\xbb\xbf"):
        problems.append(f"{where}: a byte order mark")
    if b"\r" in data:
        problems.append(f"{where}: a carriage return (lines end with LF)")
    if not data.endswith(b"\n"):
        problems.append(f"{where}: the last line does not end with LF")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    if not rows or rows[0] != COLUMNS:
        problems.append(f"{where}: header {rows[:1]}")
    return rows[1:]


def projected(csv_data):
    """The CSV report's rows, its BOM and CRLF as Excel wants them, on the findings columns."""
    rows = csv.DictReader(io.StringIO(csv_data.decode("utf-8-sig"), newline=""))
    return [[row[c] for c in COLUMNS] for row in rows]


goldens = sorted(glob.glob("corpora/*/expected.findings.csv"))
if len(goldens) != len(glob.glob("corpora/*/expected.csv")):
    problems.append(f"{len(goldens)} golden findings reports for {len(glob.glob('corpora/*/expected.csv'))} CSV ones")
rules_without_findings = 0
for path in goldens:
    folder = os.path.dirname(path)
    rows = table(open(path, "rb").read(), path)
    want = projected(open(os.path.join(folder, "expected.csv"), "rb").read())
    if rows != want:
        problems.append(f"{path}: not the rows of expected.csv projected; first difference: "
                        f"{next(((a, b) for a, b in zip(rows, want) if a != b), (len(rows), len(want)))}")
    # The JSON twin: a row per finding, and none for a rule without one.
    report = json.load(open(os.path.join(folder, "expected.json")))
    findings = sum(len(r["findings"]) for r in report["results"])
    if len(rows) != findings:
        problems.append(f"{path}: {len(rows)} rows for {findings} findings")
    # Rules of one line (a report to several recipients) share its rows: a rule without a finding
    # is shown to have no row when its line's rows are all its siblings' findings.
    keyed = collections.Counter((r[1], r[2], r[3], r[4]) for r in rows)
    of_line = collections.Counter()
    for r in report["results"]:
        of_line[(r["body"], r["file"], str(r["line"]), r["rule"])] += len(r["findings"])
    for r in report["results"]:
        if not r["findings"]:
            rules_without_findings += 1
            key = (r["body"], r["file"], str(r["line"]), r["rule"])
            if keyed[key] > of_line[key]:
                problems.append(f"{path}: a row for {r['body']} clause {r['rule']}, which has no finding")
    print(f"{path}: {len(rows)} rows, the CSV report's projected")
if not rules_without_findings:
    problems.append("no golden report has a rule without a finding: nothing shows such a rule has no row")

# Awkward names: the same cells as the CSV report, defused and quoted.
args = [remit, "check", "tests/formats/awkward/board.remit", "--log", "tests/formats/awkward/meetings.csv",
        "--from", "2024-05-01", "--to", "2024-06-30", "--format"]
data = subprocess.run(args + ["findings"], capture_output=True).stdout
rows = table(data, "awkward")
if not rows or rows != projected(subprocess.run(args + ["csv"], capture_output=True).stdout):
    problems.append(f"awkward: not the CSV report's rows projected: {rows}")
if not all(r[0] == "Awkward, Names; & Co \\ Council" and r[1].startswith("'=SUM(A1:A2), Children; \\ Board") for r in rows):
    problems.append(f"awkward: council and body are {[r[:2] for r in rows]}")
# Quoted because of the comma, and the apostrophe inside the quotes, as RFC 4180 and Excel want it.
first_row = data.split(b"\n")[1] if data.count(b"\n") > 1 else b""
if not first_row.startswith(b'"Awkward, Names; & Co \\ Council","\'=SUM(A1:A2), Children;'):
    problems.append(f"awkward: the first row starts {first_row[:80]!r}")
if not problems:
    print(f"awkward: {len(rows)} rows, the formula-like body name defused and the names with commas quoted")

for p in problems:
    print(p, file=sys.stderr)
sys.exit(1 if problems else 0)
