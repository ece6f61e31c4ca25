// Page start-up: the Module object emscripten's app.js reads, and the loading/error status line.
'use strict';
var Module = window.Module || {};
Module['canvas'] = document.getElementById('canvas');
Module['preRun'] = Module['preRun'] || [];
Module['jianfuFrames'] = 0;
Module['jianfuFrameDone'] = function () {
  if (Module['jianfuFrames']++ === 0) {
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
// The right-click menu belongs to the app; the browser's own menu would cover it.
document.getElementById('canvas').addEventListener('contextmenu', function (e) { e.preventDefault(); });
