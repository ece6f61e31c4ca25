// Keeps the database in IndexedDB. /data is a MEMFS directory that the SQLite file lives in; this
// file mirrors it to IndexedDB in chunks of CHUNK bytes and, after every committed change
// (Module.jianfuPersist, called from C++), writes back only the chunks that SQLite wrote since the
// last copy, together with each file's size, in one transaction: the saved copy is always one
// committed state, and a copy costs what the change touched, not what the database holds.
// Emscripten's IDBFS, used before, put every changed file whole: the page stopped for ~2 ms per MB
// of database on each autosave (docs/BENCHMARKS.md), so typing grew slower as records grew.
//
// Loaded from IndexedDB before main() runs (a run dependency, so the database is never opened empty
// by mistake; a failed load leaves the page read-only rather than saving an empty database over the
// records). One copy at a time; a copy that fails leaves its chunks marked, so the next one retries
// them. Also a save and a copy when the page is hidden. beforeunload is not relied on: browsers do
// not wait for it. A copy that IDBFS saved (earlier versions) is read once and carried over.
'use strict';
(function () {
  var DB_NAME = 'jianfu-data', FILES = 'files', CHUNKS = 'chunks';
  var CHUNK = 16384;  // four SQLite pages: an autosave touches some tens of pages
  var LEGACY_DB = '/data', LEGACY_STORE = 'FILE_DATA';  // IDBFS's database for the /data mount
  var DIR = '/data';

  var db = null, mount = null, loading = false, legacy = false;
  var syncing = false, again = false, runs = 0;
  var dirty = {};  // path → { chunk index: true } written since the last copy
  var saved = {};  // path → size of the saved copy
  var state = Module['jianfuStorage'] = { syncs: 0, lastError: null, pending: false, loaded: false, lastBytes: 0, marked: 0 };

  function mark(path, from, to) {
    var set = dirty[path] || (dirty[path] = {});
    for (var i = Math.floor(from / CHUNK); i * CHUNK < to; i++) set[i] = true;
  }

  // Every write into a file of /data marks the chunks it touched. MEMFS's file operations are one
  // table shared by all its files; only nodes of this mount are marked.
  function watchWrites(FS) {
    var ops = FS.filesystems.MEMFS.ops_table.file.stream;
    var write = ops.write;
    ops.write = function (stream, buffer, offset, length, position, canOwn) {
      var n = write.apply(this, arguments);
      if (!loading && stream.node.mount === mount && n > 0) mark(DIR + '/' + stream.node.name, position, position + n);
      return n;
    };
  }

  function files(FS) {
    var out = {};
    FS.readdir(DIR).forEach(function (name) {
      if (name === '.' || name === '..') return;
      var path = DIR + '/' + name, node = FS.lookupPath(path).node;
      if (FS.isFile(node.mode)) out[path] = node;
    });
    return out;
  }

  // What to write: for each file, its size and the chunks marked (a file that grew or shrank by a
  // truncation also gets the chunks between its old and new end); the files gone since.
  function collect(FS) {
    var now = files(FS), work = { puts: [], sizes: {}, gone: [], bytes: 0 };
    Object.keys(now).forEach(function (path) {
      var node = now[path], size = node.usedBytes;
      var before = saved[path] === undefined ? 0 : saved[path];
      if (size !== before) mark(path, Math.max(0, Math.min(size, before) - 1), Math.max(size, before));
      var set = dirty[path] || {};
      if (size === saved[path] && !Object.keys(set).length) return;
      work.sizes[path] = { size: size, before: before };
      Object.keys(set).forEach(function (k) {
        var start = Number(k) * CHUNK;
        if (start >= size) return;  // past the end: removed below
        var bytes = node.contents.slice(start, Math.min(size, start + CHUNK));
        work.puts.push([path, Number(k), bytes]);
        work.bytes += bytes.length;
      });
    });
    Object.keys(saved).forEach(function (path) { if (!now[path]) work.gone.push(path); });
    return work;
  }

  function sync() {
    if (Module['jianfuReadOnly'] || !db) return;  // another tab owns the database, or it failed to load
    if (syncing) { again = true; state.pending = true; return; }
    syncing = true;
    state.pending = true;
    var FS = Module['FS'];
    var taken = dirty, work;
    try {
      work = collect(FS);
    } catch (e) {
      done(++runs, String(e.name || e));
      return;
    }
    dirty = {};
    var mine = ++runs;
    // Marks what this copy was to write again, for the next one to retry.
    function restore() {
      Object.keys(taken).forEach(function (path) {
        var set = dirty[path] || (dirty[path] = {});
        Object.keys(taken[path]).forEach(function (i) { set[i] = true; });
      });
    }
    // IndexedDB may never answer when the browser aborts a transaction itself: after 10 s the copy
    // counts as failed, and a late answer from it is ignored.
    var watchdog = setTimeout(function () { restore(); done(mine, 'Timeout'); }, 10000);
    var finish = function (error) {
      clearTimeout(watchdog);
      if (mine !== runs) return;
      if (error) {
        restore();
        console.error('IndexedDB 同步失败', error);
      } else {
        Object.keys(work.sizes).forEach(function (path) { saved[path] = work.sizes[path].size; });
        work.gone.forEach(function (path) { delete saved[path]; });
        state.lastBytes = work.bytes;
        if (legacy) { legacy = false; indexedDB.deleteDatabase(LEGACY_DB); }  // carried over, and now saved here
      }
      done(mine, error);
    };
    var tx;
    try {
      tx = db.transaction([FILES, CHUNKS], 'readwrite');
      var chunks = tx.objectStore(CHUNKS), meta = tx.objectStore(FILES);
      work.puts.forEach(function (p) { chunks.put(p[2], [p[0], p[1]]); });
      Object.keys(work.sizes).forEach(function (path) {
        var s = work.sizes[path];
        var count = Math.ceil(s.size / CHUNK), had = Math.ceil(s.before / CHUNK);
        if (had > count) chunks.delete(IDBKeyRange.bound([path, count], [path, had], false, true));
        meta.put({ size: s.size, chunk: CHUNK }, path);
      });
      work.gone.forEach(function (path) {
        chunks.delete(IDBKeyRange.bound([path, 0], [path, Infinity]));
        meta.delete(path);
      });
    } catch (e) {
      if (tx) try { tx.abort(); } catch (ignored) { /* already finished */ }
      finish(String(e.name || e));
      return;
    }
    tx.oncomplete = function () { finish(null); };
    tx.onabort = function () { finish(String((tx.error && tx.error.name) || 'AbortError')); };
  }

  function done(run, error) {
    if (run !== runs || !syncing) return;
    syncing = false;
    state.syncs++;
    // Chunks written since, or left from a copy that failed: what the next copy will write.
    state.marked = Object.keys(dirty).reduce(function (n, path) { return n + Object.keys(dirty[path]).length; }, 0);
    // The app tells the user when a copy fails (quota full, storage refused) and when it works again.
    if (error !== state.lastError && Module['_jianfu_storage_status'])
      Module['ccall']('jianfu_storage_status', null, ['string'], [error || '']);
    state.lastError = error;
    if (again) { again = false; sync(); } else { state.pending = false; }
  }
  Module['jianfuPersist'] = sync;

  // One writer across tabs: each tab holds its own copy of the file, and the last copy would win,
  // silently dropping the other tab's records. A tab takes a Web Lock for as long as it lives and
  // reads the database only once it holds it. A reload waits the moment the old page needs to let
  // go (and to finish its last write); a second tab finds the lock still held after 2 s and opens
  // read-only (the app says so). Resolves once this tab knows whether it may write.
  function claim() {
    return new Promise(function (decided) {
      if (!navigator.locks || !navigator.locks.request || typeof AbortController === 'undefined') { decided(); return; }
      var give_up = new AbortController();
      var timer = setTimeout(function () { give_up.abort(); }, 2000);
      navigator.locks.request('jianfu-db', { signal: give_up.signal }, function () {
        clearTimeout(timer);
        decided();
        return new Promise(function () {});  // held until the page goes away
      }).catch(function (e) {
        clearTimeout(timer);
        // Still held by another tab: read-only. Any other failure (no locks on this page): writable.
        if (e && e.name === 'AbortError') readOnly('other-tab');
        decided();
      });
    });
  }

  function readOnly(why) {
    Module['jianfuReadOnly'] = true;
    Module['jianfuReadOnlyWhy'] = why;
  }

  function request(r) {
    return new Promise(function (ok, bad) {
      r.onsuccess = function () { ok(r.result); };
      r.onerror = function () { bad(r.error); };
    });
  }

  function openDb() {
    var r = indexedDB.open(DB_NAME, 1);
    r.onupgradeneeded = function () {
      r.result.createObjectStore(FILES);
      r.result.createObjectStore(CHUNKS);
    };
    return request(r);
  }

  // The saved files: path → bytes. A file whose chunks do not add up to its size fails the load.
  function readSaved() {
    var tx = db.transaction([FILES, CHUNKS], 'readonly');
    var meta = tx.objectStore(FILES), chunks = tx.objectStore(CHUNKS);
    return Promise.all([request(meta.getAllKeys()), request(meta.getAll())]).then(function (m) {
      return Promise.all(m[0].map(function (path, k) {
        var info = m[1][k];
        return request(chunks.getAll(IDBKeyRange.bound([path, 0], [path, Infinity]))).then(function (parts) {
          var bytes = new Uint8Array(info.size), at = 0;
          if (info.chunk !== CHUNK || parts.length !== Math.ceil(info.size / CHUNK)) throw new Error('missing chunks of ' + path);
          parts.forEach(function (p) {
            if (!(p instanceof Uint8Array) || at + p.length > info.size) throw new Error('bad chunk of ' + path);
            bytes.set(p, at);
            at += p.length;
          });
          if (at !== info.size) throw new Error('short file ' + path);
          return [path, bytes];
        });
      }));
    });
  }

  // A copy saved by IDBFS (earlier versions): path → bytes, or null if there is none. Opening it
  // must not create it: the upgrade of a database that does not exist is aborted.
  function readLegacy() {
    return new Promise(function (ok, bad) {
      var r = indexedDB.open(LEGACY_DB);
      r.onupgradeneeded = function () { r.transaction.abort(); };
      r.onerror = function (e) {
        if (r.error && r.error.name === 'AbortError') { e.preventDefault(); ok(null); } else bad(r.error);
      };
      r.onsuccess = function () {
        var old = r.result;
        if (!old.objectStoreNames.contains(LEGACY_STORE)) { old.close(); ok(null); return; }
        var out = [], store = old.transaction(LEGACY_STORE, 'readonly').objectStore(LEGACY_STORE);
        var cursor = store.openCursor();
        cursor.onerror = function () { old.close(); bad(cursor.error); };
        cursor.onsuccess = function () {
          var c = cursor.result;
          if (!c) { old.close(); ok(out); return; }
          var v = c.value;
          if (v && v.contents !== undefined) {
            if (!(v.contents instanceof Uint8Array) && !ArrayBuffer.isView(v.contents)) { old.close(); bad(new Error('bad entry ' + c.key)); return; }
            out.push([String(c.key), new Uint8Array(v.contents.buffer, v.contents.byteOffset, v.contents.byteLength)]);
          }
          c.continue();
        };
      };
    });
  }

  // The lock is sought, and the database opened, in preInit, while the wasm downloads and compiles.
  // The files are copied into /data only in preRun: MEMFS cannot take a write before the wasm's
  // memory exists (it compares every write's buffer with the heap), and from the offline cache
  // IndexedDB answers first.
  Module['preInit'] = Module['preInit'] || [];
  Module['preInit'].push(function () {
    var FS = Module['FS'];
    FS.mkdir(DIR);
    mount = FS.mount(FS.filesystems.MEMFS, {}, DIR).mount;
    watchWrites(FS);
    var owner = claim();
    var opened = openDb();
    var loaded = Promise.all([owner, opened]).then(function (r) {
      db = r[1];
      return readSaved();
    }).then(function (found) {
      if (found.length) return found;
      return readLegacy().then(function (old) {
        if (!old || !old.length) return [];
        legacy = true;
        return old;
      });
    });
    Module['preRun'] = Module['preRun'] || [];
    Module['preRun'].push(function () {
      Module['addRunDependency']('jianfu-storage');
      performance.mark('jianfu-idb-start');
      loaded.then(function (found) {
        loading = true;
        try {
          found.forEach(function (f) {
            FS.writeFile(f[0], f[1]);
            // Carried over from IDBFS: written here whole at the first copy.
            if (legacy) mark(f[0], 0, f[1].length); else saved[f[0]] = f[1].length;
          });
        } finally {
          loading = false;
        }
      }).catch(function (err) {
        // Whatever did arrive may be partial: never let it be written back over the saved copy.
        state.lastError = String(err);
        readOnly('load-failed');
        console.error('无法从 IndexedDB 读取已保存的记录', err);
      }).then(function () {
        performance.mark('jianfu-idb-loaded');
        state.loaded = true;
        Module['removeRunDependency']('jianfu-storage');
        if (legacy && !Module['jianfuReadOnly']) setTimeout(sync, 0);
      });
    });
  });

  // Hidden (another tab, minimised, closing): write what waits for the autosave delay, then copy.
  // pagehide as well, for browsers that leave a page without a visibilitychange.
  function leaving() {
    if (!state.loaded) return;
    try {
      if (Module['_jianfu_save_now']) Module['_jianfu_save_now']();
    } finally {
      sync();  // even if the program has stopped: what it did commit is copied
    }
  }
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') leaving();
  });
  window.addEventListener('pagehide', leaving);
  // Ask the browser not to evict our data under storage pressure.
  // Refused or unsupported (some browsers, private windows): the data is still kept, only evictable.
  if (navigator.storage && navigator.storage.persist) {
    navigator.storage.persist().then(function (granted) { state.persistent = granted; },
                                     function () { state.persistent = false; });
  }
})();
