"""Every example session in README.md and docs/*.md is run, and its output compared.

An example session is a fenced block with a line that starts with `$ remit` or `$ build/remit`.
Each of its lines that starts with `$ ` is a command (a session may prepare a file with `sed`,
say), and the lines after it, up to the next `$ ` line or the end of the block, are its
output as shown. A line that is `...` alone stands for any number of lines (none included), so
a long report may be shown in part. A command shown without output must still run: its exit
status must be 0 or 1 (a breach), never 2 (bad usage, rules or logs).

`remit` and `build/remit` both run the remit under test; a `  # comment` at the end of a
command is the shell's too. The sessions run one after the other,
each in a fresh copy of the repository's rules, corpora and test cases, so a command that writes
(`fmt --write`, `-o audit.json`) changes only the copy, and the next command of its session
sees what it wrote, as a reader would. Output is standard output then standard error, as a
terminal shows them when nothing is interleaved.

Every example that audits a corpus of this repository, in the docs or in `remit help` of any
command, gives every log of that corpus (`--log corpora/rutland/meetings.csv` alone would leave
Rutland's people rules no-evidence and teach a new user to audit half the records).

    python3 tests/docs/check_examples.py REMIT      (from the repository's root)
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "corpora"))
import corpus_audit  # noqa: E402

FENCE = re.compile(r"^```")
COMMAND = re.compile(r"^\$ ")
REMIT = re.compile(r"^\$ (?:build/)?remit(?=\s|$)")


def sessions(path):
    """Each example session of a Markdown file: (line, [(command, line, [output lines])])."""
    lines = open(path, encoding="utf-8").read().splitlines()
    found, block, start = [], None, 0
    for n, line in enumerate(lines, 1):
        if FENCE.match(line):
            if block is None:
                block, start = [], n
                continue
            steps = []
            for k, text in block:
                if COMMAND.match(text):
                    steps.append((text[2:], k, []))
                elif steps:
                    steps[-1][2].append(text)
            if any(REMIT.match("$ " + text) for text, _, _ in steps):
                found.append((start, steps))
            block = None
            continue
        if block is not None:
            block.append((n, line))
    return found


def matches(shown, actual):
    """Whether the lines shown are the actual lines, a `...` line standing for any number."""
    if not shown:
        return not actual
    if shown[0].strip() == "...":
        return any(matches(shown[1:], actual[i:]) for i in range(len(actual) + 1))
    return bool(actual) and shown[0] == actual[0] and matches(shown[1:], actual[1:])


def command_line(text, remit):
    return REMIT.sub(lambda _: "$ " + remit, "$ " + text)[2:]


CORPUS_LOG = re.compile(r"--log corpora/([a-z0-9-]+)/(\S+)")
COMMANDS = ("check", "due", "explain", "sweep", "fmt", "lint", "test", "import", "fetch", "verify")


def examples_missing_logs(where, text, problems):
    """Each line of `text` that audits a corpus with some of its logs left out is a problem."""
    for n, line in enumerate(re.sub(r"\\\n\s*", " ", text).splitlines(), 1):  # a command continued with \\ is one line
        given = {}
        for slug, name in CORPUS_LOG.findall(line):
            given.setdefault(slug, set()).add(name)
        for slug, names in given.items():
            if missing := sorted({os.path.basename(p) for p in corpus_audit.logs(slug)} - names):
                problems.append(f"{where}:{n}: the example audits corpora/{slug} without " + ", ".join(missing))


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    remit = os.path.abspath(sys.argv[1])
    docs = ["README.md"] + sorted(glob.glob("docs/*.md"))
    problems, ran, compared = [], 0, 0
    for doc in docs:
        for start, steps in sessions(doc):
            with tempfile.TemporaryDirectory() as work:
                for part in ("rules", "corpora", "tests/rules", "tests/cli"):
                    shutil.copytree(part, os.path.join(work, part), symlinks=True)
                for text, line, shown in steps:
                    run = subprocess.run(["bash", "-c", command_line(text, remit)], cwd=work, capture_output=True,
                                         text=True, env={**os.environ, "NO_COLOR": "1"})
                    ran += 1
                    actual = (run.stdout + run.stderr).splitlines()
                    if not shown:
                        if run.returncode not in (0, 1):
                            problems.append(f"{doc}:{line}: `{text}` exited {run.returncode}:\n{run.stderr}")
                        continue
                    compared += 1
                    if not matches(shown, actual):
                        problems.append(f"{doc}:{line}: `{text}` printed otherwise than shown; it printed:\n"
                                        + "\n".join(actual[:60]) + ("\n[...]" if len(actual) > 60 else ""))
    for doc in docs:
        examples_missing_logs(doc, open(doc, encoding="utf-8").read(), problems)
    for command in ("",) + COMMANDS:
        helped = subprocess.run([remit, "help"] + ([command] if command else []), capture_output=True, text=True)
        examples_missing_logs(f"remit help {command}".strip(), helped.stdout, problems)
    for p in problems:
        print(p, end="\n\n")
    print(f"{ran} commands run from the docs, {compared} of them compared with the output shown; "
          f"{len(problems)} problems")
    if ran == 0:
        sys.exit("no example sessions found")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
