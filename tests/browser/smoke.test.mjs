// The walking skeleton end to end in a real browser: the page renders Chinese, typing and a click
// reach the core, the record lands in SQLite and survives a reload through IndexedDB.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startServer, launch, openApp, state, command, click, find, persisted, reopen, openLongDraft, typeWithChecks } from './lib/harness.mjs';
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

// Only the parts of the picture that changed are drawn (ui/screen_damage.h), onto the pixels the
// canvas kept from the frames before. Whatever the user did, the canvas must then show exactly what
// drawing the whole frame shows.
for (const scale of [1, 2]) test(`partial redraw: after typing, selecting, leaving and scrolling, the canvas equals a whole drawing (devicePixelRatio ${scale})`, async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: scale });
  const errors = await openApp(page, srv.url);
  const damage = async () => JSON.parse(await page.evaluate(() => Module.ccall('jianfu_test_damage', 'string', [], [])));
  assert.equal((await damage()).partial, true, 'the canvas keeps its pixels (preserveDrawingBuffer)');
  await openLongDraft(page);
  await page.waitForTimeout(300);

  // What the page shows after the partial frames (and, where frames are copied, the moves of a
  // scroll), then the same picture drawn whole at the next frame: the number of pixels that differ.
  // Both are read inside the page, so that the two readings are at most one frame apart: the caret
  // must not blink in between, and it stays lit for a second after each key.
  const differing = () => page.evaluate(async () => {
    const shown = jianfuRead.shown();
    return jianfuRead.differing(shown, await jianfuRead.whole());
  });
  await command(page, { reset_damage_stats: true });

  await typeWithChecks(page);
  const typed = await damage();
  assert.ok(typed.frames >= 12, `frames drawn while typing: ${typed.frames}`);
  assert.ok(typed.frames - typed.whole_frames >= 8, `of ${typed.frames} frames, ${typed.whole_frames} drawn whole`);
  // Partial frames draw a small share of the canvas on average.
  const canvas = 1280 * 800 * scale * scale;
  const partialShare = (typed.pixels - typed.whole_frames * canvas) / (typed.frames - typed.whole_frames) / canvas;
  assert.ok(partialShare < 0.25, `a partial frame drew ${(partialShare * 100).toFixed(1)} % of the canvas on average`);
  assert.equal(await differing(), 0, 'after typing');

  // Selecting with the keyboard, then scrolling the draft with the wheel.
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Shift+ArrowUp');
  await page.waitForTimeout(200);
  assert.equal(await differing(), 0, 'after selecting');
  // Scrolling moves no caret: the editor is left first (a click on the footer's 字号 label, left
  // of A-), so that no caret blinks while the two readings are taken.
  const smaller = await find(page, 'A-');
  await page.mouse.click((smaller.x - 20 * scale) / scale, (smaller.y + smaller.h / 2) / scale);
  await page.waitForTimeout(200);
  assert.equal(await differing(), 0, 'after leaving the editor');
  const body = await find(page, '##body');  // framebuffer pixels
  await page.mouse.move((body.x + body.w / 2) / scale, (body.y + body.h / 2) / scale);
  // Up: the caret's line was scrolled into view at the end of the draft, below which nothing is left.
  const beforeWheel = await damage();
  for (let i = 0; i < 3; i++) { await page.mouse.wheel(0, -120); await page.waitForTimeout(80); }
  await page.waitForTimeout(200);
  const wheeled = await damage();
  assert.ok(wheeled.frames - beforeWheel.frames >= 3, `frames drawn while scrolling: ${wheeled.frames - beforeWheel.frames}`);
  // Where frames are copied (WebGL in software, as here), a scroll moves the pixels the page shows.
  if (await page.evaluate(() => Module.jianfuPresent.mode) === 'copy') {
    assert.ok(wheeled.moved - beforeWheel.moved > 100000 * scale * scale, `pixels moved while scrolling: ${wheeled.moved - beforeWheel.moved}`);
  }
  assert.equal(await differing(), 0, 'after scrolling');
  assert.deepEqual(errors, []);
  await page.close();
});

// ui/occlusion.h: where an opaque rectangle (the draft editor's white page) hides what was drawn
// before it, the renderer clears that part to its colour and draws from it on. Under SwiftShader,
// as a user without a GPU has it, that must give the very pixels of drawing everything.
for (const scale of [1, 2]) test(`hidden layers: skipping what opaque rectangles hide changes no pixel (devicePixelRatio ${scale})`, async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: scale });
  const errors = await openApp(page, srv.url);
  await click(page, '##发文');
  const text = '各乡镇要按时报送材料，实行千分制考核并排名通报，并将拍照留痕纳入考核。\n';
  await page.evaluate((t) => Module.ccall('jianfu_test_set_field', null, ['string', 'string'], ['body', t]), text.repeat(60));
  await page.waitForTimeout(1500);  // checked: the findings' marks are on the text
  assert.ok((await state(page)).assess.marked_lines > 0, "findings marked in the draft");
  const body = await find(page, '##body');  // in canvas pixels: CSS pixels × devicePixelRatio
  await page.mouse.move((body.x + body.w / 2) / scale, (body.y + body.h / 2) / scale);
  await page.waitForTimeout(300);
  // A wheel step scrolls the draft: where frames are copied, the page's pixels are moved, and the
  // lines it brings in are drawn from the page on. Then the same picture drawn whole, hidden
  // layers and all, one frame later.
  const drawings = await page.evaluate(async () => {
    const damage = () => JSON.parse(Module.ccall('jianfu_test_damage', 'string', [], []));
    const frame = new Promise((drawnFrame) => {
      const prev = Module.jianfuFrameDone;
      Module.jianfuFrameDone = (drawn) => { prev(drawn); if (drawn) { Module.jianfuFrameDone = prev; drawnFrame(); } };
    });
    Module.canvas.dispatchEvent(new WheelEvent('wheel', { deltaY: 120, deltaMode: 0, bubbles: true, cancelable: true }));
    await frame;
    const skipping = jianfuRead.shown(), passes = damage().passes;
    const everything = await jianfuRead.whole({ occlusion: false });
    Module.ccall('jianfu_test_command', null, ['string'], ['{"occlusion":true}']);
    let dark = 0;  // text drawn: a picture, not cleared areas
    for (let i = 0; i < skipping.px.length; i += 4) dark += skipping.px[i] < 100 ? 1 : 0;
    return { differing: jianfuRead.differing(skipping, everything), dark, passes, onPage: passes.filter((p) => p[4] > 0).length };
  });
  assert.ok(drawings.onPage >= 1, `passes drawn from an opaque rectangle on: ${JSON.stringify(drawings.passes)}`);
  assert.ok(drawings.dark > 5000 * scale * scale, `dark pixels: ${drawings.dark}`);
  assert.equal(drawings.differing, 0, 'pixels that differ from a drawing of everything');
  assert.deepEqual(errors, []);
  await page.close();
});
