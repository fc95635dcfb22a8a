"""The Excel workbook (`--format xlsx=FILE`) opens, and holds every finding remit found.

For every corpus, audited with all its logs over its window: the workbook opens with openpyxl
(python3-openpyxl); it has the sheets Exceptions, Findings, Rules, Not checked, Logs and
Manifest, each with a frozen header row and an autofilter over what it holds; the Findings sheet
holds every finding of the corpus's golden JSON report, field by field, its dates as real dates;
the Rules sheet every rule with its status; the Logs sheet every log's counts. The same inputs
give the same bytes, and text from the input that starts with '=' stays text.

    /usr/bin/python3 tests/formats/check_xlsx.py REMIT      (from the repository's root)
"""
import datetime
import json
import os
import subprocess
import sys
import tempfile

import openpyxl

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "corpora"))
import corpus_audit  # noqa: E402

SHEETS = ["Exceptions", "Findings", "Rules", "Not checked", "Logs", "Manifest"]


def audit(remit, slug, out):
    run = subprocess.run(corpus_audit.check_args(remit, slug, f"xlsx={out}"), capture_output=True, text=True)
    if run.returncode not in (0, 1):
        sys.exit(f"{slug}: remit exited {run.returncode}:\n{run.stderr}")


def day(value):
    """A cell's date as ISO text; openpyxl reads a date cell as a datetime."""
    if value is None:
        return None
    if not isinstance(value, datetime.datetime):
        raise TypeError(f"{value!r} is not a date cell")
    return value.date().isoformat()


def main():
    remit = os.path.abspath(sys.argv[1])
    problems = []
    corpora = [slug for slug in corpus_audit.slugs() if os.path.exists(os.path.join("corpora", slug, "expected.json"))]
    if not corpora:
        sys.exit("no corpora found")
    with tempfile.TemporaryDirectory() as work:
        for slug in corpora:
            path, again = os.path.join(work, f"{slug}.xlsx"), os.path.join(work, f"{slug}-again.xlsx")
            audit(remit, slug, path)
            audit(remit, slug, again)
            if open(path, "rb").read() != open(again, "rb").read():
                problems.append(f"{slug}: two runs on the same inputs gave different workbooks")
            book = openpyxl.load_workbook(path)
            if book.sheetnames != SHEETS:
                problems.append(f"{slug}: sheets {book.sheetnames}, expected {SHEETS}")
                continue
            for name in SHEETS:
                ws = book[name]
                if ws.freeze_panes != "A2":
                    problems.append(f"{slug}: sheet {name} has no frozen header row")
                if not ws.auto_filter.ref or not ws.auto_filter.ref.startswith("A1:"):
                    problems.append(f"{slug}: sheet {name} has no autofilter")
            golden = json.load(open(os.path.join("corpora", slug, "expected.json")))
            expected = sorted((r["body"], r["rule"], f["status"], f["due"], f["date"], f["message"])
                              for r in golden["results"] for f in r["findings"])
            rows = list(book["Findings"].iter_rows(min_row=2, values_only=True))
            try:
                found = sorted((r[1], r[3], r[7], day(r[8]), day(r[9]), r[15]) for r in rows)
            except TypeError as e:
                problems.append(f"{slug}: Findings: {e}")
                continue
            if found != expected:
                problems.append(f"{slug}: the Findings sheet is not the JSON report's findings: "
                                f"{len(found)} rows for {len(expected)} findings; first difference "
                                f"{next((a, b) for a, b in zip(found + [None] * len(expected), expected + [None] * len(found)) if a != b)}")
            rules = sorted((r[1], r[3], r[6]) for r in book["Rules"].iter_rows(min_row=2, values_only=True))
            if rules != sorted((r["body"], r["rule"], r["status"]) for r in golden["results"]):
                problems.append(f"{slug}: the Rules sheet is not the JSON report's rules")
            logs = [(r[0], r[2], r[3], r[4]) for r in book["Logs"].iter_rows(min_row=2, values_only=True)]
            if logs != [(l["file"], l["rows_read"], l["rows_used"], l["rows_rejected"]) for l in golden["logs"]]:
                problems.append(f"{slug}: the Logs sheet is not the JSON report's logs: {logs}")
            print(f"{slug}: {len(found)} findings, {len(rules)} rules, as in expected.json")

        # Text from the input that looks like a formula is text, never a formula.
        out = os.path.join(work, "awkward.xlsx")
        run = subprocess.run([remit, "check", "tests/formats/awkward/board.remit", "--log", "tests/formats/awkward/meetings.csv",
                              "--from", "2025-01-01", "--to", "2025-12-31", "--format", f"xlsx={out}"],
                             capture_output=True, text=True)
        if run.returncode not in (0, 1):
            sys.exit(f"awkward: remit exited {run.returncode}:\n{run.stderr}")
        bodies = [c.value for c in openpyxl.load_workbook(out)["Rules"]["B"][1:]]
        cells = [c for c in openpyxl.load_workbook(out)["Rules"]["B"][1:]]
        if not any(str(b).startswith("=SUM") for b in bodies):
            problems.append(f"awkward: no body starting '=SUM' in the Rules sheet: {bodies[:3]}")
        if any(c.data_type == "f" for c in cells):
            problems.append("awkward: text from the input was written as a formula")
        print("awkward: text that starts with '=' is text")
    for p in problems:
        print("FAIL:", p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
