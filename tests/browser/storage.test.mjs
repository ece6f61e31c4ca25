// The saved copy of the database in IndexedDB (web/js/storage.js): a copy writes the chunks SQLite
// changed, not the whole file; a saved copy that cannot be read is left alone; what a failed copy
// was to write is written by the next; a copy saved by earlier versions (Emscripten's IDBFS) is
// carried over without losing a record.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, state, command, until, persisted, reopen, frames } from './lib/harness.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

async function fresh() {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await openApp(page, srv.url);
  return { ctx, page };
}

// The saved copy: each file's size and its chunks' sizes, read from the page's IndexedDB. `damage`
// (a path) first deletes the middle chunk of that file, as a browser's storage might lose one.
function savedCopy(page, damage) {
  return page.evaluate((damage) => new Promise((resolve, reject) => {
    const open = indexedDB.open('jianfu-data');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['files', 'chunks'], 'readwrite');
      const out = {};
      tx.objectStore('files').openCursor().onsuccess = (e) => {
        const c = e.target.result;
        if (c) { out[c.key] = { size: c.value.size, chunks: [] }; c.continue(); }
      };
      const chunks = tx.objectStore('chunks');
      chunks.openCursor().onsuccess = (e) => {
        const c = e.target.result;
        if (!c) return;
        (out[c.key[0]] || (out[c.key[0]] = { size: null, chunks: [] })).chunks.push(c.value.length);
        c.continue();
      };
      tx.oncomplete = () => {
        if (!damage) { db.close(); resolve(out); return; }
        const n = out[damage].chunks.length;
        const del = db.transaction('chunks', 'readwrite');
        del.objectStore('chunks').delete([damage, Math.floor(n / 2)]);
        del.oncomplete = () => { db.close(); resolve(out); };
      };
    };
  }), damage);
}

const DB = '/data/jianfu.sqlite3';

// Reloads the page and checks that the records come back from the saved copy, writable, with a
// record titled `title` among them.
async function readBack(page, records, title) {
  await reopen(page);
  const s = await state(page);
  assert.equal(s.read_only, false);
  assert.equal(s.records, records);
  await command(page, { go: 'history' });
  assert.ok((await state(page)).history.titles.includes(title), `${title} read back`);
}

// Records with some text each (1,200 characters), so that the file spans many chunks.
async function someRecords(page, count = 20) {
  for (let i = 0; i < count; i++) {
    await page.evaluate((i) => {
      Module.ccall('jianfu_test_command', null, ['string'], [JSON.stringify({ start: 'document' })]);
      Module.ccall('jianfu_test_set_field', null, ['string', 'string'], ['title', `第${i}号通知`]);
      Module.ccall('jianfu_test_set_field', null, ['string', 'string'], ['body', `各乡镇要按时报送材料并排名通报，第${i}次。`.repeat(60)]);
      Module.ccall('jianfu_save_now', null, [], []);
    }, i);
  }
  await persisted(page);
}

test('a copy to IndexedDB writes the chunks that changed, and the saved copy adds up to the file', async () => {
  const { ctx, page } = await fresh();
  await someRecords(page, 60);
  assert.equal((await state(page)).records, 60);
  const size = await page.evaluate((p) => Module.FS.stat(p).size, DB);
  let copy = await savedCopy(page);
  assert.equal(copy[DB].size, size, 'the saved size is the file size');
  assert.equal(copy[DB].chunks.reduce((a, b) => a + b, 0), size, 'the chunks add up to the file');
  assert.ok(copy[DB].chunks.length >= 8, `the file spans ${copy[DB].chunks.length} chunks`);
  // One more small change: the copy after it writes a part of the file, not all of it.
  await page.evaluate(() => {
    Module.ccall('jianfu_test_set_field', null, ['string', 'string'], ['title', '改过的标题']);
    Module.ccall('jianfu_save_now', null, [], []);
  });
  await persisted(page);
  const written = await page.evaluate(() => Module.jianfuStorage.lastBytes);
  assert.ok(written > 0 && written < size / 2, `a title change wrote ${written} of ${size} bytes`);
  copy = await savedCopy(page);
  assert.equal(copy[DB].chunks.reduce((a, b) => a + b, 0), await page.evaluate((p) => Module.FS.stat(p).size, DB));
  // And what was saved in parts reads back whole.
  await readBack(page, 60, '改过的标题');
  await ctx.close();
});

