"""Every corpus's HTML report, printed to PDF by headless Chromium, is an inspection pack.

For every corpus, audited with all its logs over its window: the PDF's title is the page's
<title>, which names what was audited; every page is A4 and carries the running header (what was
audited, and the window) and "Page N of M"; the cover is alone on the first page; the manifest
is alone on the last; and no page ends with a heading whose content went to the next page
(pdftotext, page by page). Prints each corpus's page count.

    /usr/bin/python3 tests/html/print_every_corpus.py REMIT      (from the repository's root)
"""
import html
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "corpora"))
import corpus_audit  # noqa: E402

# The headings of the report (h3, shown in capitals) and the captions of the exception cards.
HEADINGS = {"READ FIRST", "TIMELINE", "EXCEPTIONS", "NOT CHECKED BY REMIT", "MET, OR NOTHING FELL DUE", "EVIDENCE USED",
            "MANIFEST"}


def main():
    remit = os.path.abspath(sys.argv[1])
    problems = []
    slugs = corpus_audit.slugs()
    if not slugs:
        sys.exit("no corpora found")
    with tempfile.TemporaryDirectory() as work:
        for slug in slugs:
            page, pdf, text = (os.path.join(work, f"{slug}.{x}") for x in ("html", "pdf", "txt"))
            run = subprocess.run(corpus_audit.check_args(remit, slug, f"html={page}"), capture_output=True, text=True)
            if run.returncode not in (0, 1):
                sys.exit(f"{slug}: remit exited {run.returncode}:\n{run.stderr}")
            subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            f"--user-data-dir={work}/profile", "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
                            f"file://{page}"], capture_output=True, check=True)
            title = html.unescape(re.search(r"<title>(.*?)</title>", open(page, encoding="utf-8").read()).group(1))
            info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
            pdf_title = re.search(r"^Title:\s*(.*)$", info, re.M)
            if not pdf_title or pdf_title.group(1).strip() != title:
                problems.append(f"{slug}: the PDF's title is {pdf_title and pdf_title.group(1)!r}, not {title!r}")
            audited = title.split(": Terms of Reference audit")[0]
            sizes = re.findall(r"^Page size:\s*([0-9.]+) x ([0-9.]+) pts", info, re.M)
            if not sizes or any(abs(float(w) - 595.28) > 1.5 or abs(float(h) - 841.89) > 1.5 for w, h in sizes):
                problems.append(f"{slug}: pages are not A4: {sizes}")
            subprocess.run(["pdftotext", "-layout", pdf, text], check=True)
            pages = [p for p in open(text, encoding="utf-8").read().split("\f") if p.strip()]
            count = len(pages)
            for n, p in enumerate(pages, 1):
                lines = [l.strip() for l in p.splitlines() if l.strip()]
                # The running header may wrap in its margin box: its first words are enough.
                if not lines or not lines[0].startswith(audited[:40]):
                    problems.append(f"{slug}: page {n} has no running header naming {audited!r}: {lines[:1]}")
                if f"Page {n} of {count}" not in lines[-1]:
                    problems.append(f"{slug}: page {n} does not end 'Page {n} of {count}': {lines[-1]!r}")
                body = lines[1:-1]
                if body and (body[-1] in HEADINGS or re.match(r"^Clause \S+\s+\S+\s+\S+, line \d+$", body[-1])):
                    problems.append(f"{slug}: page {n} ends with the heading {body[-1]!r}, its content on the next page")
            if count < 3:
                problems.append(f"{slug}: {count} pages; a pack has at least a cover, a body and the manifest")
            elif not any(l.strip() == "MANIFEST" for l in pages[-1].splitlines()) or "EXCEPTIONS" in pages[-1]:
                problems.append(f"{slug}: the manifest is not alone on the last page")
            if "Overall status" not in pages[0] or "TIMELINE" in pages[0]:
                problems.append(f"{slug}: the cover is not alone on the first page, with the overall status")
            print(f"{slug}: {count} A4 pages, titled {title!r}")
    for p in problems:
        print("FAIL:", p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
