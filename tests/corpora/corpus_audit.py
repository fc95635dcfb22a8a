"""What the tests that audit every corpus share: its logs, its window, and the remit command.

    import corpus_audit        (with tests/corpora on the module path)
"""
import glob
import os


def slugs():
    """Every corpus of the repository: each folder of corpora/ with a window."""
    return sorted(os.path.basename(os.path.dirname(p)) for p in glob.glob("corpora/*/window"))


def logs(slug):
    """The logs of a corpus: its files but the goldens, the README and the window."""
    folder = os.path.join("corpora", slug)
    return sorted(os.path.join(folder, f) for f in os.listdir(folder)
                  if not f.startswith("expected") and f not in ("README.md", "window"))


def check_args(remit, slug, *formats):
    """`remit check` of the corpus's rules over its window, with every log, in the given formats."""
    window = dict(line.split() for line in open(os.path.join("corpora", slug, "window")) if line.strip())
    args = [remit, "check", f"rules/{slug}.remit", "--from", window["from"], "--to", window["to"]]
    for f in formats:
        args += ["--format", f]
    for log in logs(slug):
        args += ["--log", log]
    return args
