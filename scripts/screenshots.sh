#!/usr/bin/env bash
# Regenerates docs/screenshots: every screen of the desktop window under Xvfb, and of the web page
# in headless Chromium (tests/browser/screens.test.mjs writes those when asked to).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT="$ROOT/docs/screenshots"
mkdir -p "$OUT"
"$ROOT/scripts/build.sh" all >/dev/null
APP="$ROOT/build/native/native/jianfu"

# Native: a fresh data folder; the sample draft first, so that history has a record to show.
tmp=$(mktemp -d)
shot() { # name args...
  local name=$1; shift
  JIANFU_DATA_DIR="$tmp" xvfb-run -a -s "-screen 0 1280x800x24" bash -c "
    '$APP' $* & pid=\$!; sleep 3; import -window root '$OUT/native-$name.png'; kill \$pid"
}
shot home
shot assess-example --demo
shot review --command "'{\"set\":{\"field\":\"review.name\",\"value\":\"辖区企业融资需求摸排，逐户签名拍照\"}}'" \
            --command "'{\"set\":{\"field\":\"review.department\",\"value\":\"某镇人民政府\"}}'" --screen review
shot history --screen history
shot training --command "'{\"training\":{\"learner\":\"王芳\",\"select\":\"doc-02\",\"answer\":{\"categories\":[\"DOC_CONSULT_RUSH\"]},\"submit\":true}}'" --screen training
shot training-passages --command "'{\"training\":{\"learner\":\"王芳\",\"select\":\"pas-04\",\"answer\":{\"passages\":[0,2]},\"submit\":true}}'" --screen training
shot settings --screen settings
rm -rf "$tmp"

# Web: the same screens in headless Chromium.
(cd "$ROOT/tests/browser" && JIANFU_SCREENSHOT_DIR="$OUT" node --test --test-name-pattern="screens|first screen|sample draft|narrow window" >/dev/null)
ls -l "$OUT"
