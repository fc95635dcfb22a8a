"""Checks an HTML report after a browser has loaded it (the DOM Chromium dumps with --dump-dom).

  check_page.py DOM.html --title TITLE [--text TEXT]... [--no-csp]

Passes only when no script from the data ran and no markup from the data became markup:
  - the page's title is still TITLE (injected scripts would change it);
  - no element carries a data-pwned attribute (injected event handlers would set one);
  - there is no script, iframe, img, object, embed, form, input, base or link element, no
    attribute named on..., and no attribute value holding "javascript:";
  - every TEXT given appears, as text, in the page;
  - unless --no-csp, the page carries a Content-Security-Policy that allows no script and
    admits its style sheet by the sheet's SHA-256 (else the browser would drop the styles).
"""
import argparse
import base64
import hashlib
import html.parser
import sys

FORBIDDEN_TAGS = {"script", "iframe", "img", "object", "embed", "form", "input", "base", "link", "frame", "frameset"}


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.text = []
        self.title = None
        self.csp = None
        self._in_title = False
        self._in_style = False
        self.styles = []
        self._svg_depth = 0

    def handle_starttag(self, tag, attrs):
        if tag == "svg":
            self._svg_depth += 1
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"a <{tag}> element: {self.get_starttag_text()}")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"an event-handler attribute {name} on <{tag}>")
            if name == "data-pwned":
                self.problems.append(f"an injected handler ran: data-pwned={value!r} on <{tag}>")
            if value and "javascript:" in value.replace(" ", "").lower():
                self.problems.append(f"a javascript: URL in {name} on <{tag}>")
        if tag == "meta" and dict(attrs).get("http-equiv", "").lower() == "content-security-policy":
            self.csp = dict(attrs).get("content", "")
        # The document's own <title>, not the SVG titles that serve as tooltips.
        self._in_title = tag == "title" and self._svg_depth == 0 and self.title is None
        self._in_style = tag == "style"
        if tag == "style":
            self.styles.append("")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "svg":
            self._svg_depth -= 1

    def handle_endtag(self, tag):
        if tag == "svg":
            self._svg_depth -= 1
        if tag == "title" and self._in_title:
            self._in_title = False
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles[-1] += data
            return
        if self._in_title:
            self.title = (self.title or "") + data
        self.text.append(data)

    def handle_comment(self, data):
        self.problems.append(f"a comment in the page: <!--{data}-->")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dom")
    ap.add_argument("--title", required=True)
    ap.add_argument("--text", action="append", default=[])
    ap.add_argument("--no-csp", action="store_true")
    args = ap.parse_args()

    page = Page()
    page.feed(open(args.dom, encoding="utf-8").read())
    page.close()
    problems = list(page.problems)
    if page.title != args.title:
        problems.append(f"the title is {page.title!r}, expected {args.title!r}: a script from the data ran")
    text = "".join(page.text)
    for t in args.text:
        if t not in text:
            problems.append(f"the text {t!r} is not shown literally")
    if not args.no_csp:
        if page.csp is None:
            problems.append("no Content-Security-Policy meta tag")
        else:
            directives = {d.split()[0]: d.split()[1:] for d in page.csp.split(";") if d.strip()}
            if directives.get("default-src") != ["'none'"]:
                problems.append(f"the CSP does not start from default-src 'none': {page.csp}")
            if "script-src" in directives:
                problems.append(f"the CSP allows scripts: {page.csp}")
            if len(page.styles) != 1:
                problems.append(f"expected one style sheet, found {len(page.styles)}")
            else:
                digest = base64.b64encode(hashlib.sha256(page.styles[0].encode("utf-8")).digest()).decode()
                if directives.get("style-src") != [f"'sha256-{digest}'"]:
                    problems.append(f"style-src does not admit the style sheet by its hash 'sha256-{digest}': {page.csp}")
    for p in problems:
        print(f"{args.dom}: {p}", file=sys.stderr)
    if problems:
        sys.exit(1)
    print(f"{args.dom}: no script ran, no markup from the data, {len(args.text)} hostile texts shown literally")


main()