test('a saved copy that cannot be read is left alone: the page opens read-only and says why', async () => {
  const { ctx, page } = await fresh();
  await someRecords(page);
  const before = await savedCopy(page, DB);  // loses a chunk after this reading
  await reopen(page);
  const s = await state(page);
  assert.equal(s.read_only, true);
  assert.match(s.read_only_reason, /STORAGE_LOAD_FAILED/);
  // Nothing done on this page reaches the saved copy, not even the flush when the page is hidden.
  await command(page, { go: 'training' });
  await command(page, { training: { learner: '另一个人', select: 'doc-02', answer: { categories: ['DOC_CONSULT_RUSH'] }, submit: true } });
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    Module.jianfuPersist();
  });
  await frames(page, 5);
  assert.equal(await page.evaluate(() => Module.jianfuStorage.syncs), 0);
  const after = await savedCopy(page);
  const lost = Math.floor(before[DB].chunks.length / 2);
  assert.deepEqual(after[DB].chunks, before[DB].chunks.filter((_, i) => i !== lost), 'only the lost chunk is missing');
  assert.equal(after[DB].size, before[DB].size);
  await ctx.close();
});

test('records saved by an earlier version (IDBFS) are carried over, and its copy is removed once saved anew', async () => {
  const { ctx, page } = await fresh();
  await someRecords(page);
  // Turn the saved copy into what earlier versions left: the file whole in IDBFS's store, and no
  // copy of this version's.
  await page.evaluate((p) => new Promise((resolve, reject) => {
    const bytes = Module.FS.readFile(p);
    const open = indexedDB.open('/data', 21);
    open.onupgradeneeded = () => open.result.createObjectStore('FILE_DATA');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('FILE_DATA', 'readwrite');
      tx.objectStore('FILE_DATA').put({ timestamp: new Date(), mode: 16877 }, '/data');
      tx.objectStore('FILE_DATA').put({ timestamp: new Date(), mode: 33206, contents: bytes }, p);
      tx.oncomplete = () => {
        open.result.close();
        const del = indexedDB.deleteDatabase('jianfu-data');
        del.onsuccess = () => resolve();
        del.onblocked = () => resolve();  // the page's own connection: deleted once the page goes
      };
    };
  }), DB);
  await reopen(page);
  let s = await state(page);
  assert.equal(s.read_only, false);
  assert.equal(s.records, 20, 'every record came over');
  await persisted(page);  // the carried-over file saved in this version's store
  const copy = await savedCopy(page);
  assert.equal(copy[DB].chunks.reduce((a, b) => a + b, 0), await page.evaluate((p) => Module.FS.stat(p).size, DB));
  const names = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name).sort());
  assert.deepEqual(names, ['jianfu-data'], 'the IDBFS copy is gone');
  // And the next visit reads this version's copy.
  await reopen(page);
  s = await state(page);
  assert.equal(s.records, 20);
  assert.equal(s.read_only, false);
  await ctx.close();
});

test('what a failed copy was to write stays marked, and the next copy writes it', async () => {
  const { ctx, page } = await fresh();
  await someRecords(page, 5);
  await page.evaluate(() => {
    window.realPut = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () { throw new DOMException('full', 'QuotaExceededError'); };
    // A new title for the record open on the screen (the last one stored): a change inside the file.
    Module.ccall('jianfu_test_set_field', null, ['string', 'string'], ['title', '存储已满时改的标题']);
    Module.ccall('jianfu_save_now', null, [], []);
  });
  await until(page, (s) => /QuotaExceededError/.test(s.storage_warning));
  assert.ok(await page.evaluate(() => Module.jianfuStorage.marked) > 0, 'the chunks of the failed copy stay marked');
  // The next change is of another kind: the learner's name, in the settings.
  await page.evaluate(() => { IDBObjectStore.prototype.put = window.realPut; });
  await command(page, { go: 'training' });
  await command(page, { training: { learner: '孙丽' } });
  await until(page, (s) => s.storage_warning === '');
  await persisted(page);
  assert.equal(await page.evaluate(() => Module.jianfuStorage.marked), 0, 'all of them written');
  await readBack(page, 5, '存储已满时改的标题');
  await ctx.close();
});
