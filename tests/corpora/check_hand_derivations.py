"""Each corpus README's hand-derived findings are the corpus's golden findings.

Every corpora/<slug>/README.md derives its expected results by hand and sums them up in one
table, in the layout docs/testing.md describes ("The corpora's hand derivations"):

    ## Expected findings

    | body | version | clause | rule status | finding | due | date | days late |
    | --- | --- | --- | --- | --- | --- | --- | --- |

one row per finding, and one row (finding, due, date and days late `—`) per rule without any.
This test reads that table and compares it, field by field, with the golden files remit's
output is held to: every rule and its status, and every finding's status, due date and date,
with corpora/<slug>/expected.json; every finding's days late with expected.findings.csv (the
only golden file that carries it as a field). It fails on any difference, on a README with no
such table, and on an empty table.

    python3 tests/corpora/check_hand_derivations.py      (from the repository's root)
    python3 tests/corpora/check_hand_derivations.py corpora/rutland   (one corpus)
"""
import collections
import csv
import glob
import json
import os
import re
import sys

HEADING = "## Expected findings"
COLUMNS = ["body", "version", "clause", "rule status", "finding", "due", "date", "days late"]
NONE = "—"
RULE_STATUSES = {"breach", "no-evidence", "advisory", "waived", "not-due", "pass"}
FINDING_STATUSES = {"breach", "no-evidence", "advisory", "waived"}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def split_row(line):
    """The cells of a Markdown table row; `\\|` is a | inside a cell."""
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line)]


def read_table(readme, problems):
    """The rows of the README's expected-findings table, as dicts keyed by COLUMNS."""
    lines = open(readme, encoding="utf-8").read().splitlines()
    starts = [i for i, line in enumerate(lines) if line.strip() == HEADING]
    if not starts:
        problems.append(f"{readme}: no section {HEADING!r} (docs/testing.md gives its layout)")
        return None
    if len(starts) > 1:
        problems.append(f"{readme}: {len(starts)} sections {HEADING!r}; there must be one")
        return None
    i = starts[0] + 1
    while i < len(lines) and not lines[i].startswith("|") and not lines[i].startswith("#"):
        i += 1
    if i >= len(lines) or not lines[i].startswith("|"):
        problems.append(f"{readme}: the section {HEADING!r} holds no table")
        return None
    header = split_row(lines[i])
    if header != COLUMNS:
        problems.append(f"{readme}:{i + 1}: the table's columns are {header}, not {COLUMNS}")
        return None
    if i + 1 >= len(lines) or not re.fullmatch(r"\|?(\s*:?-+:?\s*\|)+\s*:?-*:?\s*\|?", lines[i + 1].strip()):
        problems.append(f"{readme}:{i + 2}: the table's header is not followed by its separator row")
        return None
    rows = []
    for n in range(i + 2, len(lines)):
        if not lines[n].startswith("|"):
            break
        cells = split_row(lines[n])
        if len(cells) != len(COLUMNS):
            problems.append(f"{readme}:{n + 1}: {len(cells)} cells, not {len(COLUMNS)}")
            continue
        row = dict(zip(COLUMNS, cells))
        row["line"] = n + 1
        rows.append(row)
    if not rows:
        problems.append(f"{readme}: the table under {HEADING!r} is empty")
        return None
    return rows


def check_row(readme, row, problems):
    where = f"{readme}:{row['line']}"
    ok = True
    for col in COLUMNS:
        if not row[col]:
            problems.append(f"{where}: the {col} cell is empty (write {NONE} for none)")
            ok = False
    if row["rule status"] not in RULE_STATUSES:
        problems.append(f"{where}: rule status {row['rule status']!r} is not one of {sorted(RULE_STATUSES)}")
        ok = False
    if row["finding"] == NONE:
        if any(row[c] != NONE for c in ("due", "date", "days late")):
            problems.append(f"{where}: a row with no finding must have {NONE} as due, date and days late")
            ok = False
        return ok
    if row["finding"] not in FINDING_STATUSES:
        problems.append(f"{where}: finding {row['finding']!r} is not one of {sorted(FINDING_STATUSES)} or {NONE}")
        ok = False
    if not DATE.match(row["due"]):
        problems.append(f"{where}: due {row['due']!r} is not a yyyy-mm-dd date")
        ok = False
    if row["date"] != NONE and not DATE.match(row["date"]):
        problems.append(f"{where}: date {row['date']!r} is not a yyyy-mm-dd date or {NONE}")
        ok = False
    if row["days late"] != NONE and not re.fullmatch(r"\d+", row["days late"]):
        problems.append(f"{where}: days late {row['days late']!r} is not a whole number or {NONE}")
        ok = False
    return ok


def version_text(version):
    if not version:
        return NONE
    parts = []
    if version.get("from"):
        parts.append(f"from {version['from']}")
    if version.get("until"):
        parts.append(f"until {version['until']}")
    return " ".join(parts) or NONE


