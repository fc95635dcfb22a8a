#!/usr/bin/env python3
"""The whole-run comparison (bench/README.md): the five checks over one generated log with remit,
SQLite and DuckDB, and the raw floor. It first checks that every tool found the same findings,
then prints, per tool, the median wall time and peak memory (resident set, from /usr/bin/time)
of several runs, and the ratio of each tool's time to remit's; and which engine remit ran
(its JSON report's manifest, from one more run, untimed).

remit writes the `findings` report (a row of keys and dates per finding), as the SQL tools
write their findings' keys; remit-csv is remit writing the full `csv` report instead (the
derivation in words and the manifest on every row), to show what the words cost.

  compare.py --remit BIN --floor BIN --data DIR --duckdb-dir DIR [--log national.csv] [--shape NAME]
             [--runs N] [--sqlite-runs N] [--engine auto] [--tools remit,remit-csv,floor,sqlite,duckdb]
"""
import argparse
import csv
import hashlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def window(data):
    w = {}
    with open(os.path.join(data, "window")) as f:
        for line in f:
            key, value = line.split()
            w[key] = value
    return w["from"], w["to"]


def holidays_csv(path):
    with open(os.path.join(ROOT, "data", "bank-holidays", "bank-holidays.json")) as f:
        events = json.load(f)["england-and-wales"]["events"]
    with open(path, "w") as out:
        out.write("date\n")
        for e in events:
            out.write(e["date"] + "\n")


