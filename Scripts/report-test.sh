#!/usr/bin/env bash
# The reports in a real browser (issue 17): a household's dossier is built with the CLI from an
# archetype, two visits, a year of bills before a work and eleven months after it; each report
# kind (family, technical) and language is rendered to HTML,
# then by Debian's headless Chromium to PDF and PNG; checks: the PDF's page count, nothing wider
# than the page (measured in the browser), no script in the report. Used by `make report-test`.
#
#   Scripts/report-test.sh [path/to/foyer]        (default: $FOYER, else ./.build/debug/foyer)
#   SCREENSHOTS=Docs Scripts/report-test.sh …      also copies each PNG to Docs/report-<kind>-<lang>.png
#
# Needs chromium-headless-shell and poppler-utils (pdfinfo): `make report-deps` installs them.
set -euo pipefail
cd "$(dirname "$0")/.."
FOYER=${1:-${FOYER:-./.build/debug/foyer}}
CHROMIUM=${CHROMIUM:-$(command -v chromium-headless-shell || command -v chromium || true)}
# Pages allowed: the family summary 2, the technical summary 3.
max_pages() { case "$1" in family) echo "${MAX_PAGES:-2}" ;; *) echo "${MAX_PAGES:-3}" ;; esac; }
if [ ! -x "$FOYER" ]; then echo "report test: no foyer binary at $FOYER" >&2; exit 2; fi
if [ -z "$CHROMIUM" ]; then echo "report test: no headless Chromium (Debian: apt-get install chromium-headless-shell)" >&2; exit 2; fi
if ! command -v pdfinfo >/dev/null 2>&1; then echo "report test: pdfinfo missing (Debian: apt-get install poppler-utils)" >&2; exit 2; fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
browser() { timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars "$@" 2>/dev/null; }

# A household's dossier over two winters: the first visit (cold rooms, mould) recommends the
# attic insulation and gestures; the landlord insulates the attic in December 2025; the second
# visit, a year on, brings the 2026 bills.
D="$WORK/h042.json"
"$FOYER" dossier new "$D" --id H-2025-042 --dwelling fr/sfh-1949-1974 --persons 2 --children 1 \
  --income-eur 16800 --housing-costs-eur 5400 --date 2025-11-20 2>/dev/null
"$FOYER" dossier add-visit "$D" --date 2025-11-20 --measure "séjour=17.5/68" --measure "chambre=15" --measure "salle de bains=16/81" \
  --problem mould --problem cold_rooms --cold yes --recommend attic-insulation-r7 --recommend setpoint-minus-1c \
  --recommend draught-proofing --recommend low-flow-shower-head --recommend led-lamps --recommend shutters-closed-at-night 2>/dev/null
"$FOYER" dossier add-bills "$D" Examples/factures-menage-2025.csv --date 2026-01-10 2>/dev/null
"$FOYER" dossier add-action "$D" --date 2025-12-15 --kind work --measure attic-insulation-r7 --cost-eur 2400 --aid-eur 1200 2>/dev/null
"$FOYER" dossier add-bills "$D" Examples/factures-menage-2026.csv --date 2026-12-02 2>/dev/null
"$FOYER" dossier add-visit "$D" --date 2026-12-02 --measure "séjour=19/60" --measure "chambre=17.5" --cold no \
  --recommend low-flow-shower-head --recommend led-lamps 2>/dev/null

failures=0
# The four reports computed side by side (each simulates the dossier), then checked one by one.
pids=()
for kind in family technical; do
  for lang in fr en; do
    "$FOYER" report "$D" --kind "$kind" --lang "$lang" --model 5r1c -o "$WORK/$kind-$lang.html" 2>/dev/null & pids+=($!)
  done
done
for pid in "${pids[@]}"; do wait "$pid" || { echo "a report failed (foyer report exited with an error)"; failures=$((failures + 1)); }; done
for kind in family technical; do
  for lang in fr en; do
    name="$kind-$lang"
    if [ ! -s "$WORK/$name.html" ]; then echo "$name: no report"; failures=$((failures + 1)); continue; fi
    if grep -qi "<script" "$WORK/$name.html"; then echo "$name: the report holds a script"; failures=$((failures + 1)); fi
    browser --no-pdf-header-footer --print-to-pdf="$WORK/$name.pdf" "file://$WORK/$name.html"
    # The screenshot shows as many A4 page heights as the kind may fill (1123 px each at 96 px/in).
    browser --window-size=794,$((1123 * $(max_pages "$kind"))) --screenshot="$WORK/$name.png" "file://$WORK/$name.html"
    pages=$(pdfinfo "$WORK/$name.pdf" | sed -n 's/^Pages: *//p')
    # Overflow: a copy of the page with a script that measures every element against the A4
    # text width (180 mm at 96 px/in = 680 px) and writes what sticks out into the DOM.
    sed 's|</body>|<script>var w=document.body.clientWidth,o=[];document.querySelectorAll("body *").forEach(function(e){var r=e.getBoundingClientRect();if(r.right>w+1\|\|e.scrollWidth>e.clientWidth+1\&\&getComputedStyle(e).overflowX!="visible")o.push(e.tagName)});document.body.setAttribute("data-overflow",o.length?o.join(","):"none")</script></body>|' \
      "$WORK/$name.html" > "$WORK/$name-check.html"
    overflow=$(browser --window-size=680,1123 --dump-dom "file://$WORK/$name-check.html" | sed -n 's/.*data-overflow="\([^"]*\)".*/\1/p' | head -n 1)
    png_bytes=$(stat -c %s "$WORK/$name.png" 2>/dev/null || echo 0)
    echo "$name: $(stat -c %s "$WORK/$name.html") bytes of HTML, PDF $pages page(s), PNG $png_bytes bytes, overflow: ${overflow:-unknown}"
    allowed=$(max_pages "$kind")
    if [ -z "$pages" ] || [ "$pages" -gt "$allowed" ]; then echo "$name: $pages pages, at most $allowed allowed"; failures=$((failures + 1)); fi
    if [ "$overflow" != "none" ]; then echo "$name: content wider than the page: ${overflow:-no measurement}"; failures=$((failures + 1)); fi
    if [ "$png_bytes" -lt 10000 ]; then echo "$name: the screenshot is (almost) empty"; failures=$((failures + 1)); fi
    if [ -n "${SCREENSHOTS:-}" ]; then cp "$WORK/$name.png" "${SCREENSHOTS}/report-$kind-$lang.png"; fi
  done
done
echo "reports: $failures failure(s)"
[ "$failures" -eq 0 ]
