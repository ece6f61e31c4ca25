// Shared helpers for the browser tests: a static server on 127.0.0.1, Debian's Chromium through
// playwright-core, and access to the app's test API (widget rectangles and state as JSON).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { installReaders } from './page_readers.mjs';

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.data': 'application/octet-stream', '.ttf': 'font/ttf',
  '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.png': 'image/png',
};

export const SITE = process.env.JIANFU_SITE ||
  path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../build/web/site');

export function startServer(root = SITE) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root)) { res.writeHead(403); res.end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404); res.end(); return; }
      res.writeHead(200, { 'Content-Type': MIME[path.extname(file)] || 'application/octet-stream' });
      res.end(data);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    resolve({ server, url: `http://127.0.0.1:${server.address().port}/` });
  }));
}

// Graphics: this machine has no GPU. Left to itself, Chromium composites the page in software and
// runs WebGL on SwiftShader (chrome://gpu: "Compositing: Software only"; the WebGL renderer string
// names SwiftShader), which is what a browser on a PC without a usable GPU does; the
// --enable-unsafe-swiftshader switch keeps WebGL on in builds that would refuse it there.
// JIANFU_BROWSER_GL=swiftshader instead forces everything, the page's compositing too, through
// SwiftShader (--use-angle=swiftshader), the configuration of the figures in docs/BENCHMARKS.md
// measured before 2026-11-23, night.
const FORCED_GL = process.env.JIANFU_BROWSER_GL === 'swiftshader';
export const GL_CONFIG = FORCED_GL ? 'everything on SwiftShader (forced)'
                                   : 'software compositing, WebGL on SwiftShader (Chromium\'s own choice here)';
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--enable-unsafe-swiftshader', ...(FORCED_GL ? ['--use-angle=swiftshader'] : []),
  '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync',
  // Each new window of headless Chromium 156 otherwise loads its address-bar pop-up, a page of
  // about 290 scripts, in a renderer of its own: in a trace of one cold start it took 2.1 s of main
  // thread and 1.4 s of workers while the app started, on two cores. A user's window has been open
  // for seconds before anyone types an address. (This switch replaces playwright's own
  // --disable-features list, none of whose entries the tests depend on.)
  '--disable-features=PreloadTopChromeWebUI,WebUIOmniboxPopup,WebUIOmniboxFullPopup',
];

export function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

// Loads the app with the test API on, and waits until it has drawn a few frames. query: more of the
// address, as '&present=copy'.
export async function openApp(page, baseUrl, query = '') {
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await installReaders(page);  // window.jianfuRead (lib/page_readers.mjs)
  await page.goto(baseUrl + '?test' + query);
  await page.waitForFunction(() => window.Module && Module.jianfuFrames >= 3, null, { timeout: 30000 });
  return errors;
}

// Reloads the page (records come back from IndexedDB) and waits until the app has drawn again.
export async function reopen(page) {
  await page.reload();
  await page.waitForFunction(() => window.Module && Module.jianfuFrames >= 3, null, { timeout: 30000 });
}

export async function state(page) {
  return JSON.parse(await page.evaluate(() => Module.ccall('jianfu_test_state', 'string', [], [])));
}

export async function frames(page, n = 2) {
  const start = await page.evaluate(() => Module.jianfuFrames);
  await page.waitForFunction((s) => Module.jianfuFrames >= s, start + n);
}

// Where the app last drew the widget labelled `label` ({x, y, w, h} in framebuffer pixels);
// throws if it drew none.
export async function find(page, label) {
  const r = JSON.parse(await page.evaluate((l) => Module.ccall('jianfu_test_find', 'string', ['string'], [l]), label));
  if (!r.found) throw new Error(`widget not found: ${label}`);
  return r;
}

// Clicks the centre of the widget whose visible label is `label` (framebuffer px → CSS px).
export async function click(page, label) {
  await frames(page, 2);
  const r = await find(page, label);
  const dpr = await page.evaluate(() => window.devicePixelRatio);
  await page.mouse.click((r.x + r.w / 2) / dpr, (r.y + r.h / 2) / dpr);
  await frames(page, 3);
}

// Waits until every requested IndexedDB sync has completed.
export async function persisted(page) {
  await page.waitForFunction(() => Module.jianfuStorage.syncs > 0 && !Module.jianfuStorage.pending);
}

// Sends one command to the app (App::test_command) and lets it draw.
export async function command(page, cmd) {
  await page.evaluate((c) => Module.ccall('jianfu_test_command', null, ['string'], [c]), JSON.stringify(cmd));
  await frames(page, 2);
}

// Waits until the app's state satisfies `predicate` (s => boolean). Polled from Node: the page's
// CSP (no 'unsafe-eval') rightly forbids evaluating predicate strings inside it.
export async function until(page, predicate, timeout = 15000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await state(page);
    if (predicate(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${predicate}; last state: ${JSON.stringify(last).slice(0, 600)}`);
}

// A 发文 assessment whose draft holds 40 lines, with the caret at its end (tests of drawing).
export async function openLongDraft(page) {
  await click(page, '##发文');
  const line = '各乡镇要按时报送材料，实行千分制考核并排名通报。\n';
  await page.evaluate((t) => Module.ccall('jianfu_test_set_field', null, ['string', 'string'], ['body', t]), line.repeat(40));
  await page.waitForTimeout(500);
  await click(page, '##body');
  await page.keyboard.press('Control+End');
}

// Types a line and a half at the caret, a key at a time, with the live check's findings updating
// between keys; then waits until the draft is saved (a second after the last key), so that the
// status line does not change while a test compares two readings of the picture.
export async function typeWithChecks(page) {
  for (const ch of '县里要求每周报送工作台账') {
    await page.keyboard.type(ch);
    await page.waitForTimeout(60);
  }
  await page.keyboard.press('Enter');
  await page.keyboard.type('一票否决');
  await page.waitForTimeout(400);
  await until(page, (s) => s.assess && s.assess.saved);
  await page.waitForTimeout(200);
}
