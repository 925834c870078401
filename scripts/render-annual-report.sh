#!/bin/sh
# Renders the HTML annual report of the fixture society to a PNG with headless Chromium, to look at
# the page as a reader would. Not part of `swift test`.
#   scripts/render-annual-report.sh [YEAR] [LANG] [OUT.png]
set -eu
YEAR=${1:-2019}
LANG_CODE=${2:-zh}
OUT=${3:-annual-report-$YEAR-$LANG_CODE.png}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

if ! command -v chromium >/dev/null 2>&1; then
    apt-get update && apt-get install -y chromium
fi
# Chinese needs a CJK font, or every character renders as a box.
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
    apt-get update && apt-get install -y fonts-noto-cjk
fi

case "$OUT" in /*) ;; *) OUT="$PWD/$OUT" ;; esac
cd "$ROOT"
swift build --product registrar >/dev/null
BIN=$(swift build --show-bin-path)/registrar
DB="$WORK/registry.sqlite"
"$BIN" demo --db "$DB" >/dev/null 2>&1
for step in "board-seats fixtures/board/board-seats.csv" "board-attendance fixtures/board/board-attendance.csv" \
            "branches fixtures/branches.csv"; do
    # shellcheck disable=SC2086
    "$BIN" import $step --db "$DB" --rejects "$WORK/rejects.csv" >/dev/null
done
"$BIN" report annual --year "$YEAR" --format html --lang "$LANG_CODE" --db "$DB" --out "$WORK/annual.html"
# A screenshot is as tall as the window: make it as tall as the page, from what the page holds
# (table rows, headings, paragraphs, the chart's own height), with room to spare, never a fixed cut.
HTML="$WORK/annual.html"
ROWS=$(grep -o '<tr' "$HTML" | wc -l)
HEADINGS=$(grep -o '<h[12]' "$HTML" | wc -l)
PARAGRAPHS=$(grep -o '<p' "$HTML" | wc -l)
CHARTS=$(grep -o '<svg[^>]* height="[0-9]*"' "$HTML" | sed 's/.* height="\([0-9]*\)"/\1/' | awk '{ s += $1 + 40 } END { print s + 0 }')
HEIGHT=$(( (200 + 34 * ROWS + 70 * HEADINGS + 48 * PARAGRAPHS + CHARTS) * 5 / 4 ))
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --screenshot="$OUT" --window-size=1200,"$HEIGHT" "file://$HTML"
echo "$OUT"
