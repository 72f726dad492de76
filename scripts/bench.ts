/**
 * `npm run bench`: measures what the budgets in DESIGN.md name, prints one table and writes
 * it to .tmp/bench.json. Expects a built site in dist/ (run `npm run build` first; BENCH_DIST
 * names another, BENCH_PORT the port it is served on while measured); builds its own
 * synthetic archives of 1,000 and 10,000 messages and a bare Astro site to compare with.
 * Timings are medians of repeated runs on this machine; they are reported, never asserted.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { figureIds } from '../src/lib/charts/index.ts';
import { staticFigure } from '../src/lib/charts/static.ts';
import { defaults, sweep } from '../src/lib/model/index.ts';

type Row = { what: string; value: number; unit: string; note?: string };
/** The built site to measure (BENCH_DIST, default dist/) and the port it is served on (BENCH_PORT). */
const DIST = process.env['BENCH_DIST'] ?? 'dist';
const PORT = process.env['BENCH_PORT'] ?? '4403';
const rows: Row[] = [];
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p95 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? NaN;

function time(run: () => void, repeat: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < repeat; i += 1) {
    const t = performance.now();
    run();
    out.push(performance.now() - t);
  }
  return out;
}

// The model: a 512-point sweep of segment size.
const state = defaults();
time(() => sweep(state, 'mss', 512), 5);
rows.push({ what: 'model: 512-point sweep (Node)', value: median(time(() => sweep(state, 'mss', 512), 30)), unit: 'ms' });

// Figures at build time: every figure as the build draws it (drawing, caption and table).
for (const id of figureIds) {
  const ms = time(() => staticFigure(id), 10);
  rows.push({ what: `figure ${id}: staticFigure (Node, linkedom)`, value: median(ms), unit: 'ms' });
}

