#!/usr/bin/env python3
"""Typing into the desktop window: a 4,000-character draft with live checking, keys sent through the
X server (xdotool), frames drawn by Mesa's software OpenGL under Xvfb (no GPU on this machine).
Prints the time to build each frame in C++ and the interval between frames (build, draw, present),
idle and while typing, for the "no frame over 33 ms" budget; then the processor time of the window
left alone (drawn a few times a second once idle).
Usage (from the repository root, after scripts/build.sh native):
  xvfb-run -a -s "-screen 0 1280x800x24" python3 bench/native_typing.py build/native/native/jianfu"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "gui"))
from window_driver import Window  # noqa: E402

app = sys.argv[1]
work = tempfile.mkdtemp(prefix="jianfu-typing-")
# The same notice with typical problems as bench/web_budget.mjs, repeated to 4,000 characters.
para = ("各乡镇人民政府：为推进农村人居环境整治，决定开展专项督查。请各乡镇结合实际制定具体实施方案，"
        "于今天下班前报送贯彻落实情况。督查实行千分制考核，每月对各乡镇进行排名通报，并将拍照留痕情况纳入考核指标。"
        "对工作不力的乡镇实行一票否决。检查中不得要求基层准备汇报材料，不搞层层陪同。\n")
draft = (para * (4000 // len(para) + 1))[:4000]
commands = [{"start": "document"}, {"set": {"field": "body", "value": draft}}]
args = []
for c in commands:
    args += ["--command", json.dumps(c, ensure_ascii=False)]
window = Window(app, work, args)


def report(label, f):
    print(f"{label}: {f['count']} frames; frame build max {f['max_ms']:.1f} ms, p95 {f['p95_ms']:.1f} ms; "
          f"frame interval p95 {f['interval_p95_ms']:.1f} ms, max {f['interval_max_ms']:.1f} ms (budget 33 ms)")


try:
    window.until("the draft is checked", lambda s: s["assess"]["body_chars"] == 4000 and s["assess"]["findings"], 30)
    win = window.focus()
    # Into the draft editor (the middle column, as in docs/screenshots/native-assess-example.png), caret at the end.
    subprocess.run(["xdotool", "mousemove", "--window", win, "640", "600", "click", "1"], check=True)
    subprocess.run(["xdotool", "key", "ctrl+End"], check=True)
    time.sleep(1.5)
    window.command({"reset_frame_stats": True})
    time.sleep(1.0)
    report("Idle (draft loaded, nothing typed)", window.state()["frames"])
    window.command({"reset_frame_stats": True})
    typed = "abcdefghijklmnopqrstuvwxyz0123456789abcdefghi"  # 45 characters, as in the browser bench
    subprocess.run(["xdotool", "type", "--delay", "40", typed], check=True)
    window.until("the 45 characters arrive in the draft", lambda s: s["assess"]["body_chars"] == 4045, 10)
    time.sleep(0.5)
    s = window.state()
    report("Typing 45 characters into a 4,000-character draft", s["frames"])
    print(f"  findings on the draft: {len(s['assess']['findings'])}, body {s['assess']['body_chars']} characters")
    # Left alone: after the active seconds the window is drawn 10 times a second (ui/frame_pacing.h).
    # Processor time of the app over 5 s, from /proc (user + system, in clock ticks).
    def cpu_seconds():
        fields = open(f"/proc/{window.proc.pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    time.sleep(4.0)
    before = cpu_seconds()
    time.sleep(5.0)
    print(f"Left alone, 4 to 9 s after the last key: app processor time {(cpu_seconds() - before) / 5.0 * 100:.0f}% of one core")
finally:
    window.close()
    shutil.rmtree(work, ignore_errors=True)
