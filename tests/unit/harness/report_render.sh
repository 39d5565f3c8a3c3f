#!/bin/sh
# Renders kite-bench report's HTML page in headless Chromium and checks the
# screenshot is not blank: a page of charts and tables compresses to a PNG
# several times larger than a screenshot of an empty page of the same size.
# Exit 77 (skipped) when no chromium is installed (scripts/setup.sh --browser).
#   report_render.sh KITE_BENCH FIXTURE.json
set -eu
bench=$1
fixture=$2
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "report_render: chromium not installed (scripts/setup.sh --browser); skipped"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bench" report "$fixture" -o "$tmp/2026-12-01" --history "$tmp/history.jsonl" --date 2026-12-01
shot() {  # shot URL PNG
  timeout 90 "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$tmp/profile" \
    --hide-scrollbars --window-size=1280,1400 --screenshot="$2" "$1" >"$tmp/chromium.log" 2>&1 ||
    { cat "$tmp/chromium.log"; exit 1; }
  [ -s "$2" ] || { echo "report_render: no screenshot $2"; cat "$tmp/chromium.log"; exit 1; }
}
printf '<!DOCTYPE html><html><head><meta charset="utf-8"><title>blank</title></head><body></body></html>\n' \
  > "$tmp/blank.html"
shot "file://$tmp/blank.html" "$tmp/blank.png"
shot "file://$tmp/2026-12-01/report.html" "$tmp/report.png"
# The PNG signature, then the sizes.
[ "$(head -c 8 "$tmp/report.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] ||
  { echo "report_render: not a PNG"; exit 1; }
blank=$(wc -c < "$tmp/blank.png")
page=$(wc -c < "$tmp/report.png")
echo "report_render: blank page $blank bytes, report $page bytes"
[ "$page" -gt $((blank * 4)) ] && [ "$page" -gt 20000 ] ||
  { echo "report_render: the screenshot looks blank"; exit 1; }
