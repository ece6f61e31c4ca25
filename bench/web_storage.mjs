// What saving costs the page as records accumulate: the copy of the database to IndexedDB after an
// autosave (web/js/storage.js), with 0, 100 and 300 assessments of a 4,000-character draft stored.
// For each store size, ten autosaves of an edited draft; per copy, the time the page spent inside
// IndexedDB's put() (where the browser clones what is written, on the page's own thread), the
// bytes handed to it, and the time from the save to the copy's end; and how much the file grew.
//   node bench/web_storage.mjs [sizes...]   (needs the web build and tests/browser's node_modules)
//   JIANFU_SITE=<site> node bench/web_storage.mjs   (another build, to compare)
import { SITE, startServer, launch } from '../tests/browser/lib/harness.mjs';
import { draft4000, storeRecords } from './lib/draft.mjs';

const sizes = process.argv.slice(2).map(Number);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const { server, url } = await startServer();
const browser = await launch();
console.log(`site: ${SITE}`);

for (const records of sizes.length ? sizes : [0, 100, 300]) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await page.goto(url + '?test');
  await page.waitForFunction(() => window.Module && Module.jianfuFrames >= 3);
  const draft = draft4000();
  await storeRecords(page, records);
  // The draft being written, saved once.
  await page.evaluate((draft) => {
    Module.ccall('jianfu_test_command', null, ['string'], ['{"start":"document"}']);
    Module.ccall('jianfu_test_set_field', null, ['string', 'string'], ['body', window.__draft = draft]);
    Module.ccall('jianfu_save_now', null, [], []);
    Module.jianfuPersist();
  }, draft);
  await page.waitForFunction(() => Module.jianfuStorage.syncs > 0 && !Module.jianfuStorage.pending, null, { timeout: 120000 });
  const size = await page.evaluate(() => Module.FS.stat('/data/jianfu.sqlite3').size);
  // put() timed and its bytes counted, from here on.
  await page.evaluate(() => {
    window.__put = { ms: 0, bytes: 0 };
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (value, key) {
      const t = performance.now();
      try { return put.call(this, value, key); } finally {
        window.__put.ms += performance.now() - t;
        const v = value && value.contents !== undefined ? value.contents : value;
        if (v && v.byteLength !== undefined) window.__put.bytes += v.byteLength;
      }
    };
  });
  const rows = [];
  for (let k = 0; k < 10; k++) {
    const r = await page.evaluate(() => new Promise((resolve) => {
      window.__put = { ms: 0, bytes: 0 };
      const syncs = Module.jianfuStorage.syncs;
      const t0 = performance.now();
      Module.ccall('jianfu_test_set_field', null, ['string', 'string'], ['body', window.__draft += '请各乡镇按时报送。']);
      Module.ccall('jianfu_save_now', null, [], []);
      const wait = () => {
        if (Module.jianfuStorage.syncs > syncs && !Module.jianfuStorage.pending) resolve({ ...window.__put, wall: performance.now() - t0 });
        else setTimeout(wait, 1);
      };
      wait();
    }));
    rows.push(r);
  }
  const grown = (await page.evaluate(() => Module.FS.stat('/data/jianfu.sqlite3').size)) - size;
  console.log(`${records} records stored, database ${(size / 1048576).toFixed(1)} MB, ${(grown / 10 / 1024).toFixed(0)} KB more per autosave: per autosave's copy, ` +
              `put() ${median(rows.map((r) => r.ms)).toFixed(1)} ms (max ${Math.max(...rows.map((r) => r.ms)).toFixed(1)}), ` +
              `${(median(rows.map((r) => r.bytes)) / 1024).toFixed(0)} KB handed over, ` +
              `save to copy done ${median(rows.map((r) => r.wall)).toFixed(0)} ms (medians of 10)`);
  await ctx.close();
}
await browser.close();
server.close();