// Page weight: every file a page loads, gzip-compressed.
function weight(page: string): { html: number; css: number; js: number } {
  const dist = DIST;
  const htmlFile = join(dist, page, 'index.html');
  const html = readFileSync(htmlFile, 'utf8');
  const gz = (file: string): number => gzipSync(readFileSync(join(dist, file.replace(/^\//, '')))).length;
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].reduce((n, m) => n + gz(m[1] ?? ''), 0);
  const js = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].reduce((n, m) => n + gz(m[1] ?? ''), 0);
  return { html: gzipSync(html).length, css, js };
}
const pages: Record<string, string> = {
  home: '',
  thread: 'threads/Pine.LNX.4.44.0206271146280.9500-100000@alvie-mail.lanl.gov',
  message: 'm/Pine.LNX.4.44.0206271943340.24818-100000@alvie-mail.lanl.gov',
  article: 'articles/where-the-copy-happens',
  'live article': 'articles/copy-vs-zero-copy',
};
for (const [name, page] of Object.entries(pages)) {
  if (!existsSync(join(DIST, page, 'index.html'))) continue;
  const w = weight(page);
  rows.push({
    what: `${name} page: HTML + CSS + initial JS (gzip)`,
    value: w.html + w.css + w.js,
    unit: 'B',
    note: `html ${w.html}, css ${w.css}, js ${w.js}`,
  });
}

// In Chromium: a slider step, and an inline number's step, → the figures on screen repainted. The page shows the controls
// and the first figure together, as a reader sees them; figures off screen catch up later.
// Per step: the redraw work (spec, Plot, DOM update: the figures' own timing), the input
// event to the end of the last redraw, and the input event to the end of the frame that
// shows it (style, layout and paint done on the main thread: a task posted from the redraw,
// which runs after that frame's rendering).
const SLIDER_STEPS = 60;
const WARM_UP_STEPS = 6;
/**
 * How the steps go: `alternate` steps up and down by one, so every other step is back at the
 * page's starting value (its preset's bands and words return each time: the most work a step
 * can ask for); `drag` steps up for half the steps, then down, as a reader dragging a value
 * away and back, never reaching the starting value; `page` alternates PageUp and PageDown (a
 * tenth of the range), states the figures do not draw ahead (they draw one step either side of
 * a focused control), so every step is drawn in its own frame.
 */
type Pattern = 'alternate' | 'drag' | 'page';

async function stepToRepaint(
  page: Page,
  control: 'slider' | 'knob',
  pattern: Pattern = 'alternate',
): Promise<{ latency: number[]; painted: number[]; frame: number[]; compute: number[]; drawn: number[]; ahead: number[] }> {
  const figures = page.locator('model-figure');
  for (let i = 0; i < (await figures.count()); i += 1) await figures.nth(i).scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelectorAll('model-figure[data-upgraded]').length > 0, null, { timeout: 20_000 });
  if (control === 'slider') {
    await page.locator('model-controls').scrollIntoViewIfNeeded();
    await page.locator('details.all-params > summary').click();
    await page.locator('#mc-rxCopyMBps-range').focus();
  } else {
    // The panel at the top of a tall window: its figure, the next ones and the receive-path
    // diagram are all on screen, so each step redraws every one of them.
    await page.locator('#model').evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
    const knob = page.locator('model-knob[data-key="rxCopyMBps"]');
    await page.waitForFunction(() => document.querySelector('model-knob[data-key="rxCopyMBps"][role="slider"]') !== null);
    await knob.focus();
  }
  // Unmeasured steps first: the first few pay for compiling the redraw code, once a visit.
  const up = (i: number): boolean => (pattern === 'drag' ? i < SLIDER_STEPS / 2 : i % 2 === 0);
  const key = (stepUp: boolean): string => (pattern === 'page' ? (stepUp ? 'PageUp' : 'PageDown') : stepUp ? 'ArrowRight' : 'ArrowLeft');
  for (let i = 0; i < WARM_UP_STEPS; i += 1) await page.keyboard.press(key(pattern === 'drag' || i % 2 === 0));
  // The warm-up presses come back to back; the measured steps start after a pause, as a
  // reader's first press after focusing a control does (the held-key row has no pauses).
  await page.waitForTimeout(250);
  const latency: number[] = [];
  const painted: number[] = [];
  const frame: number[] = [];
  const compute: number[] = [];
  const drawn: number[] = [];
  const ahead: number[] = [];
  for (let i = 0; i < SLIDER_STEPS; i += 1) {
    const r = await page.evaluate(
      ([stepUp, key]) =>
        new Promise<{ latency: number; painted: number; frame: number; compute: number; drawn: number; ahead: number }>((resolve) => {
          const control = document.activeElement as HTMLElement;
          let compute = 0;
          let drawn = 0;
          let ahead = 0;
          let last = 0;
          let painted = 0;
          // The start of the frame the redraw runs in: this callback is asked for before the
          // input, so it runs first in the same animation frame as the page's redraws.
          let frameStart = 0;
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            painted = performance.now();
          };
          const t0 = performance.now();
          requestAnimationFrame(() => {
            if (!last) frameStart = performance.now();
          });
          const on = (e: Event): void => {
            const detail = (e as CustomEvent<{ ms: number; ahead: boolean }>).detail;
            compute += detail.ms;
            drawn += 1;
            if (detail.ahead) ahead += 1;
            last = performance.now();
            channel.port2.postMessage(null);
          };
          document.addEventListener('model-figure:drawn', on);
          if (control instanceof HTMLInputElement) {
            if (stepUp) control.stepUp();
            else control.stepDown();
            control.dispatchEvent(new Event('input', { bubbles: true }));
          } else control.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
          // Three frames is ample for one coalesced redraw.
          let frames = 0;
          const tick = (): void => {
            frames += 1;
            if (frames < 3) requestAnimationFrame(tick);
            else {
              document.removeEventListener('model-figure:drawn', on);
              channel.port1.close();
              resolve({
                latency: last ? last - t0 : NaN,
                painted: painted ? painted - t0 : NaN,
                frame: painted && frameStart ? painted - frameStart : NaN,
                compute,
                drawn,
                ahead,
              });
            }
          };
          requestAnimationFrame(tick);
        }),
      [up(i), key(up(i))] as const,
    );
    latency.push(r.latency);
    painted.push(r.painted);
    frame.push(r.frame);
    compute.push(r.compute);
    drawn.push(r.drawn);
    ahead.push(r.ahead);
  }
  return { latency, painted, frame, compute, drawn, ahead };
}

/** A held arrow key repeats about 30 times a second. */
const HELD_KEY_MS = 33;

/**
 * The focused knob stepped up every HELD_KEY_MS for SLIDER_STEPS steps, as a held key does,
 * without waiting for anything between steps: how many figure redraws found their drawing made
 * ahead, and each redraw's work (ms).
 */
async function heldKey(page: Page): Promise<{ ahead: number; drawn: number; compute: number[] }> {
  return page.evaluate(
    ([steps, gap]) =>
      new Promise<{ ahead: number; drawn: number; compute: number[] }>((resolve) => {
        const control = document.activeElement as HTMLElement;
        const out = { ahead: 0, drawn: 0, compute: [] as number[] };
        const on = (e: Event): void => {
          const detail = (e as CustomEvent<{ ms: number; ahead: boolean }>).detail;
          out.drawn += 1;
          if (detail.ahead) out.ahead += 1;
          out.compute.push(detail.ms);
        };
        document.addEventListener('model-figure:drawn', on);
        let left = steps;
        const timer = setInterval(() => {
          control.dispatchEvent(new KeyboardEvent('keydown', { key: left > steps / 2 ? 'ArrowRight' : 'ArrowLeft', bubbles: true }));
          left -= 1;
          if (left > 0) return;
          clearInterval(timer);
          setTimeout(() => {
            document.removeEventListener('model-figure:drawn', on);
            resolve(out);
          }, 200);
        }, gap);
      }),
    [SLIDER_STEPS, HELD_KEY_MS] as const,
  );
}

/**
 * Bytes of JavaScript heap allocated per step of the focused control, from V8's sampling heap
 * profiler over steps one animation frame apart (objects freed since are counted too), kB.
 */
