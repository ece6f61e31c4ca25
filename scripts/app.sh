#!/usr/bin/env bash
# Builds and starts the app.
#   scripts/app.sh web [PORT]   serves the browser build on 127.0.0.1 and prints the address
#   scripts/app.sh native       opens the desktop window
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MODE=${1:-web}
"$ROOT/scripts/setup.sh"
case "$MODE" in
  web)
    "$ROOT/scripts/build.sh" web
    PORT=${2:-8080}
    echo "减负 网页版: http://127.0.0.1:$PORT/   (Ctrl+C 停止)"
    exec /usr/bin/python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$ROOT/build/web/site"
    ;;
  native)
    "$ROOT/scripts/build.sh" native
    exec "$ROOT/build/native/native/jianfu"
    ;;
  *) echo "用法: scripts/app.sh web [PORT] | native" >&2; exit 2 ;;
esac
