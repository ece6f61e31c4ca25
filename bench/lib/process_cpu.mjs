// CPU time spent by Chromium's processes of one type, in ms, from /proc (Linux only). Unlike
// wall-clock times, it leaves out the time a shared machine's other tenants take (a third of it at
// times), so it compares two builds or two ways of drawing run minutes apart.
//   type: 'gpu-process' (where SwiftShader draws and the page is composited) or 'renderer' (the
//   pages: wasm, JS, Blink).
import fs from 'node:fs';
import { execSync } from 'node:child_process';

export function processCpuMs(type) {
  const pids = execSync(`pgrep -f 'type=${type}' || true`).toString().trim().split('\n').filter(Boolean);
  return pids.reduce((sum, pid) => {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return sum + (Number(fields[11]) + Number(fields[12])) * 10;  // utime + stime, in 10 ms ticks
    } catch { return sum; }
  }, 0);
}

// The whole machine's CPU time so far, in ticks, as /proc/stat's first line gives it: user, nice,
// system, idle, iowait, irq, softirq, steal (a virtual machine's time taken by other guests). Two
// readings subtracted tell how busy the machine was, and how much of it others took, meanwhile.
export function machineCpu() {
  return fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
}
