#!/usr/bin/env bash
# Runs every benchmark and prints the figures recorded in docs/BENCHMARKS.md.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$ROOT/scripts/build.sh" all >/dev/null
echo "== native (g++ -O3)"
"$ROOT/build/native/bench/bench_text"
"$ROOT/build/native/bench/bench_assess"
"$ROOT/build/native/bench/bench_review"
"$ROOT/build/native/bench/bench_store" "$ROOT/build/native/bench/store-100k.sqlite3"
"$ROOT/build/native/bench/bench_autosave" 300 "$ROOT/build/native/bench/autosave.sqlite3"
"$ROOT/build/native/bench/bench_damage"
echo "== wasm under Node (em++ -O3)"
node --no-experimental-fetch "$ROOT/build/web/bench/bench_text.js"
node --no-experimental-fetch "$ROOT/build/web/bench/bench_assess.js"
node --no-experimental-fetch "$ROOT/build/web/bench/bench_review.js"
node --no-experimental-fetch "$ROOT/build/web/bench/bench_damage.js"
node --no-experimental-fetch "$ROOT/build/web/bench/bench_autosave.js" 300 "$ROOT/build/web/bench/autosave.sqlite3"
echo "== textlint + textlint-rule-ng-word vs the engine's phrase automaton"
(cd "$ROOT/bench/textlint" && { [[ -d node_modules/textlint ]] || npm ci --silent --no-audit --no-fund; } && node compare.mjs "$ROOT/build/native/bench/bench_phrases")
echo "== desktop window: typing into a 4,000-character draft (Xvfb, software OpenGL)"
xvfb-run -a -s "-screen 0 1280x800x24" python3 "$ROOT/bench/native_typing.py" "$ROOT/build/native/native/jianfu"
