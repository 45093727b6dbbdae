#!/usr/bin/env bash
# Opens HTML reports in headless Chromium: each must render (a screenshot FILE.png is
# written next to it, kept as a CI artefact) and its DOM, as the browser built it, must
# contain no <script> element. Usage: render_html.sh REPORT.html...
# Exits 77 (CTest: skipped) when no Chromium is installed (Debian: apt-get install chromium).
set -u
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then echo "SKIP: chromium not found"; exit 77; fi
failed=0
profiles=$(mktemp -d)
trap 'rm -rf "$profiles"' EXIT
for html in "$@"; do
  url="file://$(realpath "$html")"
  png="${html%.html}.png"
  # No network, no GPU, a throwaway profile; --no-sandbox because CI runs as root.
  flags=(--headless=new --no-sandbox --disable-gpu --disable-extensions --no-first-run
         --user-data-dir="$profiles/$(basename "$html")" --window-size=1200,2400 --hide-scrollbars)
  dom=$(timeout 60 "$browser" "${flags[@]}" --dump-dom "$url" 2>/dev/null)
  if [ -z "$dom" ]; then
    echo "$html: FAIL: Chromium produced no DOM"; failed=1; continue
  fi
  if grep -qi '<script' <<<"$dom"; then
    echo "$html: FAIL: the rendered DOM contains a <script> element"; failed=1
  fi
  rm -f "$png"
  timeout 60 "$browser" "${flags[@]}" --screenshot="$png" "$url" >/dev/null 2>&1
  if [ ! -s "$png" ]; then
    echo "$html: FAIL: no screenshot"; failed=1
  else
    echo "$html: rendered, screenshot $png ($(stat -c %s "$png") bytes)"
  fi
done
exit $failed
