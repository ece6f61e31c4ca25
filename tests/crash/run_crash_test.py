#!/usr/bin/python3
"""Kills a writer with SIGKILL at random points during 1,000 writes, RUNS times, on one database;
after each kill checks that the database passes PRAGMA integrity_check, that the audit chain
verifies, and that every record whose commit had returned (the writer prints its id after the
commit) is there.

usage: run_crash_test.py CRASH_WRITER WORKDIR [RUNS] [WRITES] [SEED]
"""
import os
import random
import signal
import subprocess
import sys
import time

writer, work = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 20
writes = int(sys.argv[4]) if len(sys.argv) > 4 else 1000
seed = int(sys.argv[5]) if len(sys.argv) > 5 else int(time.time())
rng = random.Random(seed)
os.makedirs(work, exist_ok=True)
db = os.path.join(work, "crash.sqlite3")
ids_file = os.path.join(work, "committed.txt")
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(db + suffix):
        os.remove(db + suffix)
open(ids_file, "w").close()

# How long an uninterrupted run takes, so that kills land anywhere in it.
t0 = time.time()
subprocess.run([writer, "write", db, "0", str(writes)], stdout=subprocess.DEVNULL, check=True)
full = time.time() - t0
with open(ids_file, "a") as f:
    f.writelines(f"run0-{i}\n" for i in range(writes))

killed_at = []
for run in range(1, runs + 1):
    p = subprocess.Popen([writer, "write", db, str(run), str(writes)], stdout=subprocess.PIPE, text=True)
    delay = rng.uniform(0.0, full)
    time.sleep(delay)
    p.send_signal(signal.SIGKILL)
    out, _ = p.communicate()
    committed = [line for line in out.splitlines() if line]
    killed_at.append(len(committed))
    with open(ids_file, "a") as f:
        f.writelines(i + "\n" for i in committed)
    check = subprocess.run([writer, "check", db, ids_file], capture_output=True, text=True)
    if check.returncode != 0:
        print(f"run {run} (seed {seed}): FAILED after a kill at write {len(committed)}\n{check.stderr}")
        sys.exit(1)

print(f"seed {seed}: {runs} kills during {writes}-record runs (uninterrupted run {full:.2f} s), "
      f"killed after {min(killed_at)}..{max(killed_at)} committed writes; "
      f"every check passed: integrity ok, audit chain ok, {sum(killed_at) + writes} committed records present")
