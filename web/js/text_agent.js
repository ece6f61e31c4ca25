// The text agent: a hidden <textarea> that receives Chinese IME input and pastes for the canvas.
// A canvas cannot take composition events, so while an ImGui text field is active the agent has
// the focus, sits at the field's caret (the IME's candidate window opens there), and forwards
// committed text to C++ once. Must load before app.js: its capture listeners have to run before
// emscripten's GLFW, which listens for keys on window as well.
'use strict';
(function () {
  var agent = document.createElement('textarea');
  agent.id = 'text-agent';
  agent.setAttribute('autocomplete', 'off');
  agent.setAttribute('autocorrect', 'off');
  agent.setAttribute('autocapitalize', 'off');
  agent.setAttribute('spellcheck', 'false');
  agent.setAttribute('aria-label', '文字输入');
  document.body.appendChild(agent);
  var canvas = document.getElementById('canvas');
  var wantText = false, composing = false;
  var state = Module['jianfuTextAgent'] = { commits: 0, preedit: '', focused: false };

  function send(fn, text) {
    if (Module['calledRun'] && text) Module['ccall'](fn, null, ['string'], [text]);
  }
  function preedit(text) {
    state.preedit = text;
    if (Module['calledRun']) Module['ccall']('jianfu_ime_preedit', null, ['string'], [text]);
  }

  // Characters typed into the agent come from its input events, so GLFW's keypress (which would
  // add them a second time) must not see them; keys the IME consumes (isComposing, keyCode 229)
  // must not reach ImGui at all, or Backspace and Enter inside the IME would edit the text.
  window.addEventListener('keypress', function (e) {
    if (document.activeElement === agent) e.stopImmediatePropagation();
  }, true);
  function guard(e) {
    if (e.isComposing || e.keyCode === 229 || composing) e.stopImmediatePropagation();
  }
  window.addEventListener('keydown', guard, true);
  window.addEventListener('keyup', guard, true);

  agent.addEventListener('compositionstart', function () { composing = true; preedit(''); });
  agent.addEventListener('compositionupdate', function (e) { preedit(e.data || ''); });
  agent.addEventListener('compositionend', function (e) {
    composing = false;
    // Some engines deliver an empty data on compositionend; the agent's value then holds the text.
    var text = e.data || agent.value;
    preedit('');
    if (text) { send('jianfu_text_input', text); state.commits++; }
    agent.value = '';
  });
  agent.addEventListener('input', function (e) {
    if (e.isComposing || composing) return;
    if (e.inputType === 'insertText' && e.data) { send('jianfu_text_input', e.data); state.commits++; }
    agent.value = '';
  });

  // Called from C++ (Platform_SetImeDataFn) with the caret in device pixels.
  Module['jianfuPlaceAgent'] = function (want, x, y, h) {
    wantText = !!want;
    var dpr = window.devicePixelRatio || 1;
    var r = canvas.getBoundingClientRect();
    agent.style.left = (r.left + x / dpr) + 'px';
    agent.style.top = (r.top + y / dpr) + 'px';
    agent.style.height = Math.max(16, h / dpr) + 'px';
    agent.style.fontSize = Math.max(12, h / dpr * 0.8) + 'px';
    if (wantText) {
      if (document.activeElement !== agent) agent.focus({ preventScroll: true });
    } else if (document.activeElement === agent) {
      agent.value = '';
      canvas.focus({ preventScroll: true });
    }
    state.focused = document.activeElement === agent;
  };
  // A click on the canvas takes the focus from the agent; give it back if a field is still active.
  canvas.addEventListener('mouseup', function () {
    setTimeout(function () { if (wantText && !composing) agent.focus({ preventScroll: true }); }, 0);
  });
})();
