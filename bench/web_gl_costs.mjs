// What the browser's GL charges for the operations a frame could be made of, on this machine: a
// whole drawing of a light screen and of the assessment screen with a 4,000-character draft, and
// a scroll of the draft, each with and without skipping what opaque rectangles hide; and moving a
// block of pixels within the canvas by the means WebGL2 has. Written to decide whether a scroll
// should move the pixels on screen or draw them again, then whether skipping hidden layers pays
// (docs/BENCHMARKS.md).
//   node bench/web_gl_costs.mjs [size]     (size: 1920x1080 by default; needs the web build)
//
// Each figure is the time until the GL has finished the work (a one-pixel readPixels waits for
// everything queued before it): median and range; and, for the frames of the app, the CPU time of
// Chromium's GPU process per frame, which includes about 20 ms of compositing the page that any
// drawn frame costs at 1920×1080 (Linux only: read from /proc).
import { startServer, launch, find, GL_CONFIG } from '../tests/browser/lib/harness.mjs';
import { openDraft } from './lib/draft.mjs';
import { processCpuMs } from './lib/process_cpu.mjs';

const [width, height] = (process.argv[2] || '1920x1080').split('x').map(Number);
const { server, url } = await startServer();
const browser = await launch();
console.log(`Chromium graphics: ${GL_CONFIG}; ${width}×${height}`);

// The time from a frame done (its GL calls issued) to the GL having finished them, for frames
// brought about by `cause` (a function run in the page), for 4 frames in a row.
// occlusion: whether the renderer skips what opaque rectangles hide (ui/occlusion.h).
async function drawnFrames(page, cause, occlusion) {
  return page.evaluate(async ([cause, occlusion]) => {
    const gl = Module.ctx, px = new Uint8Array(4);
    Module.ccall('jianfu_test_command', null, ['string'], [JSON.stringify({ occlusion })]);
    const act = new Function('i', cause);
    const once = (i) => new Promise((done) => {
      const prev = Module.jianfuFrameDone;
      Module.jianfuFrameDone = (drawn) => {
        prev(drawn);
        if (!drawn) return;
        Module.jianfuFrameDone = prev;
        const t = performance.now();
        gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
        done(performance.now() - t);
      };
      act(i);
    });
    const xs = [];
    for (let i = 0; i < 4; i++) { xs.push(await once(i)); await new Promise((d) => setTimeout(d, 200)); }
    Module.ccall('jianfu_test_command', null, ['string'], ['{"occlusion":true}']);
    return xs;
  }, [cause, occlusion]);
}
const WHOLE = `Module.ccall('jianfu_test_command', null, ['string'], ['{"redraw_whole":true}']);`;
// A wheel step over the draft editor (the mouse is there), down and up in turn: each scrolls the
// text by a few lines, and only the editor is drawn again.
const SCROLL = `Module.canvas.dispatchEvent(new WheelEvent('wheel', {deltaY: i % 2 ? -120 : 120, deltaMode: 0,
  bubbles: true, cancelable: true}));`;

const gpuProcessCpuMs = () => processCpuMs('gpu-process');

// Both ways, alternating every 4 frames, so that a change in the machine's load touches both alike
// (on a shared machine it changes by the second). The first 4 frames, not counted, warm up.
async function bothWays(page, name, cause) {
  await drawnFrames(page, cause, true);
  const on = [], off = [], cpu = { on: 0, off: 0 };
  for (let round = 0; round < 6; round++) {
    for (const [occlusion, times] of [[true, on], [false, off]]) {
      const before = gpuProcessCpuMs();
      times.push(...await drawnFrames(page, cause, occlusion));
      cpu[occlusion ? 'on' : 'off'] += gpuProcessCpuMs() - before;
    }
  }
  console.log(`${name}: ${fmt(on)}; drawing hidden parts too: ${fmt(off)}`);
  console.log(`  GPU process CPU per frame: ${(cpu.on / on.length).toFixed(1)} ms; drawing hidden parts too: ` +
              `${(cpu.off / off.length).toFixed(1)} ms`);
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
await bothWays(page, 'whole drawing, start screen', WHOLE);
await openDraft(page);
await page.waitForTimeout(2000);  // checked, glyphs rasterised
await bothWays(page, 'whole drawing, assessment screen with the 4,000-character draft', WHOLE);
const body = await find(page, '##body');
const [w, h] = [Math.round(body.w), Math.round(body.h)];
await page.mouse.move(body.x + body.w / 2, body.y + body.h / 2);
await page.waitForTimeout(300);
await bothWays(page, 'a wheel step scrolling the draft editor', SCROLL);
const costs = await blockCosts(page, w, h);
console.log(`a block of ${w}×${h} pixels (the draft editor, ${(w * h / 1e6).toFixed(2)} Mpx), GL error after: ${costs.error}`);
for (const [name, xs] of Object.entries(costs)) if (Array.isArray(xs)) console.log(`  ${name}: ${fmt(xs)}`);
await browser.close();
server.close();
