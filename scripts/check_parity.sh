#!/usr/bin/env bash
# Native and wasm must agree: the unit-test programs hold the same test cases, and jianfu-cli gives
# the same bytes for the same input — 字数 of the test texts, the assessment report of every golden
# draft, the review decision of every golden work item.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
native=$("$ROOT/build/native/tests/jianfu_tests" --count --no-colors | grep -o '[0-9]\+$' | tail -n1)
wasm=$(node --no-experimental-fetch "$ROOT/build/web/tests/jianfu_tests.js" --count --no-colors | grep -o '[0-9]\+$' | tail -n1)
echo "test cases: native $native, wasm $wasm"
[[ -n "$native" && "$native" == "$wasm" ]]

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# One input file per run (CMD-NAME.input) and its extra arguments (CMD-NAME.args).
/usr/bin/python3 - "$ROOT" "$tmp" <<'PY'
import glob, json, os, shutil, sys
root, tmp = sys.argv[1], sys.argv[2]
def put(cmd, name, payload, args=""):
    base = os.path.join(tmp, f"{cmd}-{name}")
    if isinstance(payload, str):
        shutil.copy(payload, base + ".input")
    else:
        json.dump(payload, open(base + ".input", "w", encoding="utf-8"), ensure_ascii=False)
    open(base + ".args", "w").write(args)
for path in sorted(glob.glob(os.path.join(root, "tests/data/*.txt"))):
    put("count", os.path.basename(path)[:-4], path)
for path in sorted(glob.glob(os.path.join(root, "tests/golden/assess*/*.json"))):
    case = json.load(open(path, encoding="utf-8"))
    put("assess", os.path.basename(path)[:-5], case["proposal"], " ".join("--pack " + p for p in case.get("packs", [])))
for path in sorted(glob.glob(os.path.join(root, "tests/golden/review*/*.json"))):
    case = json.load(open(path, encoding="utf-8"))
    name = os.path.basename(path)[:-5]
    args = " ".join("--pack " + p for p in case.get("packs", []))
    if "existing" in case:
        existing = os.path.join(tmp, name + ".existing")
        json.dump(case["existing"], open(existing, "w", encoding="utf-8"), ensure_ascii=False)
        args += " --existing " + existing
    put("review", name, case["item"], args)
PY

status=0
declare -A compared=()
for f in "$tmp"/*.input; do
  cmd=$(basename "$f"); cmd=${cmd%%-*}
  args=$(cat "${f%.input}.args")
  # shellcheck disable=SC2086
  a=$("$ROOT/build/native/native/jianfu-cli" "$cmd" "$f" $args)
  # shellcheck disable=SC2086
  b=$(node --no-experimental-fetch "$ROOT/build/web/native/jianfu-cli.js" "$cmd" "$f" $args)
  if [[ "$a" != "$b" ]]; then echo "differs: $(basename "$f")"; status=1; fi
  compared[$cmd]=$(( ${compared[$cmd]:-0} + 1 ))
done
echo "count results compared: ${compared[count]:-0} (native vs wasm)"
echo "assess reports compared: ${compared[assess]:-0} (native vs wasm)"
echo "review decisions compared: ${compared[review]:-0} (native vs wasm)"
exit $status
