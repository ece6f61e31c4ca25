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
# Assessment reports: byte for byte, for every golden case.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 - "$ROOT" "$tmp" <<'PY'
import glob, json, os, sys
root, tmp = sys.argv[1], sys.argv[2]
for path in sorted(glob.glob(os.path.join(root, "tests/golden/assess*/*.json"))):
    case = json.load(open(path, encoding="utf-8"))
    name = os.path.basename(path)[:-5]
    json.dump(case["proposal"], open(os.path.join(tmp, name + ".json"), "w", encoding="utf-8"), ensure_ascii=False)
    open(os.path.join(tmp, name + ".packs"), "w").write(" ".join("--pack " + p for p in case.get("packs", [])))
PY
n=0
for f in "$tmp"/*.json; do
  packs=$(cat "${f%.json}.packs")
  # shellcheck disable=SC2086
  a=$("$ROOT/build/native/native/jianfu-cli" assess "$f" $packs)
  # shellcheck disable=SC2086
  b=$(node --no-experimental-fetch "$ROOT/build/web/native/jianfu-cli.js" assess "$f" $packs)
  if [[ "$a" != "$b" ]]; then echo "differs: assess $(basename "$f")"; status=1; fi
  n=$((n + 1))
done
echo "assess reports compared: $n (native vs wasm)"

# Review decisions: byte for byte, for every golden work item.
/usr/bin/python3 - "$ROOT" "$tmp" <<'PY'
import glob, json, os, sys
root, tmp = sys.argv[1], sys.argv[2]
for path in sorted(glob.glob(os.path.join(root, "tests/golden/review*/*.json"))):
    case = json.load(open(path, encoding="utf-8"))
    name = "review-" + os.path.basename(path)[:-5]
    json.dump(case["item"], open(os.path.join(tmp, name + ".item"), "w", encoding="utf-8"), ensure_ascii=False)
    args = " ".join("--pack " + p for p in case.get("packs", []))
    if "existing" in case:
        json.dump(case["existing"], open(os.path.join(tmp, name + ".existing"), "w", encoding="utf-8"), ensure_ascii=False)
        args += " --existing " + os.path.join(tmp, name + ".existing")
    open(os.path.join(tmp, name + ".args"), "w").write(args)
PY
m=0
for f in "$tmp"/review-*.item; do
  args=$(cat "${f%.item}.args")
  # shellcheck disable=SC2086
  a=$("$ROOT/build/native/native/jianfu-cli" review "$f" $args)
  # shellcheck disable=SC2086
  b=$(node --no-experimental-fetch "$ROOT/build/web/native/jianfu-cli.js" review "$f" $args)
  if [[ "$a" != "$b" ]]; then echo "differs: review $(basename "$f")"; status=1; fi
  m=$((m + 1))
done
echo "review decisions compared: $m (native vs wasm)"
exit $status
