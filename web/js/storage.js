// Keeps the database in IndexedDB. /data is an IDBFS mount: loaded from IndexedDB before main()
// runs (a run dependency, so the database is never opened empty by mistake; a failed load leaves
// the page read-only rather than saving an empty database over the records), and written back after
// every committed change (Module.jianfuPersist, called from C++), one sync at a time, plus a save
// and a flush when the page is hidden. beforeunload is not relied on: browsers do not wait for it.
'use strict';
(function () {
  var syncing = false, again = false, stamp = 0, runs = 0;
  var state = Module['jianfuStorage'] = { syncs: 0, lastError: null, pending: false, loaded: false };

  // Calls fn with the path of each file of the database directory.
  function eachFile(fn) {
    Module['FS'].readdir('/data').forEach(function (name) {
      if (name !== '.' && name !== '..') fn('/data/' + name);
    });
  }

  function sync() {
    if (Module['jianfuReadOnly']) return;  // another tab owns the database, or it failed to load: keep the saved copy
    if (syncing) { again = true; state.pending = true; return; }
    syncing = true;
    state.pending = true;
    // IDBFS copies a file only if its modification time differs from the saved copy's, and times
    // are whole milliseconds: a commit made in the same millisecond as the last copy was taken
    // would never be copied. Each run first gives the files a time no earlier copy can have.
    var FS = Module['FS'];
    stamp = Math.max(Date.now(), stamp + 1);
    eachFile(function (path) { FS.utime(path, stamp, stamp); });
    // IDBFS never answers when IndexedDB aborts the transaction itself (a full quota does that):
    // after 10 s the copy counts as failed, and a late answer from it is ignored.
    var mine = ++runs;
    var watchdog = setTimeout(function () { done(mine, 'Timeout'); }, 10000);
    FS.syncfs(false, function (err) {
      clearTimeout(watchdog);
      if (err) console.error('IndexedDB 同步失败', err);
      done(mine, err ? String(err.name || err) : null);
    });
  }

  function done(run, error) {
    if (run !== runs || !syncing) return;
    syncing = false;
    state.syncs++;
    // The app tells the user when a copy fails (quota full, storage refused) and when it works again.
    if (error !== state.lastError && Module['_jianfu_storage_status'])
      Module['ccall']('jianfu_storage_status', null, ['string'], [error || '']);
    state.lastError = error;
    if (again) { again = false; sync(); } else { state.pending = false; }
  }
  Module['jianfuPersist'] = sync;

  // One writer across tabs: each tab holds its own copy of the file, and the last sync would win,
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

  // The lock is sought, and the database opened, in preInit, while the wasm downloads and compiles.
  // The files are copied into /data only in preRun: MEMFS cannot take a write before the wasm's
  // memory exists (it compares every write's buffer with the heap), and from the offline cache
  // IndexedDB answers first.
  Module['preInit'] = Module['preInit'] || [];
  Module['preInit'].push(function () {
    var FS = Module['FS'];
    FS.mkdir('/data');
    FS.mount(FS.filesystems.IDBFS, {}, '/data');
    var owner = claim();
    // Opening the database (creating it, on a first visit) reads nothing and can run alongside the
    // wasm compile; IDBFS keeps the connection for the load below. If this fails, the load opens
    // it again and reports the failure there.
    FS.filesystems.IDBFS.getDB('/data', function () {});
    Module['preRun'] = Module['preRun'] || [];
    Module['preRun'].push(function () {
      Module['addRunDependency']('jianfu-idbfs');
      owner.then(function () {
        performance.mark('jianfu-idb-start');
        FS.syncfs(true, function (err) {
          performance.mark('jianfu-idb-loaded');
          if (err) {
            // Whatever did arrive may be partial: never let it be written back over the saved copy.
            state.lastError = String(err);
            readOnly('load-failed');
            console.error('无法从 IndexedDB 读取已保存的记录', err);
          }
          // Later copies must be stamped after the times just loaded (the last page's clock may
          // have run ahead of this one's).
          eachFile(function (path) { stamp = Math.max(stamp, FS.stat(path).mtime.getTime()); });
          state.loaded = true;
          Module['removeRunDependency']('jianfu-idbfs');
        });
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
