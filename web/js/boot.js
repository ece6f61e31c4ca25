// Page start-up: the Module object emscripten's app.js reads, and the loading/error status line.
'use strict';
var Module = window.Module || {};
performance.mark('jianfu-boot');
Module['canvas'] = document.getElementById('canvas');
Module['preRun'] = Module['preRun'] || [];
Module['jianfuFrames'] = 0;       // frames built (the app ran: input, timers, the caret)
Module['jianfuFramesDrawn'] = 0;  // of those, frames that changed the picture and were drawn
Module['jianfuFrameDone'] = function (drawn) {
  if (drawn) Module['jianfuFramesDrawn']++;
  if (Module['jianfuFrames']++ === 0) {
    performance.mark('jianfu-first-frame');
    document.getElementById('status').classList.add('hidden');
    window.dispatchEvent(new Event('jianfu-first-frame'));
  }
};
Module['printErr'] = function (text) { console.error(text); };
Module['onAbort'] = function (what) {
  var s = document.getElementById('status');
  s.classList.remove('hidden');
  s.classList.add('error');
  s.textContent = '程序出错，已停止（' + what + '）。已保存的记录不受影响，请刷新页面重试。';
};
// The app's wasm uses WebAssembly's exceptions (cmake/JianfuWeb.cmake), which browsers have run
// since 2021. An older browser would fail to compile it and show a bare error: instead, it is told
// plainly what to use, and the app is not started (emscripten waits on instantiateWasm for good).
// The probe is the smallest module with a `try` block.
Module['jianfuWasmSupported'] = (function () {
  try {
    return typeof WebAssembly === 'object' && WebAssembly.validate(new Uint8Array([
      0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,  // magic, version
      0x01, 0x04, 0x01, 0x60, 0x00, 0x00,              // one type: no parameters, no results
      0x03, 0x02, 0x01, 0x00,                          // one function of that type
      0x0a, 0x07, 0x01, 0x05, 0x00, 0x06, 0x40, 0x0b, 0x0b  // its body: try, end, end
    ]));
  } catch (e) {
    return false;
  }
})();
if (!Module['jianfuWasmSupported']) {
  (function () {
    var s = document.getElementById('status');
    s.classList.add('error');
    s.textContent = '此浏览器版本过旧，无法运行本工具（缺少 WebAssembly 异常处理，代码 WASM_UNSUPPORTED）。' +
      '请使用 2021 年以后的浏览器（Chrome 或 Edge 95 以上、Firefox 100 以上、Safari 15.2 以上，' +
      '或新版 360 浏览器的极速模式），或安装桌面版。';
  })();
  Module['instantiateWasm'] = function () { return {}; };
}
// The right-click menu belongs to the app; the browser's own menu would cover it.
document.getElementById('canvas').addEventListener('contextmenu', function (e) { e.preventDefault(); });

// Offline use: a service worker caches the whole app after the first visit (not on file://, where
// browsers allow none). A newer version waits until the user chooses to reload.
(function () {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  var state = Module['jianfuOffline'] = { registered: false, updateReady: false };
  function announce(worker) {
    state.updateReady = true;
    var bar = document.getElementById('update');
    bar.classList.remove('hidden');
    document.getElementById('update-now').onclick = function () { worker.postMessage('jianfu-update-now'); };
  }
  var hadController = !!navigator.serviceWorker.controller;
  navigator.serviceWorker.addEventListener('controllerchange', function () { if (hadController) location.reload(); });
  window.addEventListener('load', function () {
    navigator.serviceWorker.register('sw.js').then(function (reg) {
      state.registered = true;
      if (reg.waiting && navigator.serviceWorker.controller) announce(reg.waiting);
      reg.addEventListener('updatefound', function () {
        var w = reg.installing;
        w.addEventListener('statechange', function () {
          if (w.state === 'installed' && navigator.serviceWorker.controller) announce(w);
        });
      });
    }, function (err) { console.error('离线缓存未能启用', err); });
  });
})();
