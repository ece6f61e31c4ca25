// The walking skeleton end to end in a real browser: the page renders Chinese, typing and a click
// reach the core, the record lands in SQLite and survives a reload through IndexedDB.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startServer, launch, openApp, state, click, find, persisted, reopen } from './lib/harness.mjs';
import { decodePng, darkShare } from './lib/png.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

test('first screen renders Chinese text with the subset font', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = await openApp(page, srv.url);
  const s = await state(page);
  assert.equal(s.font_loaded, true);
  assert.equal(s.store_ok, true, s.store_error);
  assert.equal(await page.evaluate(() => document.getElementById('status').classList.contains('hidden')), true);
  const png = await page.screenshot();
  if (process.env.JIANFU_SCREENSHOT_DIR) fs.writeFileSync(`${process.env.JIANFU_SCREENSHOT_DIR}/web-first-screen.png`, png);
  const img = decodePng(png);
  // The title line (top-left) holds dark text; the empty area at the bottom right holds none.
  assert.ok(darkShare(img, 0, 0, 400, 30) > 0.05, 'title text is drawn');
  assert.equal(darkShare(img, 900, 600, 1280, 780), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('HiDPI: the canvas backing store follows devicePixelRatio', async () => {
  const ctx = await browser.newContext({ viewport: { width: 800, height: 600 }, deviceScaleFactor: 2 });
  const page = await ctx.newPage();
  await openApp(page, srv.url);
  const size = await page.evaluate(() => [Module.canvas.width, Module.canvas.height]);
  assert.deepEqual(size, [1600, 1200]);
  assert.equal((await state(page)).content_scale, 2);
  await ctx.close();
});

test('a pasted draft gets its findings live, is saved automatically, and survives a reload', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await openApp(page, srv.url);
  assert.equal((await state(page)).records, 0);
  await click(page, '##发文');
  await click(page, '##title');
  await page.keyboard.type('Notice 2026');
  await page.evaluate(() => Module.ccall('jianfu_test_set_field', null, ['string', 'string'],
    ['body', '请各乡镇于今天下班前报送贯彻落实情况，每月排名通报。']));
  await page.waitForFunction(() => JSON.parse(Module.ccall('jianfu_test_state', 'string', [], [])).assess.verdict === 'reject');
  let s = await state(page);
  assert.ok(s.assess.findings.includes('INSP_RANKING'), JSON.stringify(s.assess));
  assert.ok(s.assess.findings.includes('DOC_CONSULT_RUSH'));
  assert.ok(s.assess.unanswered > 0, 'the checklist asks for facts the rules need');
  await page.waitForFunction(() => JSON.parse(Module.ccall('jianfu_test_state', 'string', [], [])).assess.saved === true);
  await persisted(page);
  await reopen(page);
  s = await state(page);
  assert.equal(s.records, 1, 'the autosaved record came back from IndexedDB');
  await ctx.close();
});

test('the sample draft button fills the editor and the verdict follows', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await openApp(page, srv.url);
  await click(page, '##发文');
  await click(page, '填入示例草稿');
  await page.waitForFunction(() => JSON.parse(Module.ccall('jianfu_test_state', 'string', [], [])).assess.verdict === 'reject');
  const png = await page.screenshot();
  if (process.env.JIANFU_SCREENSHOT_DIR) fs.writeFileSync(`${process.env.JIANFU_SCREENSHOT_DIR}/web-assess-example.png`, png);
  assert.ok((await state(page)).assess.findings.length >= 5);
  await page.close();
});

test('characters outside the subset font load the extra font on demand instead of showing boxes', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await openApp(page, srv.url);
  assert.equal((await state(page)).extra_font, 'none');
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  // 龘 is in neither 通用规范汉字表 nor GB2312, so not in the preloaded subset, but the font has it.
  // 𠀀 (U+20000, Ext B) is in no font we ship: it must be reported, and the text kept intact.
  await page.evaluate(() => Module.ccall('jianfu_test_set_field', null, ['string', 'string'], ['body', '人名：𠀀龘']));
  await page.waitForFunction(() => JSON.parse(Module.ccall('jianfu_test_state', 'string', [], [])).extra_font === 'merged');
  await page.waitForFunction(() => JSON.parse(Module.ccall('jianfu_test_state', 'string', [], [])).missing_glyphs === 1);
  assert.ok(requests.includes('/assets/fonts/jianfu-sc-ext.ttf'));
  assert.equal((await state(page)).body_chars, 5);
  await page.close();
});

test('frames that change nothing are built but not drawn; a typed character is drawn at once', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await openApp(page, srv.url);
  await click(page, '##发文');
  await click(page, '##title');
  const r = await find(page, '##title');
  const counts = () => page.evaluate(() => [Module.jianfuFrames, Module.jianfuFramesDrawn]);
  // Within the active seconds after the click every animation frame is built; only the caret's
  // blinking changes the picture.
  const [b0, d0] = await counts();
  await page.waitForTimeout(1000);
  const [b1, d1] = await counts();
  assert.ok(b1 - b0 >= 20, `frames built in 1 s: ${b1 - b0}`);
  assert.ok(d1 - d0 <= 4, `frames drawn in 1 s: ${d1 - d0} of ${b1 - b0}`);
  const ink = async () => darkShare(decodePng(await page.screenshot()), r.x, r.y, r.x + r.w, r.y + r.h);
  const before = await ink();
  await page.keyboard.type('千分制考核');
  await page.waitForFunction(() => JSON.parse(Module.ccall('jianfu_test_state', 'string', [], [])).assess.title === '千分制考核');
  await page.waitForFunction((d) => Module.jianfuFramesDrawn > d, d1);
  assert.ok(await ink() > before + 0.01, 'the typed characters are on screen');
  await page.close();
});

test('each typed character is drawn once: the caret stays lit, a new line is scrolled into view in the same frame', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await openApp(page, srv.url);
  await click(page, '##发文');
  // Long enough that the end of the draft is at the bottom of the editor: a character that starts
  // a new line there has to scroll it into view.
  const line = '各乡镇要按时报送材料，不得层层加码。\n';
  await page.evaluate((t) => Module.ccall('jianfu_test_set_field', null, ['string', 'string'], ['body', t]), line.repeat(60));
  await page.waitForTimeout(500);  // the first check of the draft, drawn
  await click(page, '##body');
  await page.keyboard.press('Control+End');
  await page.waitForTimeout(300);
  const drawn = () => page.evaluate(() => Module.jianfuFramesDrawn);
  let wraps = 0;
  const extra = [];
  for (let i = 0; i < 80 && wraps < 2; i++) {
    const lines0 = (await state(page)).assess.marked_lines;
    const d0 = await drawn();
    await page.keyboard.type('报');
    // Within the debounce of the live check (150 ms), so that only the keystroke changes the picture.
    await page.waitForTimeout(100);
    const d1 = await drawn();
    const lines1 = (await state(page)).assess.marked_lines;
    if (lines1 > lines0) wraps++;
    if (d1 - d0 !== 1) extra.push(`character ${i + 1}${lines1 > lines0 ? ' (new line)' : ''}: ${d1 - d0} frames drawn`);
    await page.waitForTimeout(150);  // the check runs; the next character starts from a quiet screen
  }
  assert.equal(wraps, 2, 'the typed characters started two new lines');
  assert.deepEqual(extra, []);
  await page.close();
});
