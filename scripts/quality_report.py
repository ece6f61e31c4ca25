#!/usr/bin/python3
"""Runs the golden corpora through jianfu-cli and prints per-category precision and recall
(Markdown, for docs/QUALITY.md). Cases marked known_gap are counted like the others.

usage: scripts/quality_report.py [path/to/jianfu-cli]
"""
import glob
import json
import os
import subprocess
import sys
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLI = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build/native/native/jianfu-cli")


def run(args, payload):
    r = subprocess.run([CLI] + args + ["-"], input=json.dumps(payload, ensure_ascii=False).encode(), capture_output=True)
    if r.returncode != 0:
        sys.exit(f"jianfu-cli failed ({r.returncode}): {r.stderr.decode()}")
    return json.loads(r.stdout)


def assess_report():
    tp, fp, fn = Counter(), Counter(), Counter()
    verdict_ok = 0
    misses = []
    files = sorted(glob.glob(os.path.join(ROOT, "tests/golden/assess/*.json")))
    for path in files:
        case = json.load(open(path, encoding="utf-8"))
        args = ["assess"]
        for p in case.get("packs", []):
            args += ["--pack", p]
        rep = run(args, case["proposal"])
        got = {f["category"] for f in rep["findings"]}
        want = set(case["expect"]["categories"])
        for c in got & want: tp[c] += 1
        for c in got - want: fp[c] += 1
        for c in want - got: fn[c] += 1
        if rep["verdict"] == case["expect"]["verdict"]:
            verdict_ok += 1
        if got != want or rep["verdict"] != case["expect"]["verdict"]:
            misses.append((os.path.basename(path), case["expect"]["verdict"], rep["verdict"], sorted(want - got), sorted(got - want), case.get("known_gap", "")))
    cats = sorted(set(tp) | set(fp) | set(fn))
    out = [f"Cases: {len(files)}; verdict correct: {verdict_ok}/{len(files)}.", "",
           "| category | TP | FP | FN | precision | recall |", "|---|---|---|---|---|---|"]
    T = F = N = 0
    for c in cats:
        p = tp[c] / (tp[c] + fp[c]) if tp[c] + fp[c] else 1.0
        r = tp[c] / (tp[c] + fn[c]) if tp[c] + fn[c] else 1.0
        out.append(f"| {c} | {tp[c]} | {fp[c]} | {fn[c]} | {p:.2f} | {r:.2f} |")
        T += tp[c]; F += fp[c]; N += fn[c]
    out.append(f"| **all** | {T} | {F} | {N} | {T / (T + F):.2f} | {T / (T + N):.2f} |")
    out += ["", "Cases that differ from the expectation:", ""]
    if not misses:
        out.append("- none")
    for name, want_v, got_v, missed, extra, gap in misses:
        out.append(f"- `{name}`: expected {want_v}, got {got_v}; missed {missed or '—'}; extra {extra or '—'}" + (f" — known gap: {gap}" if gap else ""))
    return "\n".join(out)


def review_report(corpus):
    import tempfile
    ok = decision_ok = 0
    misses = []
    files = sorted(glob.glob(os.path.join(ROOT, "tests/golden", corpus, "*.json")))
    for path in files:
        case = json.load(open(path, encoding="utf-8"))
        args = ["review"]
        for p in case.get("packs", []):
            args += ["--pack", p]
        if "existing" in case:
            tmp = tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8")
            json.dump(case["existing"], tmp, ensure_ascii=False)
            tmp.close()
            args += ["--existing", tmp.name]
        d = run(args, case["item"])
        got = (d["decision"], d["list"], sorted(r["code"] for r in d["reasons"]))
        want = (case["expect"]["decision"], case["expect"]["list"], case["expect"]["reasons"])
        ok += got == want
        decision_ok += got[0] == want[0]
        if got != want:
            misses.append(f"- `{os.path.basename(path)}`: expected {want}, got {got}" + (f" — known gap: {case['known_gap']}" if "known_gap" in case else ""))
    lines = [f"Cases: {len(files)}; decision correct: {decision_ok}/{len(files)}; decision, list and reasons all correct: {ok}/{len(files)}."]
    return "\n".join(lines + ([""] + misses if misses else []))


if __name__ == "__main__":
    print("## 一致性评估 (assess)\n")
    print(assess_report())
    for corpus in ("review", "review-heldout"):
        print(f"\n## 工作事项准入 (review): {corpus}\n")
        print(review_report(corpus))
