// What the page shows is what the app drew (web/canvas_present.h). Frames reach the page straight
// from the WebGL canvas, or, when WebGL runs in software, copied a changed rectangle at a time from
// a WebGL canvas off the page into the page's 2D canvas, where a scroll moves the pixels already
// shown. Either way, a screenshot of the page must equal a whole drawing of the frame pixel for
// pixel, after partial frames, scrolls and resizes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, find, openLongDraft, typeWithChecks } from './lib/harness.mjs';
import { decodePng } from './lib/png.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

// Pixels of the page's screenshot that differ from a whole drawing of the same frame (the
// screenshot taken while the page showed one picture throughout; retried otherwise), and how many
// of them are dark (the picture is not blank). Where frames are copied, the drawing buffer is not
// the picture outside the last frame's rectangles (a scroll moves the page's pixels instead), so
// the reference is the next frame drawn whole.
async function compareShown(page) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const before = await page.evaluate(() => jianfuRead.digest(jianfuRead.shown()));
    const shot = decodePng(await page.screenshot());
    const drawing = await page.evaluate(async (before) => {
      if (jianfuRead.digest(jianfuRead.shown()) !== before) return null;
      const whole = await jianfuRead.whole();
      return { w: whole.w, h: whole.h, pixels: jianfuRead.base64(whole) };
    }, before);
    if (!drawing) continue;
    assert.equal(shot.width, drawing.w, 'screenshot width = drawing buffer width');
    assert.equal(shot.height, drawing.h, 'screenshot height = drawing buffer height');
    const drawn = Buffer.from(drawing.pixels, 'base64');
    const step = shot.data.length / (shot.width * shot.height);  // 3 (RGB) or 4 (RGBA)
    let differing = 0, dark = 0;
    for (let p = 0; p < shot.width * shot.height; p++) {
      const s = p * step, d = p * 4;
      if (shot.data[s] !== drawn[d] || shot.data[s + 1] !== drawn[d + 1] || shot.data[s + 2] !== drawn[d + 2]) differing++;
      if (drawn[d] < 100) dark++;
    }
    return { differing, dark };
  }
  assert.fail('the app kept drawing while the page was read');
}

// Typing into a draft, leaving the editor, scrolling it with the wheel, and resizing the window:
// after each, the page shows exactly a whole drawing of the frame.
async function exercise(page, scale) {
  let shown = await compareShown(page);
  assert.ok(shown.dark > 1000 * scale * scale, `start screen: dark pixels ${shown.dark}`);
  assert.equal(shown.differing, 0, 'start screen: pixels that differ from the drawing');
  await openLongDraft(page);
  await typeWithChecks(page);
  // Left (a click on the footer's 字号 label, left of A-), so that no caret blinks while reading.
  const smaller = await find(page, 'A-');
  await page.mouse.click((smaller.x - 20 * scale) / scale, (smaller.y + smaller.h / 2) / scale);
  await page.waitForTimeout(300);
  shown = await compareShown(page);
  assert.equal(shown.differing, 0, 'after typing: pixels that differ from the drawing');
  const body = await find(page, '##body');
  await page.mouse.move((body.x + body.w / 2) / scale, (body.y + body.h / 2) / scale);
  for (let i = 0; i < 3; i++) { await page.mouse.wheel(0, -120); await page.waitForTimeout(80); }
  await page.waitForTimeout(300);
  shown = await compareShown(page);
  assert.equal(shown.differing, 0, 'after scrolling: pixels that differ from the drawing');
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.waitForTimeout(500);
  shown = await compareShown(page);
  assert.equal(shown.differing, 0, 'after resizing: pixels that differ from the drawing');
  assert.equal(shown.dark > 1000 * scale * scale, true, `after resizing: dark pixels ${shown.dark}`);
}

for (const scale of [1, 2]) test(`frames copied into the page's 2D canvas show exactly what was drawn (devicePixelRatio ${scale})`, async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: scale });
  const errors = await openApp(page, srv.url, '&present=copy');
  assert.equal(await page.evaluate(() => Module.jianfuPresent.mode), 'copy');
  assert.equal(await page.evaluate(() => Module.jianfuPresent.gl.canvas !== Module.canvas), true, 'WebGL draws off the page');
  await exercise(page, scale);
  assert.deepEqual(errors, []);
  await page.close();
});

test('frames shown straight from the WebGL canvas show exactly what was drawn', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = await openApp(page, srv.url, '&present=direct');
  assert.equal(await page.evaluate(() => Module.jianfuPresent.mode), 'direct');
  assert.equal(await page.evaluate(() => Module.jianfuPresent.gl.canvas === Module.canvas), true, 'WebGL draws on the page');
  await exercise(page, 1);
  assert.deepEqual(errors, []);
  await page.close();
});

// The choice the app makes by itself: copied frames where WebGL runs in software (as on this
// machine, where Chromium runs it on SwiftShader), the canvas itself where a GPU draws it.
test('frames are copied when WebGL runs in software, shown directly otherwise', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = await openApp(page, srv.url);
  const { mode, renderer } = await page.evaluate(() => {
    const gl = Module.jianfuPresent.gl;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return { mode: Module.jianfuPresent.mode, renderer: info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : '' };
  });
  const software = /SwiftShader|llvmpipe/i.test(renderer);
  assert.equal(mode, software ? 'copy' : 'direct', `renderer: ${renderer}`);
  const lost = await page.evaluate(() => Module.jianfuPresent.gl.isContextLost());
  assert.equal(lost, false);
  assert.deepEqual(errors, []);
  await page.close();
});