def timed(cmd, cwd=None):
    """Runs cmd under /usr/bin/time; returns (wall seconds, peak RSS in MB)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        full = ["/usr/bin/time", "-f", "%e %M", "-o", t.name] + cmd
        r = subprocess.run(full, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if r.returncode not in (0, 1):
            sys.exit(f"compare: {' '.join(cmd)} failed ({r.returncode}):\n{r.stderr}")
        wall, rss_kb = t.read().split()[-2:]
        return float(wall), int(rss_kb) / 1024


def remit_findings(path):
    rows = []
    with open(path, encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            rows.append((r["clause"], r["body"], r["finding_status"], r["due"], r["date"]))
    return rows


def sql_findings(path):
    with open(path, newline="") as f:
        return [tuple(r) for r in csv.reader(f)]


def engine_of(json_report):
    """The engine a JSON report's manifest names, read from the report's first or last megabyte
    (the report may be gigabytes)."""
    with open(json_report, "rb") as f:
        f.seek(0, os.SEEK_END)
        size = f.tell()
        for start in (0, max(0, size - (1 << 20))):
            f.seek(start)
            found = re.findall(rb'"engine"\s*:\s*"([a-z]+)"', f.read(1 << 20))
            if found:
                return found[-1].decode()
    return "unknown"


def ratio(a, b):
    return a / b if b > 0 else float("nan")  # /usr/bin/time says 0.00 s for a tiny log


def digest(rows):
    h = hashlib.sha256()
    for r in sorted(rows):
        h.update(("\x1f".join(r) + "\n").encode())
    return h.hexdigest()[:16]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--remit", required=True)
    ap.add_argument("--floor", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--log", default="national.csv", help="the log's file in --data")
    ap.add_argument("--shape", default="", help="the shape's name, for the printout")
    ap.add_argument("--engine", default="auto", choices=("auto", "batch", "stream"), help="remit check --engine")
    ap.add_argument("--duckdb-dir", required=True, help="folder where @duckdb/node-api is installed")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sqlite-runs", type=int, default=1)
    ap.add_argument("--tools", default="remit,remit-csv,floor,sqlite,duckdb")
    a = ap.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # in order with the runs said on stderr, in a log of both
    tools = a.tools.split(",")
    data = os.path.abspath(a.data)
    log = os.path.join(data, a.log)
    frm, to = window(data)
    scratch = tempfile.mkdtemp(prefix="remit-bench-")
    try:
        holidays = os.path.join(scratch, "holidays.csv")
        holidays_csv(holidays)
        out = {t: os.path.join(scratch, f"{t}.csv") for t in tools}
        sqlite_sql = os.path.join(scratch, "checks.sql")
        with open(os.path.join(HERE, "sql", "sqlite.sql")) as f:
            text = f.read()
        for k, v in {"@LOG@": log, "@HOLIDAYS@": holidays, "@OUT@": out.get("sqlite", ""), "@FROM@": frm, "@TO@": to}.items():
            text = text.replace(k, v)
        with open(sqlite_sql, "w") as f:
            f.write(text)
        if "duckdb" in tools:
            shutil.copy(os.path.join(HERE, "duckdb.mjs"), os.path.join(a.duckdb_dir, "duckdb.mjs"))
        checks = [a.remit, "check", os.path.join(data, "five-checks.remit"), "--log", log, "--from", frm, "--to", to,
                  "--limit", "file-size=64G", "--limit", "findings=1000000000", "--engine", a.engine]
        commands = {
            # A national log is over the default 1 GiB file-size limit from about 10M events, and its
            # findings over the default million from about 11M (4.7 million at 50M events).
            "remit": checks + ["--format", "findings", "-o", out.get("remit", "")],
            "remit-csv": checks + ["--format", "csv", "-o", out.get("remit-csv", "")],
            "floor": [a.floor, log],
            "sqlite": ["sqlite3", ":memory:", f".read {sqlite_sql}"],
            "duckdb": ["node", os.path.join(a.duckdb_dir, "duckdb.mjs"), os.path.join(HERE, "sql", "duckdb.sql"), log,
                       holidays, out.get("duckdb", ""), frm, to],
        }
        results = {}
        for t in tools:
            runs = a.sqlite_runs if t == "sqlite" else a.runs
            samples = [timed(commands[t]) for _ in range(runs)]
            results[t] = (statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples), runs)
            print(f"  {t}: {runs} runs, wall {[s[0] for s in samples]}", file=sys.stderr)

        # Which engine ran: the findings report shows no manifest, so one more run, untimed, writes
        # the JSON report, whose manifest names it (the choice is the same: the format does not enter it).
        engine = ""
        if "remit" in tools or "remit-csv" in tools:
            report = os.path.join(scratch, "engine.json")
            timed(checks + ["--format", "json", "-o", report])
            engine = engine_of(report)
            os.remove(report)

        # Same findings first: a fast wrong answer is no answer.
        found = {}
        for t in ("remit", "remit-csv"):
            if t in tools:
                found[t] = remit_findings(out[t])
        for t in ("sqlite", "duckdb"):
            if t in tools:
                found[t] = sql_findings(out[t])
        agreed = True
        if found:
            base_tool = next(iter(found))
            base = found[base_tool]
            per_rule = {}
            for r in base:
                per_rule[r[0]] = per_rule.get(r[0], 0) + 1
            print(f"findings ({base_tool}): {len(base)}: " + ", ".join(f"{k} {v}" for k, v in sorted(per_rule.items())))
            for t, rows in found.items():
                same = sorted(rows) == sorted(base)
                agreed &= same
                print(f"  {t}: {len(rows)} findings, digest {digest(rows)}: {'same' if same else 'DIFFERENT'}")
                if not same:
                    a_set, b_set = set(rows), set(base)
                    for r in sorted(a_set - b_set)[:5]:
                        print(f"    only {t}: {r}")
                    for r in sorted(b_set - a_set)[:5]:
                        print(f"    only {base_tool}: {r}")
        with open(log, "rb") as f:
            events = sum(1 for _ in f) - 1
        print(f"\n{a.shape + ': ' if a.shape else ''}{a.log}, {events} events; window {frm} to {to}"
              + (f"; remit --engine {a.engine}: the {engine} engine ran" if engine else ""))
        print(f"{'tool':<9} {'runs':>4} {'wall s':>9} {'peak MB':>9} {'x remit':>8}")
        for t in tools:
            wall, rss, runs = results[t]
            times = ratio(wall, results["remit"][0]) if "remit" in results else float("nan")
            print(f"{t:<9} {runs:>4} {wall:>9.3f} {rss:>9.1f} {times:>8.2f}")
        if "remit" in results:
            remit_wall = results["remit"][0]
            if "floor" in results:
                print(f"remit / floor: {ratio(remit_wall, results['floor'][0]):.2f}")
            if "duckdb" in results:
                print(f"DuckDB / remit: {ratio(results['duckdb'][0], remit_wall):.2f}")
        if not agreed:
            sys.exit("compare: the tools disagree: see above")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
