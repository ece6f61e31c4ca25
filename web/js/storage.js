// Keeps the database in IndexedDB. /data is an IDBFS mount: loaded from IndexedDB before main()
// runs (a run dependency, so the database is never opened empty by mistake), and written back after
// every committed change (Module.jianfuPersist, called from C++), one sync at a time, plus a flush
// when the page is hidden. beforeunload is not relied on: browsers do not wait for it.
'use strict';
(function () {
  var syncing = false, again = false;
  var state = Module['jianfuStorage'] = { syncs: 0, lastError: null, pending: false, loaded: false };

  function sync() {
    if (syncing) { again = true; state.pending = true; return; }
    syncing = true;
    state.pending = true;
    Module['FS'].syncfs(false, function (err) {
      syncing = false;
      state.syncs++;
      state.lastError = err ? String(err) : null;
      if (err) console.error('IndexedDB 同步失败', err);
      if (again) { again = false; sync(); } else { state.pending = false; }
    });
  }
  Module['jianfuPersist'] = sync;

  Module['preRun'].push(function () {
    var FS = Module['FS'];
    FS.mkdir('/data');
    FS.mount(FS.filesystems.IDBFS, {}, '/data');
    Module['addRunDependency']('jianfu-idbfs');
    FS.syncfs(true, function (err) {
      if (err) {
        state.lastError = String(err);
        console.error('无法从 IndexedDB 读取已保存的记录', err);
      }
      state.loaded = true;
      Module['removeRunDependency']('jianfu-idbfs');
    });
  });

  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden' && state.loaded) sync();
  });
  // Ask the browser not to evict our data under storage pressure.
  // Refused or unsupported (some browsers, private windows): the data is still kept, only evictable.
  if (navigator.storage && navigator.storage.persist) {
    navigator.storage.persist().then(function (granted) { state.persistent = granted; },
                                     function () { state.persistent = false; });
  }
})();
