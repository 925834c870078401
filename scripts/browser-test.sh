#!/bin/sh
# The real-browser test of `registrar serve` (Tests/Browser/browser_test.py): headless Chromium from
# Debian's chromium and chromium-driver, driven by Selenium (from PyPI, else Debian's python3-selenium). Installs them
# when missing; run by .ci/run after `swift test`.
#   scripts/browser-test.sh [SCREENSHOT.png]
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
need=""
command -v chromium >/dev/null 2>&1 || need="$need chromium"
command -v chromedriver >/dev/null 2>&1 || need="$need chromium-driver"
if ! python3 -c 'import selenium' >/dev/null 2>&1; then
    # Selenium from PyPI; Debian's python3-selenium where pip may not install into the system Python.
    python3 -m pip install -q selenium >/dev/null 2>&1 || need="$need python3-selenium"
fi
if [ -n "$need" ]; then
    apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
fi
swift build --product registrar >/dev/null
BIN=$(swift build --show-bin-path)/registrar
python3 Tests/Browser/browser_test.py "$BIN" "$@"