async function allocatedPerStep(page: Page, steps = 30): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.startSampling', {
    samplingInterval: 4096,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  for (let i = 0; i < steps; i += 1) {
    await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  const { profile } = await cdp.send('HeapProfiler.stopSampling');
  type Node = { selfSize: number; children: Node[] };
  const total = (n: Node): number => n.selfSize + n.children.reduce((s, c) => s + total(c), 0);
  await cdp.detach();
  return total(profile.head as Node) / steps / 1024;
}

const exe = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
if (existsSync(exe) && existsSync(join(DIST, 'articles/copy-vs-zero-copy/index.html'))) {
  const { spawn } = await import('node:child_process');
  const server = spawn(process.execPath, ['scripts/serve.ts', DIST, PORT, '/'], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 800));
  const browser = await chromium.launch({
    executablePath: exe,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const runs: { control: 'slider' | 'knob'; pattern: Pattern; what: string }[] = [
      { control: 'slider', pattern: 'alternate', what: 'slider step' },
      { control: 'knob', pattern: 'alternate', what: 'inline number (knob) step, tall window' },
      { control: 'knob', pattern: 'drag', what: 'inline number (knob) dragged one way, tall window' },
      { control: 'knob', pattern: 'page', what: 'inline number (knob) paged (PageUp/PageDown: never drawn ahead), tall window' },
    ];
    for (const { control, pattern, what } of runs) {
      const page = await browser.newPage({ viewport: { width: 1280, height: control === 'knob' ? 2600 : 900 } });
      await page.goto(`http://127.0.0.1:${PORT}/articles/copy-vs-zero-copy/`);
      const { latency, painted, frame, compute, drawn, ahead } = await stepToRepaint(page, control, pattern);
      const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
      rows.push({
        what: `${what} → redraw work of on-screen figures (Chromium), median`,
        value: median(compute),
        unit: 'ms',
        note: `p95 ${p95(compute).toFixed(1)} ms, ${median(drawn)} figures a step, ${sum(ahead)} of ${sum(drawn)} redraws drawn ahead in background tasks (only the patch in the frame), target 16 ms`,
      });
      rows.push({
        what: `${what} → last figure on screen repainted (Chromium), median`,
        value: median(latency),
        unit: 'ms',
        note: `p95 ${p95(latency).toFixed(1)} ms, input event to end of redraw`,
      });
      rows.push({
        what: `${what} → frame with the redraw rendered (Chromium), median`,
        value: median(painted),
        unit: 'ms',
        note: `p95 ${p95(painted).toFixed(1)} ms, input event to end of that frame's style, layout and paint`,
      });
      rows.push({
        what: `${what} → that frame's main-thread work (Chromium), median`,
        value: median(frame),
        unit: 'ms',
        note: `p95 ${p95(frame).toFixed(1)} ms, start of the animation frame to end of its paint (redraws, style, layout, paint), target 16 ms`,
      });
      if (control === 'knob' && pattern === 'alternate') {
        const kB = await allocatedPerStep(page);
        rows.push({
          what: `${what} → JavaScript heap allocated per step (Chromium, sampled)`,
          value: kB,
          unit: 'kB',
          note: 'garbage a step leaves for the next minor GC to sweep; less means fewer GC pauses inside a frame',
        });
        const held = await heldKey(page);
        rows.push({
          what: `inline number (knob) held key, a step every ${HELD_KEY_MS} ms, tall window → redraws drawn ahead`,
          value: (100 * held.ahead) / held.drawn,
          unit: '%',
          note: `${held.ahead} of ${held.drawn} redraws; redraw work median ${median(held.compute).toFixed(1)} ms, p95 ${p95(held.compute).toFixed(1)} ms a figure`,
        });
      }
      await page.close();
    }
  } finally {
    await browser.close();
    server.kill();
  }
} else rows.push({ what: 'slider → repaint', value: NaN, unit: 'ms', note: 'skipped: no Chromium or no built live article' });

// Archive size: synthetic months of 1,000 and 10,000 messages against a bare Astro site
// (BENCH_N=1000 for one size only, BENCH_N=0 to skip; see bench-scale.ts).
if (process.env['BENCH_N'] !== '0') {
  const { benchScale } = await import('./bench-scale.ts');
  const browser = existsSync(exe)
    ? await chromium.launch({ executablePath: exe, args: ['--headless', '--no-sandbox', '--disable-gpu'] })
    : undefined;
  try {
    rows.push(...(await benchScale(browser)));
  } finally {
    await browser?.close();
  }
}

mkdirSync('.tmp', { recursive: true });
writeFileSync('.tmp/bench.json', `${JSON.stringify({ date: new Date().toISOString(), rows }, null, 2)}\n`);
const w = Math.max(...rows.map((r) => r.what.length));
for (const r of rows)
  console.log(
    `${r.what.padEnd(w)}  ${Number.isFinite(r.value) ? r.value.toFixed(r.unit === 'B' ? 0 : 2) : '-'} ${r.unit}${r.note ? `  (${r.note})` : ''}`,
  );
