#!/usr/bin/env python3
"""Keyboard use of the desktop window, driven through the X server like a real keyboard (xdotool,
under Xvfb): Tab and Shift+Tab move the focus across the screen and Enter activates, from the
navigation bar to the cards of the start screen. Usage: keyboard_nav.py JIANFU_BINARY WORK_DIR
(run inside xvfb-run)."""
import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from window_driver import Window  # noqa: E402

app, work = sys.argv[1], sys.argv[2]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
window = Window(app, work)
until = window.until


def keys(*names):
    subprocess.run(["xdotool", "key", "--delay", "150", *names], check=True)
    time.sleep(0.5)


try:
    until("the window shows the start screen", lambda s: s["screen"] == "home")
    window.focus()
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
    window.close()
