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
chromium --headless --no-sandbox --disable-gpu --screenshot="$OUT" --window-size=1200,2000 "file://$WORK/annual.html"
echo "$OUT"
