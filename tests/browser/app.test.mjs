// The app's screens in a real browser: Chinese IME and the clipboard through the text agent, the
// main assessment flow with a recorded reason, the work-item review, history with export and the
// import of a file exported by the native build, one writer across tabs, and the training workbook.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { startServer, launch, openApp, state, click, frames, command, until, persisted, reopen } from './lib/harness.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const CLI = path.join(ROOT, 'build/native/native/jianfu-cli');

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

async function fresh(viewport = { width: 1280, height: 800 }, options = {}) {
  const ctx = await browser.newContext({ viewport, ...options });
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await ctx.newPage();
  const errors = await openApp(page, srv.url);
  return { ctx, page, errors };
}

test('Chinese IME: the composition is shown, the committed text is inserted once, IME keys do not leak', async () => {
  const { ctx, page, errors } = await fresh();
  await click(page, '##发文');
  await click(page, '##title');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'text-agent', 'the agent has the focus');
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'zhong', selectionStart: 5, selectionEnd: 5 });
  await cdp.send('Input.imeSetComposition', { text: '中国', selectionStart: 2, selectionEnd: 2 });
  assert.equal(await page.evaluate(() => Module.jianfuTextAgent.preedit), '中国', 'the composition is visible');
  // What a real IME sends for the keys it consumes must not edit the field.
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', windowsVirtualKeyCode: 229, key: 'Process', code: 'KeyG' });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', windowsVirtualKeyCode: 229, key: 'Process', code: 'KeyG' });
  await cdp.send('Input.insertText', { text: '中国' });
  await page.keyboard.insertText('，');   // a Chinese punctuation commit: input without composition
  await page.keyboard.type('ab');          // plain typing into the agent: each letter once
  await until(page, (s) => s.assess.title === '中国，ab');
  assert.equal(await page.evaluate(() => Module.jianfuTextAgent.preedit), '');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('clipboard: a 10,000-character paste arrives whole, and copy reaches the system clipboard', async () => {
  const { ctx, page } = await fresh();
  await click(page, '##发文');
  await click(page, '##body');
  const para = '请各乡镇于今天下班前报送落实情况，每月排名通报。';
  const text = para.repeat(Math.ceil(10000 / Array.from(para).length)).slice(0, 10000);  // all BMP: 10,000 code points
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
  await until(page, (s) => s.assess.body_chars === 10000);
  await until(page, (s) => s.assess.findings.includes('INSP_RANKING') && s.assess.findings.includes('DOC_CONSULT_RUSH'));
  assert.equal(await page.evaluate(() => Module.jianfuClipboard.lastPasteChars), 10000);
  await page.keyboard.press('Control+A');
  await frames(page, 2);
  await page.keyboard.press('Control+C');
  await page.waitForFunction(() => Module.jianfuClipboard.copies > 0);
  assert.equal(await page.evaluate(() => Array.from(Module.jianfuClipboard.lastCopy).length), 10000);
  await ctx.close();
});

test('draft editor: long Chinese lines wrap, the caret moves and selects by keyboard, edits undo, jumps select the evidence', async () => {
  const { ctx, page } = await fresh();
  await click(page, '##发文');
  await click(page, '##body');
  await page.keyboard.insertText('甲乙丙');           // an IME commit
  await until(page, (s) => s.assess.body_start === '甲乙丙' && s.assess.caret === 3);
  await page.keyboard.press('Home');
  await page.keyboard.insertText('前');
  await until(page, (s) => s.assess.body_start === '前甲乙丙' && s.assess.caret === 1);
  await page.keyboard.press('Shift+End');
  await until(page, (s) => s.assess.selection[0] === 1 && s.assess.selection[1] === 4);
  await page.keyboard.press('Backspace');
  await until(page, (s) => s.assess.body_start === '前');
  await page.keyboard.press('Control+Z');
  await until(page, (s) => s.assess.body_start === '前甲乙丙');
  await page.keyboard.press('Control+Y');
  await until(page, (s) => s.assess.body_start === '前');
  // One paragraph of 300 characters with no line break wraps into several lines.
  const para = '请各乡镇于今天下班前报送贯彻落实情况并每月排名通报'.repeat(12);
  await page.keyboard.press('Control+A');
  await page.evaluate((t) => navigator.clipboard.writeText(t), para);
  await page.keyboard.press('Control+V');
  await until(page, (s) => s.assess.body_chars === 300 && s.assess.marked_lines >= 6 && s.assess.findings.length > 0);
  // 在正文中定位 selects the first finding's evidence in the editor.
  await command(page, { jump: 0 });
  const s = (await state(page)).assess;
  assert.ok(s.selection[1] > s.selection[0], JSON.stringify(s.selection));
  // A text replaced from outside (the sample draft) starts its own history: undo does not bring the
  // pasted paragraph back into it.
  await click(page, '填入示例草稿');
  await until(page, (st) => st.assess.body_start.startsWith('各乡镇人民政府'));
  await click(page, '##body');
  await page.keyboard.press('Control+Z');
  await frames(page, 3);
  assert.ok((await state(page)).assess.body_start.startsWith('各乡镇人民政府'));
  await ctx.close();
});

