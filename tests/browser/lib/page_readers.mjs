// Readers of the app's pixels inside the page, installed before the app starts (page functions
// cannot import modules): window.jianfuRead.
//   shown():    what the page shows: the 2D canvas frames are copied into, or the WebGL canvas
//               shown directly (web/canvas_present.h);
//   whole(json): draws the next frame whole (with the test command `json` added) and resolves
//               with the WebGL drawing buffer then: the reference a partial picture must equal.
//               (Where frames are copied, the buffer holds a partial frame only inside the
//               rectangles it drew: a scroll moves the page's pixels instead.)
//   differing(a, b), digest(p), base64(p).
// Each picture is {w, h, px}: RGBA, top row first.
export function installReaders(page) {
  return page.addInitScript(() => {
    const readGl = () => {
      const gl = Module.jianfuPresent ? Module.jianfuPresent.gl : Module.ctx;
      const w = gl.drawingBufferWidth, h = gl.drawingBufferHeight, stride = w * 4;
      const up = new Uint8Array(w * h * 4), px = new Uint8Array(w * h * 4);
      gl.readPixels(0, 0, w, h, gl.RGBA, gl.UNSIGNED_BYTE, up);
      for (let row = 0; row < h; row++) px.set(up.subarray((h - 1 - row) * stride, (h - row) * stride), row * stride);
      return { w, h, px };
    };
    window.jianfuRead = {
      shown() {
        const p = Module.jianfuPresent;
        if (!p || p.mode !== 'copy') return readGl();
        const c = p.view.canvas;
        return { w: c.width, h: c.height, px: new Uint8Array(p.view.getImageData(0, 0, c.width, c.height).data.buffer) };
      },
      whole(json = {}) {
        return new Promise((done) => {
          const prev = Module.jianfuFrameDone;
          Module.jianfuFrameDone = (drawn) => {
            prev(drawn);
            if (!drawn) return;
            Module.jianfuFrameDone = prev;
            done(readGl());
          };
          Module.ccall('jianfu_test_command', null, ['string'], [JSON.stringify({ ...json, redraw_whole: true })]);
        });
      },
      // Pixels whose colour differs (alpha aside: the canvas is opaque).
      differing(a, b) {
        if (a.w !== b.w || a.h !== b.h) return a.w * a.h;
        let n = 0;
        for (let i = 0; i < a.px.length; i += 4) {
          if (a.px[i] !== b.px[i] || a.px[i + 1] !== b.px[i + 1] || a.px[i + 2] !== b.px[i + 2]) n++;
        }
        return n;
      },
      digest(p) {
        let d = 0;
        for (let i = 0; i < p.px.length; i += 4) d = (d * 31 + p.px[i] * 65536 + p.px[i + 1] * 256 + p.px[i + 2]) | 0;
        return d;
      },
      // As text: a typed array does not cross to Node as one.
      base64(p) {
        let text = '';
        for (let i = 0; i < p.px.length; i += 0x8000) text += String.fromCharCode.apply(null, p.px.subarray(i, i + 0x8000));
        return btoa(text);
      },
    };
  });
}
