"""Drives the desktop window of a running `jianfu --state-out STATE` from Python: reads the state it
writes every 10 frames, waits for conditions on it, and sends it one command at a time (STATE.cmd).
Shared by the window tests (tests/gui) and the desktop typing benchmark (bench/native_typing.py)."""
import json
import os
import subprocess
import sys
import time


class Window:
    def __init__(self, app, work, args=()):
        self.state_file = os.path.join(work, "state.json")
        self.proc = subprocess.Popen([app, "--state-out", self.state_file, *args],
                                     env=dict(os.environ, JIANFU_DATA_DIR=work))

    def state(self):
        try:
            with open(self.state_file, encoding="utf-8") as f:
                return json.load(f)
        except (OSError, ValueError):
            return None

    def until(self, what, check, timeout=20):
        end = time.time() + timeout
        while time.time() < end:
            s = self.state()
            if s is not None and check(s):
                return s
            time.sleep(0.1)
        self.close()
        sys.exit(f"FAIL: {what}; last state: {json.dumps(self.state(), ensure_ascii=False)[:400]}")

    def command(self, cmd):
        tmp, final = self.state_file + ".cmd.tmp", self.state_file + ".cmd"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(cmd, f, ensure_ascii=False)
        os.rename(tmp, final)
        self.until("the window takes the command", lambda s: not os.path.exists(final))

    def focus(self):
        """Gives the window the keyboard focus; returns its X window id (for xdotool)."""
        win = subprocess.run(["xdotool", "search", "--sync", "--name", "减负"], capture_output=True, text=True,
                             check=True).stdout.split()[0]
        subprocess.run(["xdotool", "windowfocus", "--sync", win], check=True)
        return win

    def close(self):
        self.proc.kill()
        self.proc.wait()
