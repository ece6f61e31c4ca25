// The system clipboard for the canvas. Paste: the browser's paste event (Ctrl+V, or the context
// menu) carries the text; it is handed to C++, which returns it when ImGui asks for the clipboard,
// so a 10,000-character paste is one edit (one undo step), not 10,000 key presses. If no Ctrl+V
// came with it (a menu paste), the app is told to paste now. Copy: ImGui's copy calls
// jianfuCopy, which writes to navigator.clipboard while the key press still counts as a gesture.
'use strict';
(function () {
  var lastPasteKey = 0;
  var state = Module['jianfuClipboard'] = { pastes: 0, lastPasteChars: 0, copies: 0, lastCopy: '' };
  window.addEventListener('keydown', function (e) {
    if ((e.ctrlKey || e.metaKey) && (e.key === 'v' || e.key === 'V')) lastPasteKey = performance.now();
  }, true);
  document.addEventListener('paste', function (e) {
    var text = (e.clipboardData || window.clipboardData).getData('text/plain');
    e.preventDefault();
    if (!text || !Module['calledRun']) return;
    var viaKey = performance.now() - lastPasteKey < 500;
    Module['ccall']('jianfu_clipboard_paste', null, ['string', 'number'], [text, viaKey ? 0 : 1]);
    state.pastes++;
    state.lastPasteChars = Array.from(text).length;
  });
  Module['jianfuCopy'] = function (text) {
    state.copies++;
    state.lastCopy = text;
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).catch(function () { fallback(text); });
    } else {
      fallback(text);
    }
  };
  function fallback(text) {
    var t = document.createElement('textarea');
    t.value = text;
    t.style.position = 'fixed';
    t.style.opacity = '0';
    document.body.appendChild(t);
    t.select();
    try { document.execCommand('copy'); } catch (err) { /* nothing else to try */ }
    document.body.removeChild(t);
  }
})();
