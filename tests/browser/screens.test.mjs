// Every screen renders in the browser with Chinese text (not blank, not tofu-only), and is saved as
// a screenshot for the docs when JIANFU_SCREENSHOT_DIR is set.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startServer, launch, openApp, state, command, until, click, find, frames, persisted, reopen } from './lib/harness.mjs';
import { decodePng, darkShare } from './lib/png.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

test('screens: start, review, history, training and settings all draw their content', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = await openApp(page, srv.url);
  const shots = [
    ['web-home', null],
    ['web-review', async () => {
      await command(page, { go: 'review' });
      await command(page, { set: { field: 'review.name', value: '辖区企业融资需求摸排，逐户签名拍照' } });
      await command(page, { set: { field: 'review.department', value: '某镇人民政府' } });
      await until(page, (s) => s.review.decision === 'reject');
    }],
    ['web-history', async () => { await command(page, { go: 'history' }); await until(page, (s) => s.history.rows >= 1); }],
    ['web-training', async () => {
      await command(page, { training: { learner: '王芳', select: 'doc-02', answer: { categories: ['DOC_CONSULT_RUSH'] }, submit: true } });
      await command(page, { go: 'training' });
    }],
    ['web-training-passages', async () => {
      await command(page, { training: { select: 'pas-04', answer: { passages: [0, 2] }, submit: true } });
      await until(page, (s) => s.training.current === 'pas-04' && s.training.graded);
    }],
    ['web-settings', async () => { await command(page, { go: 'settings' }); }],
  ];
  for (const [name, go] of shots) {
    if (go) await go();
    await page.waitForTimeout(300);
    const png = await page.screenshot();
    if (process.env.JIANFU_SCREENSHOT_DIR) fs.writeFileSync(`${process.env.JIANFU_SCREENSHOT_DIR}/${name}.png`, png);
    const img = decodePng(png);
    const share = darkShare(img, 0, 60, 1280, 400);
    assert.ok(share > 0.002, `${name} has content (dark share ${share})`);
  }
  assert.equal((await state(page)).screen, 'settings');
  assert.deepEqual(errors, []);
  await page.close();
});

test('settings: the as-of date is taken as people write it, a wrong one changes nothing, and it is kept after a reload', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = await openApp(page, srv.url);
  await command(page, { go: 'settings' });
  await click(page, '##asof');
  await page.keyboard.type('２０２５年３月５日');
  await until(page, (s) => s.as_of === '2025-03-05');
  await page.keyboard.type('x');  // no longer a date: the setting stays as it was
  await page.waitForTimeout(200);
  assert.equal((await state(page)).as_of, '2025-03-05');
  await page.keyboard.press('Backspace');
  await persisted(page);
  await reopen(page);
  assert.equal((await state(page)).as_of, '2025-03-05');
  assert.deepEqual(errors, []);
  await page.close();
});

test('font size: A+ and A- resize the text at once, and the size is kept after a reload', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = await openApp(page, srv.url);
  const before = (await find(page, '首页')).h;
  for (let i = 0; i < 3; i++) await click(page, 'A+');
  assert.equal((await state(page)).font_size, 24);
  // The navigation buttons are one line of text high (plus padding): 6 px more text, 6 px taller.
  const bigger = (await find(page, '首页')).h;
  assert.ok(Math.abs(bigger - before - 6) <= 1, `首页 button ${before} → ${bigger} px high`);
  await persisted(page);
  await reopen(page);
  assert.equal((await state(page)).font_size, 24);
  assert.ok(Math.abs((await find(page, '首页')).h - bigger) <= 1);
  await click(page, 'A-');
  assert.ok(Math.abs((await find(page, '首页')).h - (bigger - 2)) <= 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a narrow window at a large font: the rows of buttons and filters wrap instead of running off the right edge', async () => {
  const page = await browser.newPage({ viewport: { width: 900, height: 640 } });
  const errors = await openApp(page, srv.url);
  for (let i = 0; i < 4; i++) await click(page, 'A+');
  assert.equal((await state(page)).font_size, 26);
  const inside = async (label) => {
    const r = await find(page, label);
    assert.ok(r.x >= 0 && r.x + r.w <= 900, `${label}: x ${r.x}–${r.x + r.w} px in a 900 px window`);
    return r;
  };
  // Before these rows flowed, 设置 ended at 916 px, and the history filters needed 53 font sizes
  // of width in one line (1,378 px).
  const home = await inside('首页');
  const settings = await inside('设置');
  assert.ok(settings.y > home.y, 'the last navigation button went to a second line');
  await command(page, { go: 'history' });
  await until(page, (s) => s.screen === 'history');
  await frames(page, 3);
  // (ImGui's combo boxes are not reported to the item locator; the fields around them are.)
  for (const label of ['##q', '##from', '##to', '含已归档']) await inside(label);
  await command(page, { go: 'training' });
  await until(page, (s) => s.screen === 'training');
  await frames(page, 3);
  for (const label of ['##learner', '练习模式', '测验模式', '导出成绩表（CSV）']) await inside(label);
  if (process.env.JIANFU_SCREENSHOT_DIR) {
    await page.screenshot({ path: `${process.env.JIANFU_SCREENSHOT_DIR}/web-narrow-large-font.png` });
  }
  assert.deepEqual(errors, []);
  await page.close();
});