test('main flow: choose 发文, paste a draft with problems, answer a question, record a reason', async () => {
  const { ctx, page } = await fresh();
  await click(page, '##数据填报');
  assert.equal((await state(page)).assess.kind, 'data_request');
  await click(page, '##body');
  await page.evaluate((t) => navigator.clipboard.writeText(t), '请各乡镇组织人员上门摸排辖区企业融资需求，通过电子邮箱报送。');
  await page.keyboard.press('Control+V');
  await until(page, (s) => s.assess.unanswered > 0 && s.assess.body_chars > 10);
  const before = (await state(page)).assess.unanswered;
  await click(page, '否');  // 是否通过统一平台（一表通）报送？ → 否
  await until(page, (s) => s.assess.verdict === 'justify');
  const s = (await state(page)).assess;
  assert.ok(s.unanswered < before, 'answering removes the question');
  assert.ok(s.findings.includes('DATA_REPEAT'), JSON.stringify(s));
  assert.equal(s.verdict_text, '需说明理由或报批');
  const key = s.keys[s.findings.indexOf('DATA_REPEAT')];
  await command(page, { reason: { key, text: '省防汛指挥部要求当日报送，平台暂无此表' } });
  await until(page, (st) => st.assess.verdict_text === '需说明理由或报批（理由已记录）' && st.assess.saved);
  // The evidence is marked in the wrapped view and "jump" selects it in the editor.
  await command(page, { jump: 0 });
  assert.ok((await state(page)).assess.marked_lines >= 1);
  await ctx.close();
});

test('parent document: pasted under 上级文件, the copy check runs, and the record keeps it', async () => {
  const { ctx, page } = await fresh();
  await click(page, '##发文');
  assert.equal((await state(page)).assess.parent_field, true, 'documents ask for the parent document');
  const parent = '各地要加强组织领导，压实工作责任，确保各项任务落到实处。要强化督促检查，及时研究解决工作中遇到的问题。';
  await click(page, '##parent-section');
  await click(page, '##parent');
  await page.evaluate((t) => navigator.clipboard.writeText(t), parent);
  await page.keyboard.press('Control+V');
  await until(page, (s) => s.assess.parent_chars === Array.from(parent).length);
  await click(page, '##body');
  await page.evaluate((t) => navigator.clipboard.writeText(t), parent);
  await page.keyboard.press('Control+V');
  await until(page, (s) => s.assess.findings.includes('DOC_COPY') && s.assess.copy_ratio > 0.8 && s.assess.saved);
  const id = (await state(page)).assess.record_id;
  // Re-opened from the store, the record still has its parent text.
  await command(page, { go: 'home' });
  await command(page, { start: 'meeting' });
  const meeting = (await state(page)).assess;
  assert.equal(meeting.parent_field, false, 'meetings have no copy rule, so no parent field');
  assert.equal(meeting.parent_chars, 0);
  await command(page, { go: 'history' });
  await until(page, (s) => s.history.rows === 1);
  await click(page, '打开');
  await until(page, (s) => s.screen === 'assess' && s.assess.record_id === id);
  assert.equal((await state(page)).assess.parent_chars, Array.from(parent).length);
  await ctx.close();
});

