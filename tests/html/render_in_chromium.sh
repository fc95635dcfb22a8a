#!/usr/bin/env bash
# The HTML report in a real browser, Debian's headless Chromium (scripts/setup installs it):
#  1. a report whose inputs carry script elements, " and ' breakouts, javascript: URLs and event
#     handlers (tests/html/hostile/) runs no script from the data and shows every hostile string
#     as text: with its Content-Security-Policy, and again without it, so that escaping alone is
#     shown to be enough;
#  2. it is well-formed XML, and prints on A4 with the second body starting a new page;
#  3. a seed's report is photographed for a person to look at: OUT_DIR/html-report.png.
#   render_in_chromium.sh REMIT OUT_DIR
set -euo pipefail
remit=$1 out=$2
here=$(cd "$(dirname "$0")" && pwd)
fail() { echo "FAILED: $*" >&2; exit 1; }

chromium=$(command -v chromium || true)
[ -n "$chromium" ] || fail "chromium is not installed (scripts/setup installs it)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# No network, no first-run work, a throw-away profile; root in a container needs --no-sandbox.
browse() {
  "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --user-data-dir="$work/profile" --hide-scrollbars "$@" 2>>"$work/chromium.log"
}

rc=0
"$remit" check "$here/hostile/hostile.remit" --log "$here/hostile/meetings.csv" --from 2024-01-01 --to 2024-12-31 \
  --format html="$work/report.html" || rc=$?
[ "$rc" = 1 ] || fail "remit check exited $rc, expected 1 (the hostile corpus has breaches)"
xmllint --noout "$work/report.html" || fail "the report is not well-formed XML"
grep -v 'http-equiv="Content-Security-Policy"' "$work/report.html" >"$work/report-without-csp.html"
cmp -s "$work/report.html" "$work/report-without-csp.html" && fail "no Content-Security-Policy line to remove"

hostile=(
  "Evil <script>document.title='pwned-council'</script> Council"
  "<script>document.title='pwned-body'</script><img src=x onerror=\"document.body.setAttribute('data-pwned','body')\">"
  "</td></tr></table><script>document.title='pwned-waiver'</script><img src=x onerror=\"document.body.setAttribute('data-pwned','waiver')\">"
  "alert(document.domain)"
  "x)-onload"
  "<svg onload=\"document.body.setAttribute('data-pwned','item')\">"
  "javascript:alert|<iframe"
  "\"><script>document.title='pwned-to'</script>"
  "' onmouseover='document.title=1"
  "<script>document.title='pwned-title'</script>"
  "<img src=x onerror=\"document.title='pwned-title-img'\">"
  "</text></svg><script>document.title='pwned-svg'</script>"
  "javascript:alert(document.cookie)"
  "<style>body{display:none}</style>"
  "Second body &amp; <b>bold</b> --><!-- ]]> </title></style></svg>"
  "<![CDATA[<script>document.title='pwned-cdata'</script>]]>"
  "\"><a href=\"javascript:document.title='pwned-link'\">click</a>"
)
texts=()
for t in "${hostile[@]}"; do texts+=(--text "$t"); done
# The title names the council from the data, as text: a script in it would have changed it.
title="Evil <script>document.title='pwned-council'</script> Council: 2 bodies: Terms of Reference audit, 2024-01-01 to 2024-12-31"

# --virtual-time-budget lets the page settle (handlers fire, timers run) before the DOM is dumped.
browse --virtual-time-budget=3000 --dump-dom "file://$work/report.html" >"$work/dom.html"
/usr/bin/python3 "$here/check_page.py" "$work/dom.html" --title "$title" "${texts[@]}"
browse --virtual-time-budget=3000 --dump-dom "file://$work/report-without-csp.html" >"$work/dom-without-csp.html"
/usr/bin/python3 "$here/check_page.py" "$work/dom-without-csp.html" --title "$title" --no-csp "${texts[@]}"

# Print: A4 pages, and the second body starts a page of its own.
browse --no-pdf-header-footer --print-to-pdf="$work/report.pdf" "file://$work/report.html" >/dev/null
/usr/bin/python3 - "$work/report.pdf" <<'PY'
import re, sys
pdf = open(sys.argv[1], "rb").read()
boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)\s*\]", pdf)
if not boxes:
    sys.exit("no pages in the PDF")
for w, h in boxes:
    if abs(float(w) - 595.28) > 1.5 or abs(float(h) - 841.89) > 1.5:
        sys.exit(f"a page is {float(w):.1f} x {float(h):.1f} points, not A4 (595 x 842)")
print(f"{len(boxes)} A4 pages")
PY
pdftotext -layout "$work/report.pdf" "$work/report.txt"
/usr/bin/python3 - "$work/report.txt" <<'PY'
import sys
pages = open(sys.argv[1], encoding="utf-8").read().split("\f")
starts = [i for i, p in enumerate(pages) if any("Second body" in line for line in p.strip().splitlines()[:6])]  # below the running header
if not starts or starts[0] == 0:
    sys.exit("the second body does not start a new page when printed")
print(f"the second body starts page {starts[0] + 1} of {len([p for p in pages if p.strip()])}")
PY

# A seed's report, for a person to look at.
rc=0
# With every log of its corpus: without the membership and attendance logs, its people rules are
# all no-evidence, which is not what the seed's report looks like.
"$remit" check rules/blackburn-with-darwen.remit --log corpora/blackburn-with-darwen/meetings.csv \
  --log corpora/blackburn-with-darwen/attendance.csv --log corpora/blackburn-with-darwen/membership.csv \
  --from 2024-04-01 --to 2026-03-31 --format html="$work/seed.html" || rc=$?
[ "$rc" = 1 ] || fail "remit check on the seed exited $rc, expected 1"
mkdir -p "$out"
browse --window-size=1200,2000 --screenshot="$out/html-report.png" "file://$work/seed.html" >/dev/null
/usr/bin/python3 - "$out/html-report.png" <<'PY'
import struct, sys
data = open(sys.argv[1], "rb").read()
if data[:8] != b"\x89PNG\r\n\x1a\n":
    sys.exit("the screenshot is not a PNG")
width, height = struct.unpack(">II", data[16:24])
if (width, height) != (1200, 2000) or len(data) < 50_000:
    sys.exit(f"the screenshot is {width} x {height}, {len(data)} bytes: not a rendered page")
print(f"screenshot of a seed's report: {sys.argv[1]} ({width} x {height})")
PY
echo ok
