// Browser delivery: offline after the first visit (service worker), an update announced rather than
// forced, the single-file edition from file://, and a page that talks to no other origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { SITE, startServer, CHROMIUM_ARGS, openApp, state, click, until, persisted, reopen } from './lib/harness.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(() => srv?.server.close());

// A persistent profile, as a real user's browser has: service workers and IndexedDB survive restarts.
async function profile() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jianfu-profile-'));
  return chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, viewport: { width: 1280, height: 800 } });
}

test('after the first visit the tool opens and works with no network', async () => {
  const ctx = await profile();
  const page = ctx.pages()[0] || await ctx.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await openApp(page, srv.url);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null || Module.jianfuOffline.registered, null, { timeout: 20000 });
  await page.evaluate(() => navigator.serviceWorker.ready);
  // Every request went to the page's own origin.
  assert.ok(requests.every((u) => u.startsWith(srv.url)), requests.filter((u) => !u.startsWith(srv.url)).join(' '));
  // The page asks for the wasm, the font package and its scripts early (<link rel=preload>); the
  // app's own requests and the script tags must take those responses rather than fetch again.
  const preloaded = await page.evaluate(() => [...document.querySelectorAll('link[rel=preload]')].map((l) => l.href));
  for (const f of ['app.wasm', 'app.data', 'app.js', 'js/storage.js']) assert.ok(preloaded.includes(srv.url + f), f);
  for (const u of preloaded) assert.equal(requests.filter((r) => r === u).length, 1, u);
  await ctx.setOffline(true);
  await reopen(page);
  assert.equal(await page.evaluate(() => navigator.onLine), false);
  await click(page, '##发文');
  await page.evaluate(() => Module.ccall('jianfu_test_set_field', null, ['string', 'string'], ['body', '请于今天下班前报送，每月排名通报。']));
  await until(page, (s) => s.assess.verdict === 'reject' && s.assess.saved && s.records === 1);
  await persisted(page);
  await reopen(page);
  assert.equal((await state(page)).records, 1, 'the record made offline is still there');
  await ctx.close();
});

test('a new version is announced, not forced on an open page', async () => {
  const ctx = await profile();
  const page = ctx.pages()[0] || await ctx.newPage();
  await openApp(page, srv.url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
  // A second build of the site: same files, one changed byte in the worker's cache name.
  const sw = path.join(SITE, 'sw.js');
  const original = fs.readFileSync(sw, 'utf8');
  const frames = await page.evaluate(() => Module.jianfuFrames);
  try {
    fs.writeFileSync(sw, original.replace(/const CACHE = 'jianfu-([0-9a-f]+)'/, "const CACHE = 'jianfu-$1x'"));
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await page.waitForFunction(() => Module.jianfuOffline.updateReady, null, { timeout: 20000 });
    assert.equal(await page.isVisible('#update'), true);
    assert.ok(await page.evaluate((f) => Module.jianfuFrames > f, frames), 'the page kept running: no reload');
  } finally {
    fs.writeFileSync(sw, original);
  }
  await ctx.close();
});

test('the single-file edition opens from file:// and keeps its records', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jianfu-usb-'));
  const file = path.join(dir, '减负.html');
  fs.copyFileSync(path.join(SITE, 'jianfu.html'), file);
  const ctx = await profile();
  const page = ctx.pages()[0] || await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('file://' + file + '?test');
  await page.waitForFunction(() => window.Module && Module.jianfuFrames >= 3, null, { timeout: 30000 });
  let s = await state(page);
  assert.equal(s.font_loaded, true);
  assert.equal(s.store_ok, true, s.store_error);
  await click(page, '##会议');
  await page.evaluate(() => Module.ccall('jianfu_test_set_field', null, ['string', 'string'], ['body', '会议精神要传达不过夜。']));
  await until(page, (st) => st.assess.findings.includes('MTG_OVERNIGHT') && st.assess.saved);
  await persisted(page);
  await reopen(page);
  s = await state(page);
  assert.equal(s.records, 1);
  assert.deepEqual(errors, []);
  assert.ok(requests.every((u) => u.startsWith('file://') || u.startsWith('data:')), requests.join(' '));
  await ctx.close();
});

// The wasm needs WebAssembly's exceptions (cmake/JianfuWeb.cmake). A browser without them is
// told so in Chinese, with the code and what to use instead, and the app does not start (its
// compile error would otherwise be all the user saw).
test('a browser without WebAssembly exceptions is told what to use, and the app does not start', async () => {
  const ctx = await profile();
  const page = ctx.pages()[0] || await ctx.newPage();
  // As such a browser answers: the probe module in web/js/boot.js does not validate.
  await page.addInitScript(() => { WebAssembly.validate = () => false; });
  await page.goto(srv.url);
  const status = page.locator('#status');
  await page.waitForFunction(() => document.getElementById('status').textContent.includes('WASM_UNSUPPORTED'));
  assert.ok(await status.isVisible());
  assert.match(await status.textContent(), /浏览器版本过旧.*桌面版/);
  await page.waitForTimeout(2000);  // time enough for a first frame, had the app started
  assert.equal(await page.evaluate(() => Module.jianfuFrames), 0);
  assert.match(await status.textContent(), /WASM_UNSUPPORTED/);  // not replaced by an abort's message
  // This Chromium runs the app, so its answer to the probe is yes.
  const fresh = await ctx.newPage();
  await openApp(fresh, srv.url);
  assert.equal(await fresh.evaluate(() => Module.jianfuWasmSupported), true);
  await ctx.close();
});
