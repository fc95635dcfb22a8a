"""The batch and the streamed engine, held to each other on one random case (random_cases.py).

The logs are written in date order (a stable sort), and `remit check` runs with `--engine batch`
and with `--engine stream`, the same arguments otherwise, writing every report format the
streamed engine makes (all but HTML): the outputs, standard error and exit status must be
byte-identical, but for the engine the manifest names (the text report's manifest line, the
JSON report's `manifest.engine`), which must be the one that ran.

When the streamed engine refuses the case as docs/inputs.md ("Large logs") says it does, for a
statement it does not judge, or a block that is a version of a body's rules or a renamed body,
the case's streamable projection is compared instead: the same logs and window, the rule file without what the
engine named (and without waivers left with no statement of their label). A projection with no
statement left is skipped, as is a log the engine documents refusing. Any other refusal is a
failure. As the streamed engine judges more, more cases are compared whole, with no change here.
"""
import collections
import csv
import difflib
import io
import json
import os
import re
import subprocess

# Written to files beside the JSON report, which goes to standard output. HTML is left out:
# the streamed engine refuses it (its timelines draw every event).
FORMATS = {"text": "report.txt", "markdown": "report.md", "csv": "report.csv", "findings": "findings.csv",
           "junit": "junit.xml", "sarif": "report.sarif"}

# The refusals of --engine stream that the projection leaves out (docs/diagnostics.md).
NOT_JUDGED = re.compile(r":(\d+):\d+: error: clause .*: --engine stream does not judge this statement \(")
VERSION = re.compile(r":(\d+):\d+: error: --engine stream does not judge (?:a body block that is a version of the "
                     r"body's rules|a body known by other names \('also'\)[^:]*): ")
# The documented refusals of a log: such a case is skipped.
LOG_REFUSALS = {
    "two events of a body of one kind and status on one day":
        re.compile(r":\d+:\d+: error: --engine stream cannot tell whether this row repeats another: "),
    "a ModernGov log":
        re.compile(r": error: --engine stream reads only CSV and JSON Lines logs of events as they come"),
    "an attendance log": re.compile(r": error: --engine stream does not join attendance to meetings: "),
}
SUMMARY = re.compile(r"remit: \d+ errors? found; nothing was audited")

STATEMENT = re.compile(r"  (\S+)  (?!not checked )\S")  # a label and a statement, as random_cases.py writes them
WAIVER = re.compile(r"( *)waive (\S+) from ")


def log_date(text):
    """yyyy-mm-dd, or day first (d/m/yyyy), as the logs of random_cases.py write it: sortable."""
    day_first = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    return (day_first.group(3), day_first.group(2).zfill(2), day_first.group(1).zfill(2)) if day_first else \
        tuple(text.split("-"))


