"""CSV reports: every golden one (corpora/*/expected.csv) opens in Excel as written (UTF-8 byte
order mark, CRLF, RFC 4180 quoting) and holds one row per finding of its JSON twin, with the
same values, manifest included; a cell that a spreadsheet would run as a formula (tests/formats/awkward/) is
defused with a leading apostrophe.
  check_csv.py REMIT"""
import csv
import glob
import io
import json
import os
import subprocess
import sys

remit = sys.argv[1]
COLUMNS = ["council", "body", "rule_file", "line", "clause", "statement", "family", "meaning", "rule_status",
           "finding_status", "due", "date", "meeting", "period_start", "period_end", "found", "days_late", "message",
           "window_from", "window_to", "severity", "version_from", "version_until", "remit_version", "rule_file_sha256", "logs_sha256", "bank_holidays"]
problems = []


def rows_of(data, where):
    if not data.startswith(b"\xef\xbb\xbf"):
        problems.append(f"{where}: no UTF-8 byte order mark")
    if not data.endswith(b"\r\n") or not data.split(b"\n", 1)[0].endswith(b"\r"):
        problems.append(f"{where}: lines do not end with CRLF")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    if rows and list(rows[0].keys()) != COLUMNS:
        problems.append(f"{where}: columns {list(rows[0].keys())}")
    return rows


goldens = sorted(glob.glob("corpora/*/expected.csv"))
if not goldens:
    sys.exit("no golden CSV reports found")
for path in goldens:
    rows = rows_of(open(path, "rb").read(), path)
    report = json.load(open(os.path.join(os.path.dirname(path), "expected.json")))
    findings = [(r, f) for r in report["results"] for f in r["findings"]]
    if len(rows) != len(findings):
        problems.append(f"{path}: {len(rows)} rows for {len(findings)} findings")
    for row, (r, f) in zip(rows, findings):
        want = {"body": r["body"], "clause": r["rule"], "statement": r["text"], "rule_status": r["status"],
                "finding_status": f["status"], "due": f["due"], "date": f["date"] or "", "message": f["message"],
                "line": str(r["line"]), "window_from": report["from"], "window_to": report["to"],
                "severity": r["severity"],
                "version_from": (r.get("version") or {}).get("from") or "",
                "version_until": (r.get("version") or {}).get("until") or "",
                # The manifest, as the JSON twin gives it.
                "remit_version": report["manifest"]["remit"],
                "rule_file_sha256": next(x["sha256"] for x in report["manifest"]["rule_files"] if x["file"] == r["file"]),
                "logs_sha256": "\n".join(f"{x['sha256']}  {x['file']}" for x in report["manifest"]["logs"]),
                "bank_holidays": f"gov.uk bank holidays to {report['manifest']['bank_holidays']['last_year']}, "
                                 f"sha256 {report['manifest']['bank_holidays']['sha256']}"}
        for k, v in want.items():
            if row[k] != v:
                problems.append(f"{path}: {k} is {row[k]!r}, expected {v!r}")
    print(f"{path}: {len(rows)} rows, one per finding")

out = subprocess.run([remit, "check", "tests/formats/awkward/board.remit", "--log", "tests/formats/awkward/meetings.csv",
                      "--from", "2024-05-01", "--to", "2024-06-30", "--format", "csv"], capture_output=True).stdout
rows = rows_of(out, "awkward")
if not rows or any(not r["body"].startswith("'=SUM(A1:A2), Children; \\ Board") for r in rows):
    problems.append(f"awkward: a body name starting with '=' is not defused: {[r['body'] for r in rows]}")
else:
    print(f"awkward: {len(rows)} rows, the formula-like body name defused")

for p in problems:
    print(p, file=sys.stderr)
sys.exit(1 if problems else 0)