test('work-item review: the decision, reasons and steps follow the item, and it is saved', async () => {
  const { ctx, page } = await fresh();
  await click(page, '##村（社区）工作事项准入');
  assert.equal((await state(page)).screen, 'review');
  await page.evaluate(() => Module.ccall('jianfu_test_set_field', null, ['string', 'string'], ['review.name', '出具无犯罪记录证明']));
  await page.evaluate(() => Module.ccall('jianfu_test_set_field', null, ['string', 'string'], ['review.requires_certificate', '无犯罪记录证明']));
  await until(page, (s) => s.review.decision === 'reject' && s.review.saved);
  assert.ok((await state(page)).review.reasons.includes('WI_CERT'));
  await ctx.close();
});

test('history: search, export as one file, and import a file exported by the native build', async () => {
  // A store written by the native CLI, exported as the portable file.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jianfu-native-'));
  const proposal = path.join(dir, 'p.json');
  fs.writeFileSync(proposal, JSON.stringify({ kind: 'meeting', title: '原生版导出的会议通知', text: '会议精神要传达不过夜。' }));
  execFileSync(CLI, ['assess', proposal, '--save', path.join(dir, 'native.sqlite3')]);
  execFileSync(CLI, ['store', 'export', path.join(dir, 'native.sqlite3'), path.join(dir, 'export.sqlite3')]);

  const { ctx, page } = await fresh();
  await click(page, '##发文');
  await page.evaluate(() => Module.ccall('jianfu_test_set_field', null, ['string', 'string'], ['title', '浏览器里的千分制考核通知']));
  await until(page, (s) => s.assess.saved && s.records === 1);
  await command(page, { go: 'history' });
  const chooser = page.waitForEvent('filechooser');
  await click(page, '导入数据文件');
  await (await chooser).setFiles(path.join(dir, 'export.sqlite3'));
  await until(page, (s) => s.records === 2);
  assert.match((await state(page)).history.message, /新增 1 条/);
  await persisted(page);
  // Full-text search over titles.
  await page.evaluate(() => Module.ccall('jianfu_test_set_field', null, ['string', 'string'], ['history.query', '原生版']));
  await until(page, (s) => s.history.rows === 1 && s.history.titles[0] === '原生版导出的会议通知');
  // Dates typed as people write them, full-width digits from the IME included; half a date filters
  // nothing until it is one.
  await click(page, '##from');
  await page.keyboard.type('２０２０年１月５日');
  await until(page, (s) => s.history.from === '2020-01-05' && s.history.rows === 1);
  await click(page, '##to');
  await page.keyboard.type('2020/1/');
  await until(page, (s) => s.history.to === '' && s.history.rows === 1);
  await page.keyboard.type('6');
  await until(page, (s) => s.history.to === '2020-01-06' && s.history.rows === 0);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await until(page, (s) => s.history.to === '' && s.history.rows === 1);
  // Export downloads one SQLite file holding both records.
  const download = page.waitForEvent('download');
  await click(page, '导出全部记录（一个文件）');
  const file = path.join(dir, 'from-browser.sqlite3');
  await (await download).saveAs(file);
  assert.equal(fs.readFileSync(file).subarray(0, 15).toString(), 'SQLite format 3');
  const verify = JSON.parse(execFileSync(CLI, ['store', 'verify', file]).toString());
  assert.equal(verify.records, 2);
  assert.equal(verify.audit_ok, true);
  // A file that is not a data file is refused with a message, and nothing changes.
  fs.writeFileSync(path.join(dir, 'bad.sqlite3'), 'not a database');
  const chooser2 = page.waitForEvent('filechooser');
  await click(page, '导入数据文件');
  await (await chooser2).setFiles(path.join(dir, 'bad.sqlite3'));
  await until(page, (s) => s.history.error.includes('IMPORT_NOT_SQLITE'));
  assert.equal((await state(page)).records, 2);
  await ctx.close();
});