def date_ordered(text):
    """A CSV log's rows sorted by date (a membership file's by `from`), stably; the same text for
    a log already in order."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    key = header.index("date") if "date" in header else header.index("from")
    rows = sorted(reader, key=lambda row: log_date(row[key]))
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\n").writerows([header] + rows)
    return out.getvalue()


def statements(rules):
    return [line for line in rules.split("\n") if STATEMENT.match(line)]


def projection(rules, statement_lines, block_lines):
    """The rule file without the statements and blocks on the given lines (numbered from 1), and
    without the waivers whose label then has no statement (in the file, or in the waiver's body)."""
    lines = rules.split("\n")
    left_out = set(statement_lines)
    for first in block_lines:
        last = first
        while lines[last - 1] != "}":
            last += 1
        left_out.update(range(first, last + 1))
    kept = [line for n, line in enumerate(lines, 1) if n not in left_out]
    in_file, in_block, block = set(), collections.defaultdict(set), None
    for n, line in enumerate(kept):
        block = n if line.startswith("body ") else None if line == "}" else block
        if m := STATEMENT.match(line):
            in_file.add(m[1])
            in_block[block].add(m[1])
    out, block = [], None
    for n, line in enumerate(kept):
        block = n if line.startswith("body ") else None if line == "}" else block
        m = WAIVER.match(line)
        if m and m[2] not in (in_block[block] if m[1] else in_file):
            continue
        out.append(line)
    return "\n".join(out)


def refusal(run, rule_paths, log_paths):
    """What the streamed engine refused, as ({rule file: (statement lines, block lines)}, log
    refusals), or None when its standard error is not wholly its documented refusals."""
    if run.returncode != 2:
        return None
    lines = run.stderr.splitlines()
    if not lines or not SUMMARY.fullmatch(lines[-1]):
        return None
    rules, logs = {}, []
    for line in lines[:-1]:
        if ": error: " not in line:
            continue  # the line quoted under a diagnostic, or its caret
        path = next((p for p in rule_paths + log_paths if line.startswith(p + ":")), None)
        if path is None:
            return None
        tail = line[len(path):]
        if path in log_paths:
            why = [w for w, pattern in LOG_REFUSALS.items() if pattern.match(tail)]
            if not why:
                return None
            logs += why
        elif m := NOT_JUDGED.match(tail):
            rules.setdefault(path, ([], []))[0].append(int(m[1]))
        elif m := VERSION.match(tail):
            rules.setdefault(path, ([], []))[1].append(int(m[1]))
        else:
            return None
    if not rules and not logs:
        return None
    return rules, logs


def refused_in(remit, work, rules_by_case):
    """What the streamed engine refuses in each case's rule file, asked once for them all (it
    names what it does not judge before reading any log): {case: (statement lines, block
    lines)}, a case absent when nothing in it is refused; None when the answer is not wholly
    documented refusals (each case is then asked on its own)."""
    folder = os.path.join(work, "rule files")
    os.makedirs(folder, exist_ok=True)
    paths = {}
    for n, rules in rules_by_case.items():
        paths[os.path.join(folder, f"case-{n}.remit")] = n
        open(os.path.join(folder, f"case-{n}.remit"), "w").write(rules)
    run = subprocess.run([remit, "check", *paths, "--log", os.devnull, "--from", "2000-01-01", "--engine", "stream",
                          "--limit", "errors=1000000", "--format", "json"], capture_output=True, text=True)
    if run.returncode in (0, 1):
        return {}
    refused = refusal(run, list(paths), [])
    return None if refused is None else {paths[path]: lines for path, lines in refused[0].items()}


def check(remit, work, rules_path, log_paths, frm, to, engine):
    """One run of remit check: its exit status, standard error and every report, by name."""
    folder = os.path.join(work, engine)
    os.makedirs(folder, exist_ok=True)
    args = [remit, "check", rules_path]
    for path in log_paths:
        args += ["--log", path]
    args += ["--from", str(frm), "--to", str(to), "--engine", engine, "--format", "json"]
    for name, file in FORMATS.items():
        path = os.path.join(folder, file)
        if os.path.exists(path):
            os.remove(path)
        args += ["--format", f"{name}={path}"]
    run = subprocess.run(args, capture_output=True, text=True)
    outputs = {"exit status": f"{run.returncode}\n", "standard error": run.stderr, "json": run.stdout}
    for name, file in FORMATS.items():
        path = os.path.join(folder, file)
        outputs[name] = open(path).read() if os.path.exists(path) else "(not written)\n"
    return run, outputs


def without_engine(outputs, engine):
    """The outputs without the engine their manifest names; a problem if it is not `engine`."""
    out = dict(outputs)
    if outputs["exit status"] not in ("0\n", "1\n"):
        return out, None
    try:
        named = json.loads(outputs["json"])["manifest"]["engine"]
    except (ValueError, KeyError, TypeError):
        return out, "the JSON report has no manifest.engine"
    if named != engine:
        return out, f"the JSON report's manifest names the {named} engine, not the {engine} engine"
    out["json"], n = re.subn(rf'^    "engine": "{engine}",\n', "", outputs["json"], flags=re.M)
    if n != 1:
        return out, "the JSON report's manifest.engine is not on a line of its own"
    out["text"], n = re.subn(rf"^(manifest: [^\n]*?), {engine} engine;", r"\1;", outputs["text"], count=1, flags=re.M)
    if n != 1:
        return out, f"the text report's manifest line does not name the {engine} engine"
    out["markdown"], n = re.subn(rf"^(Made by remit [^ \n]*) \({engine} engine\)", r"\1", outputs["markdown"], count=1,
                                 flags=re.M)
    if n != 1:
        return out, f"the Markdown report's manifest does not name the {engine} engine"
    return out, None


class Tally:
    """How many cases were compared whole, compared projected, and skipped, and why."""

    OUTCOMES = ("compared whole", "compared projected", "skipped")

    def __init__(self):
        self.outcomes = collections.Counter()
        self.reasons = {o: collections.Counter() for o in self.OUTCOMES}

    def add(self, outcome, reasons=()):
        self.outcomes[outcome] += 1
        self.reasons[outcome].update(reasons)

    def compared(self):
        return self.outcomes["compared whole"] + self.outcomes["compared projected"]

    def line(self):
        """'3 compared whole, 5 compared projected, 2 skipped (projected: statements not judged 5; ...)'"""
        counts = ", ".join(f"{self.outcomes[o]} {o}" for o in self.OUTCOMES)
        why = "; ".join(f"{o.split()[-1]}: " + ", ".join(f"{r} {n}" for r, n in sorted(self.reasons[o].items()))
                        for o in self.OUTCOMES if self.reasons[o])
        return f"{counts} ({why or 'nothing refused'})"


def compare(remit, work, rules, logs, frm, to, tally, refused=None):
    """Runs one case through both engines. `refused`: what the streamed engine refuses in its
    rule file ((statement lines, block lines), or ([], []) for nothing), if known. Returns None
    when the engines agree (or the case is skipped), else what to print: the case, and how the
    outputs differ."""
    log_paths = []
    for name, text in logs:
        log_paths.append(os.path.join(work, name))
        open(log_paths[-1], "w").write(date_ordered(text))
    rules_path = os.path.join(work, "engines.remit")
    judged, reasons, stream = rules, set(), None
    # Each round leaves out what the engine named. It is asked again of the projection, which it
    # must then judge; a list cut short by the errors limit takes more than one round.
    for _ in range(10):
        if refused is None:
            open(rules_path, "w").write(judged)
            stream, stream_outputs = check(remit, work, rules_path, log_paths, frm, to, "stream")
            if stream.returncode in (0, 1):
                break
            named = refusal(stream, [rules_path], log_paths)
            if named is None:
                return failure("the streamed engine refused the case, not as documented", rules, judged, logs,
                               log_paths, frm, to, stream.stderr)
            if named[1]:
                tally.add("skipped", sorted(set(named[1])))
                return None
            refused = named[0][rules_path]
        statement_lines, block_lines = refused
        refused = None
        if not statement_lines and not block_lines:
            continue  # nothing to leave out: the engine is asked
        reasons.update(["statements not judged"] * bool(statement_lines) +
                       ["versions or renamed bodies"] * bool(block_lines))
        before, judged = judged, projection(judged, statement_lines, block_lines)
        if judged == before:
            return failure("the streamed engine refused lines the projection cannot leave out", rules, judged, logs,
                           log_paths, frm, to, f"statements on lines {statement_lines}, blocks on lines {block_lines}")
        if not statements(judged):
            tally.add("skipped", ["no statement the streamed engine judges"])
            return None
    else:
        return failure("the streamed engine kept refusing the projection", rules, judged, logs, log_paths, frm, to,
                       stream.stderr if stream else "")
    _, batch_outputs = check(remit, work, rules_path, log_paths, frm, to, "batch")
    tally.add("compared projected" if judged != rules else "compared whole", sorted(reasons))
    batch_outputs, batch_problem = without_engine(batch_outputs, "batch")
    stream_outputs, stream_problem = without_engine(stream_outputs, "stream")
    diffs = [p for p in (batch_problem, stream_problem) if p]
    for name in batch_outputs:
        if batch_outputs[name] != stream_outputs[name]:
            diffs.append("".join(difflib.unified_diff(batch_outputs[name].splitlines(True),
                                                      stream_outputs[name].splitlines(True),
                                                      f"{name}, --engine batch", f"{name}, --engine stream")))
    if diffs:
        return failure("the batch and the streamed engine give different reports", rules, judged, logs, log_paths,
                       frm, to, "\n".join(diffs))
    return None


def failure(what, rules, judged, logs, log_paths, frm, to, detail):
    projected = f"--- rules, projected: what was given to both engines\n{judged}" if judged != rules else ""
    written = "".join(f"--- {name} (as given, in date order)\n{open(path).read()}"
                      for (name, _), path in zip(logs, log_paths))
    return f"{what}\n--- window {frm} to {to}\n--- rules\n{rules}{projected}{written}--- how\n{detail}\n"
