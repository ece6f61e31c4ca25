#!/usr/bin/env python3
"""Keyboard use of the desktop window, driven through the X server like a real keyboard (xdotool,
under Xvfb): Tab and Shift+Tab move the focus across the screen and Enter activates, from the
navigation bar to the cards of the start screen. Usage: keyboard_nav.py JIANFU_BINARY WORK_DIR
(run inside xvfb-run)."""
import json
import os
import shutil
import subprocess
import sys
import time

app, work = sys.argv[1], sys.argv[2]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
state_file = os.path.join(work, "state.json")
proc = subprocess.Popen([app, "--state-out", state_file], env=dict(os.environ, JIANFU_DATA_DIR=work))


def state():
    try:
        with open(state_file, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def until(what, check, timeout=20):
    end = time.time() + timeout
    while time.time() < end:
        s = state()
        if s is not None and check(s):
            return s
        time.sleep(0.1)
    proc.kill()
    sys.exit(f"FAIL: {what}; last state: {json.dumps(state(), ensure_ascii=False)[:400]}")


def keys(*names):
    subprocess.run(["xdotool", "key", "--delay", "150", *names], check=True)
    time.sleep(0.5)


try:
    until("the window shows the start screen", lambda s: s["screen"] == "home")
    win = subprocess.run(["xdotool", "search", "--sync", "--name", "减负"], capture_output=True, text=True,
                         check=True).stdout.split()[0]
    subprocess.run(["xdotool", "windowfocus", "--sync", win], check=True)
    # The navigation bar comes first: 首页, 一致性评估, 准入审查, 历史记录.
    keys("Tab", "Tab", "Tab", "Tab", "Return")
    until("Tab ×4 and Enter open the history screen", lambda s: s["screen"] == "history")
    keys("shift+Tab", "Return")
    until("Shift+Tab and Enter open the work-item review", lambda s: s["screen"] == "review")
    keys("shift+Tab", "shift+Tab", "Return")
    until("Shift+Tab ×2 and Enter go back to the start screen", lambda s: s["screen"] == "home")
    # From 首页 past the other five buttons of the bar to the first card, 发文.
    keys("Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Return")
    until("the 发文 card opens the assessment", lambda s: s["screen"] == "assess" and s["assess"]["kind"] == "document")
    print("keyboard navigation: ok")
finally:
    proc.kill()
    proc.wait()
