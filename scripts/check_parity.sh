#!/usr/bin/env bash
# The native and wasm unit-test programs must hold the same test cases (same sources, same count).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
native=$("$ROOT/build/native/tests/jianfu_tests" --count --no-colors | grep -o '[0-9]\+$' | tail -n1)
wasm=$(node --no-experimental-fetch "$ROOT/build/web/tests/jianfu_tests.js" --count --no-colors | grep -o '[0-9]\+$' | tail -n1)
echo "test cases: native $native, wasm $wasm"
[[ -n "$native" && "$native" == "$wasm" ]]

# The CLI gives the same bytes natively and as wasm for the same inputs.
status=0
for f in "$ROOT"/tests/data/*.txt; do
  a=$("$ROOT/build/native/native/jianfu-cli" count "$f")
  b=$(node --no-experimental-fetch "$ROOT/build/web/native/jianfu-cli.js" count "$f")
  if [[ "$a" != "$b" ]]; then echo "differs: count $(basename "$f"): native $a, wasm $b"; status=1; fi
done
exit $status
