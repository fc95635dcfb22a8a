"""Markdown reports keep their tables whole and input as text: in every golden one
(corpora/*/expected.md) and in reports of tests/formats/awkward/ and tests/html/hostile/, each
table row has as many cells as its header, and no '<', '|', '*', '_', '[' or backquote from the
input is left unescaped, so nothing becomes HTML, a link, emphasis or a new column.
  check_markdown.py REMIT"""
import glob
import re
import subprocess
import sys

remit = sys.argv[1]
problems = []


def check(text, where, inputs=()):
    header = None
    for n, line in enumerate(text.splitlines(), 1):
        if line.startswith("|"):
            # Pipes not escaped by a backslash (an escaped backslash does not escape the pipe).
            count = len(re.findall(r"(?<!\\)(?:\\\\)*\|", line))
            if header is None:
                header = count
            elif count != header:
                problems.append(f"{where}:{n}: {count} pipes in a row of a table with {header}: {line}")
        else:
            header = None
        if re.search(r"(?<!\\)(?:\\\\)*<", line):
            problems.append(f"{where}:{n}: an unescaped '<': {line}")
    for raw in inputs:
        escaped = re.sub(r"([\\`*_\[\]<>|#~])", r"\\\1", raw)
        if escaped not in text:
            problems.append(f"{where}: the input {raw!r} is not shown escaped as {escaped!r}")


goldens = sorted(glob.glob("corpora/*/expected.md"))
if not goldens:
    sys.exit("no golden Markdown reports found")
for path in goldens:
    check(open(path, encoding="utf-8").read(), path)
    print(f"{path}: tables whole, no raw HTML")


def report(rules, log, window):
    return subprocess.run([remit, "check", rules, "--log", log, "--from", window[0], "--to", window[1], "--format",
                           "markdown"], capture_output=True, text=True).stdout


check(report("tests/formats/awkward/board.remit", "tests/formats/awkward/meetings.csv", ("2024-05-01", "2024-06-30")),
      "awkward", ['Plan | Review *bold* _it_ [link](javascript:x) <b>'])
check(report("tests/html/hostile/hostile.remit", "tests/html/hostile/meetings.csv", ("2024-01-01", "2024-12-31")),
      "hostile", ["<script>document.title='pwned-body'</script>", "javascript:alert|<iframe"])
print("awkward, hostile: tables whole, input escaped")

for p in problems:
    print(p, file=sys.stderr)
sys.exit(1 if problems else 0)
