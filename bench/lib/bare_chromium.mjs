// Debian's Chromium driven over a bare DevTools pipe, for start-up figures a user would see.
//
// Why not playwright, as the browser tests use: playwright attaches to every page and worker as it
// starts, holds each one until it has set it up, and turns on the network, page and runtime
// domains. All of that runs inside the page's start-up. Here a page is opened with nothing
// attached; the bench attaches only afterwards, for one Runtime.evaluate, and detaches again.
// Same Chromium, the tests' switches (tests/browser/lib/harness.mjs), and those playwright adds
// that change what runs beside the page (no extensions, field trials, background throttling),
// so that the only difference from the playwright figures is what is attached.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS } from '../../tests/browser/lib/harness.mjs';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class BareChromium {
  static async launch() {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'jianfu-bare-'));
    const proc = spawn('/usr/bin/chromium', [
      ...CHROMIUM_ARGS, '--headless', '--remote-debugging-pipe', `--user-data-dir=${profile}`, '--window-size=1280,800',
      '--disable-field-trial-config', '--disable-extensions', '--disable-component-extensions-with-background-pages',
      '--disable-default-apps', '--disable-breakpad', '--no-service-autorun', '--disable-hang-monitor',
      '--disable-ipc-flooding-protection', '--disable-background-timer-throttling', '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows', '--disable-back-forward-cache', '--disable-dev-shm-usage',
      '--metrics-recording-only', '--password-store=basic', '--use-mock-keychain', '--force-color-profile=srgb',
      'about:blank'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
    const browser = new BareChromium(proc, profile);
    await browser.send('Browser.getVersion');  // answers once the pipe is up
    return browser;
  }

  constructor(proc, profile) {
    this.proc = proc;
    this.profile = profile;
    this.lastId = 0;
    this.waiting = new Map();
    // Messages on the pipe are JSON texts, each ended by a NUL byte.
    let pending = '';
    proc.stdio[4].on('data', (chunk) => {
      pending += chunk.toString('utf8');
      for (let end; (end = pending.indexOf('\0')) >= 0; pending = pending.slice(end + 1)) {
        const msg = JSON.parse(pending.slice(0, end));
        const call = msg.id !== undefined && this.waiting.get(msg.id);
        if (!call) continue;  // events: none are enabled, the few that come anyway are not needed
        this.waiting.delete(msg.id);
        if (msg.error) call.reject(new Error(`${call.method}: ${msg.error.message}`));
        else call.resolve(msg.result);
      }
    });
    proc.on('exit', () => {
      for (const call of this.waiting.values()) call.reject(new Error('Chromium exited'));
      this.waiting.clear();
    });
  }

  send(method, params = {}, sessionId = undefined) {
    const id = ++this.lastId;
    this.proc.stdio[3].write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
    return new Promise((resolve, reject) => this.waiting.set(id, { method, resolve, reject }));
  }

  // A new tab at `url`, nothing attached to it while the page starts. context: a browser context
  // id (a fresh profile in memory, as playwright's newContext), or the default profile on disk.
  // The tab is opened blank and then sent to the address, as playwright's newPage and goto do and
  // as a user does (the tab, and a renderer, exist before the address is typed).
  async open(url, context = undefined) {
    const { targetId } = await this.send('Target.createTarget',
                                         { url: 'about:blank', ...(context ? { browserContextId: context } : {}) });
    await sleep(300);
    await this.evaluate(targetId, `location.href = ${JSON.stringify(url)}, 1`);
    return targetId;
  }

  close(targetId) { return this.send('Target.closeTarget', { targetId }); }

  async newContext() { return (await this.send('Target.createBrowserContext')).browserContextId; }

  disposeContext(context) { return this.send('Target.disposeBrowserContext', { browserContextId: context }); }

  // Evaluates `expression` (a promise is awaited) in the tab, attached only for that call.
  async evaluate(targetId, expression) {
    const { sessionId } = await this.send('Target.attachToTarget', { targetId, flatten: true });
    try {
      const r = await this.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, sessionId);
      if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description || r.exceptionDetails.text);
      return r.result.value;
    } finally {
      await this.send('Target.detachFromTarget', { sessionId });
    }
  }

  async quit() {
    await this.send('Browser.close').catch(() => {});
    await new Promise((resolve) => (this.proc.exitCode !== null ? resolve() : this.proc.once('exit', resolve)));
    fs.rmSync(this.profile, { recursive: true, force: true });
  }
}
