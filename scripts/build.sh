#!/usr/bin/env bash
# Configures and builds one or both trees: build/native (g++) and build/web (em++).
#   scripts/build.sh native|web|all
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export NODE_PATH=/usr/share/nodejs   # Debian's emscripten finds its Node modules only through this
TYPE=${JIANFU_BUILD_TYPE:-Release}

build_native() {
  [[ -f build/native/build.ninja ]] || cmake -S . -B build/native -G Ninja -DCMAKE_BUILD_TYPE="$TYPE" >/dev/null
  cmake --build build/native
}
build_web() {
  [[ -f build/web/build.ninja ]] || emcmake cmake -S . -B build/web -G Ninja -DCMAKE_BUILD_TYPE="$TYPE" >/dev/null
  cmake --build build/web
}

case "${1:-all}" in
  native) build_native ;;
  web) build_web ;;
  all) build_native; build_web ;;
  *) echo "用法: scripts/build.sh native|web|all" >&2; exit 2 ;;
esac
