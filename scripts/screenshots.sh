#!/usr/bin/env bash
# Regenerates docs/screenshots: the desktop window under Xvfb and the web page in headless Chromium.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT="$ROOT/docs/screenshots"
mkdir -p "$OUT"
"$ROOT/scripts/build.sh" all >/dev/null

# Native: a fresh data folder so the screen shows a first start.
tmp=$(mktemp -d)
JIANFU_DATA_DIR="$tmp" xvfb-run -a -s "-screen 0 1280x800x24" bash -c "
  '$ROOT/build/native/native/jianfu' & pid=\$!
  sleep 3; import -window root '$OUT/native-first-screen.png'; kill \$pid
  '$ROOT/build/native/native/jianfu' --demo & pid=\$!
  sleep 3; import -window root '$OUT/native-assess-example.png'; kill \$pid"
rm -rf "$tmp"

# Web: the browser smoke test writes its screenshot when asked to.
(cd "$ROOT/tests/browser" && JIANFU_SCREENSHOT_DIR="$OUT" node --test --test-name-pattern="first screen|sample draft" >/dev/null)
ls -l "$OUT"
