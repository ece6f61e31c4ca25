// What the browser's GL charges for the operations a frame could be made of, on this machine: a
// whole drawing of a light screen and of the assessment screen with a 4,000-character draft, and
// moving a block of pixels within the canvas by the means WebGL2 has. Written to decide whether a
// scroll should move the pixels on screen or draw them again (docs/BENCHMARKS.md).
//   node bench/web_gl_costs.mjs [size]     (size: 1920x1080 by default; needs the web build)
//
// Each figure is the time until the GL has finished the work (a one-pixel readPixels waits for
// everything queued before it), median of 7 after one not counted.
import { startServer, launch, find, GL_CONFIG } from '../tests/browser/lib/harness.mjs';
import { openDraft } from './lib/draft.mjs';

const [width, height] = (process.argv[2] || '1920x1080').split('x').map(Number);
const { server, url } = await startServer();
const browser = await launch();
console.log(`Chromium graphics: ${GL_CONFIG}; ${width}×${height}`);

// A whole drawing of the current screen, asked for through the test API: the time from the frame
// done (its GL calls issued) to the GL having finished them.
async function wholeDrawing(page) {
  return page.evaluate(async () => {
    const gl = Module.ctx, px = new Uint8Array(4);
    const once = () => new Promise((done) => {
      const prev = Module.jianfuFrameDone;
      Module.jianfuFrameDone = (drawn) => {
        prev(drawn);
        if (!drawn) return;
        Module.jianfuFrameDone = prev;
        const t = performance.now();
        gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
        done(performance.now() - t);
      };
      Module.ccall('jianfu_test_command', null, ['string'], ['{"redraw_whole":true}']);
    });
    const xs = [];
    for (let i = 0; i < 8; i++) { xs.push(await once()); await new Promise((d) => setTimeout(d, 200)); }
    return xs.slice(1);
  });
}

// Moving a block the size of the draft editor at this window size (its inner rectangle) by each
// means, and, for scale, clearing it. Run between two frames of the app, whose renderer sets every
// piece of state it draws with.
async function blockCosts(page, w, h) {
  return page.evaluate(([w, h]) => {
    const gl = Module.ctx, px = new Uint8Array(4);
    const sync = () => gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
    const time = (f) => {
      const xs = [];
      for (let i = 0; i < 8; i++) { sync(); const t = performance.now(); f(); sync(); xs.push(performance.now() - t); }
      return xs.slice(1);
    };
    const texture = gl.createTexture();  // the canvas has no alpha: it copies only into RGB
    gl.bindTexture(gl.TEXTURE_2D, texture);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGB, w, h, 0, gl.RGB, gl.UNSIGNED_BYTE, null);
    const target = gl.createFramebuffer(), store = gl.createRenderbuffer();
    gl.bindRenderbuffer(gl.RENDERBUFFER, store);
    gl.renderbufferStorage(gl.RENDERBUFFER, gl.RGBA8, w, h);
    gl.bindFramebuffer(gl.FRAMEBUFFER, target);
    gl.framebufferRenderbuffer(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.RENDERBUFFER, store);
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    gl.disable(gl.SCISSOR_TEST);
    const out = {
      'copyTexSubImage2D, canvas → RGB texture': time(() => gl.copyTexSubImage2D(gl.TEXTURE_2D, 0, 0, 0, 10, 10, w, h)),
      'blitFramebuffer, canvas → RGBA8 renderbuffer': time(() => {
        gl.bindFramebuffer(gl.DRAW_FRAMEBUFFER, target);
        gl.blitFramebuffer(10, 10, 10 + w, 10 + h, 0, 0, w, h, gl.COLOR_BUFFER_BIT, gl.NEAREST);
        gl.bindFramebuffer(gl.DRAW_FRAMEBUFFER, null);
      }),
      'blitFramebuffer, RGBA8 renderbuffer → canvas': time(() => {
        gl.bindFramebuffer(gl.READ_FRAMEBUFFER, target);
        gl.blitFramebuffer(0, 0, w, h, 10, 10, 10 + w, 10 + h, gl.COLOR_BUFFER_BIT, gl.NEAREST);
        gl.bindFramebuffer(gl.READ_FRAMEBUFFER, null);
      }),
      'clear (scissored)': time(() => { gl.enable(gl.SCISSOR_TEST); gl.scissor(10, 10, w, h); gl.clear(gl.COLOR_BUFFER_BIT); gl.disable(gl.SCISSOR_TEST); }),
    };
    out.error = gl.getError();
    gl.deleteTexture(texture); gl.deleteFramebuffer(target); gl.deleteRenderbuffer(store);
    gl.bindTexture(gl.TEXTURE_2D, null);
    return out;
  }, [w, h]);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs) => `median ${median(xs).toFixed(1)} ms (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)})`;

const page = await browser.newPage({ viewport: { width, height } });
await page.goto(url + '?test');
await page.waitForFunction(() => window.Module && Module.jianfuFrames >= 3);
await page.waitForTimeout(1000);
console.log(`whole drawing, start screen: ${fmt(await wholeDrawing(page))}`);
await openDraft(page);
await page.waitForTimeout(2000);  // checked, glyphs rasterised
console.log(`whole drawing, assessment screen with the 4,000-character draft: ${fmt(await wholeDrawing(page))}`);
const body = await find(page, '##body');
const [w, h] = [Math.round(body.w), Math.round(body.h)];
const costs = await blockCosts(page, w, h);
console.log(`a block of ${w}×${h} pixels (the draft editor, ${(w * h / 1e6).toFixed(2)} Mpx), GL error after: ${costs.error}`);
for (const [name, xs] of Object.entries(costs)) if (Array.isArray(xs)) console.log(`  ${name}: ${fmt(xs)}`);
await browser.close();
server.close();