def golden_rules(corpus, problems):
    """{(body, version, clause): (rule status, [(finding, due, date, days late)])}, in file order."""
    report = json.load(open(os.path.join(corpus, "expected.json"), encoding="utf-8"))
    findings_csv = os.path.join(corpus, "expected.findings.csv")
    days_late = collections.defaultdict(list)
    with open(findings_csv, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            days_late[(r["council"], r["body"], r["rule_file"], r["line"])].append(r)

    results = report["results"]
    councils = collections.defaultdict(set)
    for r in results:
        councils[(r["body"], version_text(r.get("version")))].add(r.get("council"))
    for (body, version), cs in councils.items():
        if len(cs) > 1:
            problems.append(f"{corpus}/expected.json: body {body!r} ({version}) belongs to {len(cs)} councils; "
                            "the table's body column cannot tell them apart")

    labels = collections.Counter((r["body"], version_text(r.get("version")), r["rule"]) for r in results)
    seen = collections.Counter()
    rules = {}
    for r in sorted(results, key=lambda r: (r["file"], r["line"])):
        body, version, label = r["body"], version_text(r.get("version")), r["rule"]
        seen[(body, version, label)] += 1
        clause = label if labels[(body, version, label)] == 1 else f"{label} #{seen[(body, version, label)]}"
        # Rules of one line (a report to several recipients) take its rows in report order.
        key = (r.get("council") or "", body, r["file"], str(r["line"]))
        of_line = days_late.pop(key, [])
        csv_rows, rest = of_line[:len(r["findings"])], of_line[len(r["findings"]):]
        if rest:
            days_late[key] = rest
        if len(csv_rows) != len(r["findings"]):
            problems.append(f"{findings_csv}: {len(csv_rows)} rows for {body} {clause}, "
                            f"expected.json has {len(r['findings'])} findings")
        findings = []
        for n, f in enumerate(r["findings"]):
            row = csv_rows[n] if n < len(csv_rows) else {}
            if row and (row["finding_status"], row["due"], row["date"]) != (f["status"], f["due"], f["date"] or ""):
                problems.append(f"{findings_csv}: {body} {clause}, finding {n + 1}: "
                                f"{row['finding_status']} {row['due']} {row['date'] or NONE} is not expected.json's "
                                f"{f['status']} {f['due']} {f['date'] or NONE}")
            findings.append((f["status"], f["due"], f["date"] or NONE, (row.get("days_late") or NONE)))
        rules[(body, version, clause)] = (r["status"], findings)
    for key, rows in days_late.items():
        problems.append(f"{findings_csv}: {len(rows)} rows for {key[1]} line {key[3]}, a rule expected.json does not hold")
    return rules


def name(key):
    body, version, clause = key
    return f"{body} {clause}" + (f" ({version})" if version != NONE else "")


def compare(corpus, problems):
    readme = os.path.join(corpus, "README.md")
    if not os.path.exists(readme):
        problems.append(f"{corpus}: no README.md")
        return
    rows = read_table(readme, problems)
    if rows is None:
        return
    table = collections.OrderedDict()
    for row in rows:
        if not check_row(readme, row, problems):
            continue
        key = (row["body"], row["version"], row["clause"])
        table.setdefault(key, []).append(row)
    golden = golden_rules(corpus, problems)

    for key in table:
        if key not in golden:
            problems.append(f"{readme}:{table[key][0]['line']}: {name(key)}: no such rule in expected.json "
                            f"(its rules: {', '.join(name(k) for k in golden)})")
    for key, (status, findings) in golden.items():
        if key not in table:
            problems.append(f"{readme}: no row for {name(key)} (expected.json: {status}, {len(findings)} findings)")
            continue
        mine = table[key]
        where = f"{readme}:{mine[0]['line']}: {name(key)}"
        statuses = {r["rule status"] for r in mine}
        if len(statuses) > 1:
            problems.append(f"{where}: its rows give the rule {len(statuses)} statuses, {sorted(statuses)}")
        elif statuses != {status}:
            problems.append(f"{where}: rule status: README {mine[0]['rule status']}, expected.json {status}")
        hand = [(r["finding"], r["due"], r["date"], r["days late"], r["line"]) for r in mine if r["finding"] != NONE]
        if len(mine) - len(hand) > 1 or (hand and len(hand) < len(mine)):
            problems.append(f"{where}: a rule has rows for its findings or one row with finding {NONE}, not both")
        # Pair the findings: equal ones first, then the rest in order, to say which field differs.
        left = list(findings)
        unmatched = []
        for h in hand:
            if h[:4] in left:
                left.remove(h[:4])
            else:
                unmatched.append(h)
        for h, g in zip(unmatched, left):
            diffs = []
            for i, (col, source) in enumerate([("finding", "expected.json"), ("due", "expected.json"),
                                               ("date", "expected.json"), ("days late", "expected.findings.csv")]):
                if h[i] != g[i]:
                    diffs.append(f"{col}: README {h[i]}, {source} {g[i]}")
            problems.append(f"{readme}:{h[4]}: {name(key)}, finding {h[0]} due {h[1]}: " + "; ".join(diffs))
        for h in unmatched[len(left):]:
            problems.append(f"{readme}:{h[4]}: {name(key)}: finding {' '.join(h[:4])} is not in expected.json")
        for g in left[len(unmatched):]:
            problems.append(f"{where}: expected.json's finding {g[0]} due {g[1]} date {g[2]} "
                            f"(days late {g[3]}) has no row in the README")


def main():
    corpora = sys.argv[1:] or sorted(d for d in glob.glob("corpora/*") if os.path.isdir(d))
    if not corpora:
        sys.exit("no corpora found (run from the repository's root)")
    failed = 0
    for corpus in corpora:
        corpus = corpus.rstrip("/")
        problems = []
        if not os.path.exists(os.path.join(corpus, "expected.json")):
            problems.append(f"{corpus}: no expected.json")
        else:
            compare(corpus, problems)
        if problems:
            failed += 1
            print(f"FAIL {corpus}: the README's hand derivation and the golden files disagree")
            for p in problems:
                print(f"  {p}")
        else:
            print(f"ok   {corpus}: the README's table is expected.json (and expected.findings.csv), field by field")
    if failed:
        sys.exit(f"{failed} of {len(corpora)} corpora disagree with their README's hand derivation")


main()