test('two tabs: the second opens read-only instead of overwriting the first one\'s records', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const a = await ctx.newPage();
  await openApp(a, srv.url);
  const b = await ctx.newPage();
  await openApp(b, srv.url);
  assert.equal((await state(a)).read_only, false);
  assert.equal((await state(b)).read_only, true);
  await ctx.close();
});

test('saved records survive a reload on which the program arrives after IndexedDB has been read', async () => {
  // A returning visitor: the records come from IndexedDB in a few ms, the wasm from the network or
  // the cache later. Loading the records must wait for the program's memory, not fail and start empty.
  // No service worker here: requests it served would bypass the route that holds the wasm back.
  const { ctx, page } = await fresh(undefined, { serviceWorkers: 'block' });
  await command(page, { go: 'training' });
  await command(page, { training: { learner: '李明', select: 'doc-02', answer: { categories: ['DOC_CONSULT_RUSH'] }, submit: true } });
  await until(page, (s) => s.training.attempted === 1);
  await persisted(page);
  let held = 0;
  await page.route('**/app.wasm', async (route) => {
    held++;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await reopen(page);
  assert.equal(held, 1, 'the wasm came through the route that held it back');
  assert.equal(await page.evaluate(() => Module.jianfuStorage.lastError), null);
  await command(page, { go: 'training' });
  const s = (await state(page)).training;
  assert.equal(s.learner, '李明');
  assert.equal(s.attempted, 1);
  await ctx.close();
});

test('hiding the page (another tab, minimised, closing) saves what was typed in the last second', async () => {
  const { ctx, page } = await fresh();
  await click(page, '##发文');
  // One task, no frame in between: the autosave (1 s after the last edit) cannot have run.
  const records = await page.evaluate(() => {
    Module.ccall('jianfu_test_set_field', null, ['string', 'string'], ['title', '切换标签页前刚输入的标题']);
    Module.ccall('jianfu_test_set_field', null, ['string', 'string'], ['body', '请于今天下班前报送，每月排名通报。']);
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    return JSON.parse(Module.ccall('jianfu_test_state', 'string', [], [])).records;
  });
  assert.equal(records, 1, 'saved when the page was hidden');
  await persisted(page);
  await reopen(page);
  await command(page, { go: 'history' });
  assert.deepEqual((await state(page)).history.titles, ['切换标签页前刚输入的标题']);
  await ctx.close();
});

test('the autosave runs after a frame is on screen, in a task of its own', async () => {
  const { ctx, page } = await fresh();
  await click(page, '##发文');
  // Which autosaves ran inside an animation frame's callback (where the frames are built).
  await page.evaluate(() => {
    window.__inFrame = false;
    window.__saves = [];
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (f) => raf((ts) => {
      window.__inFrame = true;
      try { f(ts); } finally { window.__inFrame = false; }
    });
    Module.jianfuAfterFrameDone = () => window.__saves.push(window.__inFrame);
  });
  await page.evaluate(() => Module.ccall('jianfu_test_set_field', null, ['string', 'string'], ['body', '请于今天下班前报送，每月排名通报。']));
  await until(page, (s) => s.records === 1 && s.assess.saved);
  assert.deepEqual(await page.evaluate(() => window.__saves), [false], 'one autosave, outside every animation frame');
  await ctx.close();
});

test('a copy to IndexedDB that fails (quota full) is shown to the user, and cleared when a later copy works', async () => {
  const { ctx, page } = await fresh();
  await command(page, { go: 'training' });
  await page.evaluate(() => {
    window.realPut = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () { throw new DOMException('full', 'QuotaExceededError'); };
  });
  await command(page, { training: { learner: '钱多' } });
  await until(page, (s) => /STORAGE_SYNC_FAILED：QuotaExceededError/.test(s.storage_warning));
  assert.equal((await state(page)).training.learner, '钱多', 'what was typed stays on screen');
  await page.evaluate(() => { IDBObjectStore.prototype.put = window.realPut; });
  await command(page, { training: { learner: '钱多多' } });
  await until(page, (s) => s.storage_warning === '');
  await persisted(page);
  await reopen(page);
  await command(page, { go: 'training' });
  assert.equal((await state(page)).training.learner, '钱多多');
  await ctx.close();
});

test('a change saved within the same millisecond as the previous copy still reaches IndexedDB', async () => {
  // IndexedDB's copy is refreshed only for files whose modification time changed, in whole ms.
  // With the clock held still, every write carries the same time as the copy already saved.
  const { ctx, page } = await fresh();
  await command(page, { go: 'training' });
  await page.evaluate(() => { const t = Date.now(); Date.now = () => t; });
  await command(page, { training: { learner: '甲' } });
  await persisted(page);
  await command(page, { training: { learner: '乙' } });
  await persisted(page);
  await reopen(page);
  await command(page, { go: 'training' });
  assert.equal((await state(page)).training.learner, '乙');
  await ctx.close();
});

test('training: an answer is graded at once, saved under the learner, and progress survives a reload', async () => {
  const { ctx, page } = await fresh();
  await click(page, '##培训练习');
  assert.equal((await state(page)).screen, 'training');
  assert.ok((await state(page)).training.exercises >= 30);
  await command(page, { training: { learner: '王芳', select: 'doc-02', answer: { categories: ['DOC_CONSULT_RUSH'] }, submit: true } });
  let s = (await state(page)).training;
  assert.equal(s.graded, true);
  assert.equal(s.correct, false, 'one of two problems found is not a full answer');
  await command(page, { training: { answer: { categories: ['DOC_CONSULT_RUSH', 'DOC_DEMAND_SUPPORTING'] }, submit: true } });
  await until(page, (st) => st.training.correct && st.training.all_right === 1);
  await persisted(page);
  await reopen(page);
  await command(page, { go: 'training' });
  s = (await state(page)).training;
  assert.equal(s.learner, '王芳', 'the learner name is kept on the device');
  assert.equal(s.attempted, 1);
  assert.equal(s.all_right, 1);
  await ctx.close();
});

test('training test mode: a chapter of sentence-picking exercises is answered by clicking, graded at the end, and kept', async () => {
  const course = JSON.parse(fs.readFileSync(path.join(ROOT, 'assets/courses/basic.json'), 'utf8'));
  const chapter = course.chapters.find((c) => c.id === 'passage');
  const items = course.exercises.filter((e) => e.chapter === 'passage');
  assert.ok(items.length >= 3 && items.every((e) => e.task === 'passages'));
  const { ctx, page, errors } = await fresh();
  await click(page, '##培训练习');
  await command(page, { training: { learner: '李强' } });
  await click(page, '测验模式');
  await click(page, `##test-${chapter.id}`);
  await click(page, '开始测验');
  let s = (await state(page)).training;
  assert.equal(s.test.running, true);
  assert.equal(s.test.items, items.length);
  // Tick the reference sentences of every exercise but the last; there, tick a sentence that is fine.
  for (const [i, e] of items.entries()) {
    assert.equal((await state(page)).training.current, e.id);
    const last = i === items.length - 1;
    const picks = last ? [e.answer.passages[0] === 0 ? 1 : 0] : e.answer.passages;
    for (const p of picks) await click(page, `##p${p}`);
    await click(page, last ? '交卷' : '下一题');
  }
  s = (await state(page)).training;
  assert.equal(s.test.done, true);
  assert.equal(s.test.score, items.length - 1, 'every exercise but the last is right');
  assert.equal(s.test.max, items.length);
  assert.equal(s.attempted, items.length, 'every answer of the test is saved');
  assert.equal(s.all_right, items.length - 1);
  await page.screenshot({ path: path.join(os.tmpdir(), 'jianfu-training-test.png') });
  await persisted(page);
  await reopen(page);
  await command(page, { go: 'training' });
  s = (await state(page)).training;
  assert.equal(s.learner, '李强');
  assert.equal(s.attempted, items.length, 'the test attempts survive a reload');
  assert.deepEqual(errors, []);
  await ctx.close();
});
