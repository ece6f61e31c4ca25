#!/usr/bin/env python3
"""Closing the desktop window straight after typing keeps what was typed: the app writes what is
still waiting for the autosave delay (1 s), and a name still in its field, before it exits. The window is driven by test commands
and closes after its first frame, long before the delay is over.
Usage: close_saves.py JIANFU JIANFU_CLI WORK_DIR (run inside xvfb-run)."""
import json
import os
import shutil
import sqlite3
import subprocess
import sys

app, cli, work = sys.argv[1:4]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
env = dict(os.environ, JIANFU_DATA_DIR=work)
title = "关闭窗口前刚输入的标题"
commands = [{"start": "document"}, {"set": {"field": "title", "value": title}},
            {"set": {"field": "body", "value": "请于今天下班前报送，每月排名通报。"}},
            {"set": {"field": "training.learner", "value": "王芳"}}]  # typed, the field not yet left
args = [app, "--frames", "1"]
for c in commands:
    args += ["--command", json.dumps(c, ensure_ascii=False)]
subprocess.run(args, env=env, check=True, timeout=120)

db = os.path.join(work, "jianfu.sqlite3")
verify = json.loads(subprocess.run([cli, "store", "verify", db], capture_output=True, text=True, check=True).stdout)
if verify.get("records") != 1:
    sys.exit(f"FAIL: expected the typed draft saved as 1 record, the store says {verify}")
rows = subprocess.run([cli, "store", "csv", db], capture_output=True, text=True, check=True).stdout
if title not in rows:
    sys.exit(f"FAIL: the saved record does not carry the typed title:\n{rows}")
with sqlite3.connect(db) as con:
    learner = con.execute("SELECT value FROM settings WHERE key = 'learner'").fetchone()
if learner != ("王芳",):
    sys.exit(f"FAIL: the learner name typed before closing was not kept: {learner}")
print("closing the window keeps what was typed: ok")
