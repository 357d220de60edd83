#!/usr/bin/env node
// UI figures for `npm run bench` (prints numbers, asserts nothing): builds the app if needed,
// serves dist/ with `vite preview`, and measures in headless Chromium (Debian's /usr/bin/chromium):
//   1. wall time from navigation to an interactive cluster view (the kind nodes drawn and the
//      terminal ready for input), median of three loads in fresh browser contexts
//   2. JavaScript shipped before the editor opens (gzip bytes of the scripts loaded)
//   3. the same once the Editor tab has opened (Monaco and the schema load then)
//   4. frame rate and main-thread long tasks while 300 pods on 10 nodes heal after a node
//      failure (built through the Worker: `sim node add` ×7, a 300-replica Deployment, then
//      `sim node fail` at speed 60), measured in the page with requestAnimationFrame and a
//      PerformanceObserver for long tasks
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// BENCH_DIST=/tmp/some-dist measures a build made elsewhere (vite build --outDir …), so a bench
// does not clash with another engineer's build of dist/.
const dist = process.env.BENCH_DIST ?? join(root, 'dist');
const PORT = Number(process.env.BENCH_PORT ?? 4179);
const row = (label, value) => console.log(`${label.padEnd(62)} ${value.padStart(14)}`);

if (!existsSync(join(dist, 'index.html'))) spawnSync(join(root, 'node_modules/.bin/vite'), ['build', '--outDir', dist], { cwd: root, stdio: 'inherit' });
const server = spawn(join(root, 'node_modules/.bin/vite'), ['preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort', '--outDir', dist], { cwd: root, stdio: 'ignore' });
const base = `http://127.0.0.1:${PORT}/`;
for (let i = 0; i < 100; i++) {
  try {
    if ((await fetch(base)).ok) break;
  } catch {
    await new Promise((r) => setTimeout(r, 100));
  }
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  const scripts = new Set();
  page.on('request', (r) => {
    if (r.resourceType() === 'script' || r.url().endsWith('.js')) scripts.add(new URL(r.url()).pathname);
  });
  // Main thread only: not the Workers' scripts, nor chunks only a Worker imports (the engine's
  // `kubectl explain` schemas, say), which load off the main thread.
  const workerOnly = (paths) => {
    const text = (p) => readFileSync(join(dist, p), 'utf8');
    const base = (p) => p.split('/').pop();
    const workers = [...paths].filter((p) => /worker/.test(p));
    const mains = [...paths].filter((p) => !/worker/.test(p));
    return new Set(mains.filter((p) => workers.some((w) => text(w).includes(base(p))) && !mains.some((m) => m !== p && text(m).includes(base(p)))));
  };
  const gzipOf = (paths) => {
    const skip = workerOnly(paths);
    return [...paths].filter((p) => !/worker/.test(p) && !skip.has(p)).reduce((n, p) => n + gzipSync(readFileSync(join(dist, p))).length, 0);
  };

  // Measured in the page: from navigation start until the first animation frame in which a
  // worker node is drawn and the terminal takes input (Playwright's polling would add its own
  // latency). Three loads, each in a fresh browser context (empty cache, new storage): the first
  // one also pays for starting the renderer and the preview server's first responses.
  const watchInteractive = () => {
    const check = () => {
      if (document.querySelector('[data-testid="node:kind-worker"]') && document.querySelector('[data-testid="terminal"][data-ready="true"]')) window.__interactive = performance.now();
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  };
  const loadOnce = async (p) => {
    await p.addInitScript(watchInteractive);
    await p.goto(base);
    await p.waitForFunction(() => window.__interactive !== undefined, undefined, { timeout: 120_000 });
    return p.evaluate(() => window.__interactive);
  };
  const loads = [await loadOnce(page)];
  for (let i = 0; i < 2; i++) {
    const ctx = await browser.newContext({ viewport: { width: 1600, height: 900 } });
    loads.push(await loadOnce(await ctx.newPage()));
    await ctx.close();
  }
  const initial = gzipOf(scripts);
  const median = [...loads].sort((a, b) => a - b)[1];
  row('navigation → interactive cluster view (median of 3 loads)', `${median.toFixed(0)} ms`);
  row('  each load (the first in a freshly started browser)', loads.map((l) => l.toFixed(0)).join(' / ') + ' ms');
  const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('kp:')).map((m) => [m.name, Math.round(m.startTime)])));
  const nav = await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0];
    return n ? { domInteractive: Math.round(n.domInteractive) } : {};
  });
  row('  first load: main script running (kp:main)', `${marks['kp:main'] ?? '?'} ms`);
  row('  first load: cluster state from the Worker (kp:ready)', `${marks['kp:ready'] ?? '?'} ms`);
  row('  first load: DOM interactive', `${nav.domInteractive ?? '?'} ms`);
  row('JavaScript before the editor opens (gzip, main thread)', `${(initial / 1024).toFixed(0)} kB`);

  await page.getByRole('tab', { name: 'Editor' }).click();
  await page.locator('[data-testid="yaml-editor"] .monaco-editor').waitFor({ timeout: 120_000 });
  row('JavaScript after the editor opened (gzip, main thread)', `${(gzipOf(scripts) / 1024).toFixed(0)} kB`);
  await page.getByRole('tab', { name: 'Terminal' }).click();
  await healBench(page);
} finally {
  await browser.close();
  server.kill();
}

/** Run a line through the page's own engine client (what the terminal does). */
async function run(page, line) {
  return page.evaluate(
    (l) =>
      new Promise((resolve) => {
        const pg = window.__playground;
        const id = 1_000_000 + Math.floor(Math.random() * 1_000_000);
        const off = pg.client.subscribe((m) => {
          if (m.type === 'result' && m.id === id) {
            off();
            resolve(m.result);
          }
        });
        pg.client.send({ type: 'run', id, line: l });
      }),
    line,
  );
}

async function healBench(page) {
  const podsRunning = () =>
    page.evaluate(() => {
      const pods = Object.values(window.__playground.store.getState().cluster.objects['/pods'] ?? {});
      return pods.filter((p) => p.metadata.labels?.app === 'big' && p.status?.phase === 'Running' && !p.metadata.deletionTimestamp).length;
    });
  for (let i = 0; i < 7; i++) await run(page, 'sim node add');
  await run(page, 'kubectl create deployment big --image=nginx:1.27 --replicas=300');
  await page.evaluate(() => window.__playground.client.send({ type: 'setSpeed', speed: 60 }));
  for (let i = 0; i < 600 && (await podsRunning()) < 300; i++) await page.waitForTimeout(200);
  await page.waitForTimeout(1000);
  await page.evaluate(() => window.__playground.client.send({ type: 'setSpeed', speed: 60 }));
  // Measure from the failure until the Deployment has 300 running pods again (and at least 8 s).
  await page.evaluate(() => {
    const w = window;
    w.__bench = { frames: [], longTasks: [], stop: false };
    const po = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__bench.longTasks.push(e.duration);
    });
    po.observe({ type: 'longtask', buffered: false });
    w.__bench.po = po;
    let last = performance.now();
    const frame = (t) => {
      w.__bench.frames.push(t - last);
      last = t;
      if (!w.__bench.stop) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  // BENCH_PROFILE=1: also print where the main thread spent its time (Chrome's CPU profiler).
  const cdp = process.env.BENCH_PROFILE ? await page.context().newCDPSession(page) : undefined;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  // BENCH_TRACE=1 (or =FILE, which also keeps the trace): also print how the main thread's time splits between script, style, layout,
  // paint and message handling (Chrome's trace events, top-level tasks only).
  if (process.env.BENCH_TRACE) await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.stack', ...(process.env.BENCH_INVALIDATIONS ? ['disabled-by-default-devtools.timeline.invalidationTracking'] : [])] });
  const t0 = Date.now();
  await run(page, 'sim node fail kind-worker');
  let healed = false;
  // 50 s grace + 300 s toleration + restarts ≈ 6 s of wall time at speed 60.
  while (Date.now() - t0 < 60_000) {
    await page.waitForTimeout(500);
    const sim = await page.evaluate(() => {
      const pods = Object.values(window.__playground.store.getState().cluster.objects['/pods'] ?? {});
      const big = pods.filter((p) => p.metadata.labels?.app === 'big');
      return { running: big.filter((p) => p.status?.phase === 'Running' && !p.metadata.deletionTimestamp && p.spec?.nodeName !== 'kind-worker').length };
    });
    if (sim.running >= 300 && Date.now() - t0 > 8000) {
      healed = true;
      break;
    }
  }
  if (cdp) printProfile((await cdp.send('Profiler.stop')).profile);
  if (process.env.BENCH_TRACE) {
    const buf = await browser.stopTracing();
    if (process.env.BENCH_TRACE !== '1') writeFileSync(process.env.BENCH_TRACE, buf);
    printTrace(JSON.parse(buf.toString('utf8')));
  }
  const r = await page.evaluate(() => {
    const b = window.__bench;
    b.stop = true;
    b.po.disconnect();
    const f = b.frames.slice(1);
    const total = f.reduce((a, x) => a + x, 0);
    const sorted = [...f].sort((a, c) => a - c);
    return { frames: f.length, fps: (f.length * 1000) / total, p95: sorted[Math.floor(sorted.length * 0.95)] ?? 0, worst: sorted.at(-1) ?? 0, longTasks: b.longTasks.length, longest: Math.max(0, ...b.longTasks) };
  });
  row(`300 pods on 10 nodes heal after a node failure${healed ? '' : ' (NOT healed in 60 s)'}: fps`, `${r.fps.toFixed(1)} fps`);
  row('  frame time p95 / worst', `${r.p95.toFixed(0)} / ${r.worst.toFixed(0)} ms`);
  row('  main-thread long tasks (>50 ms) / longest', `${r.longTasks} / ${r.longest.toFixed(0)} ms`);
}

function printProfile(profile) {
  const self = new Map();
  const dt = profile.timeDeltas;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    const f = n.callFrame;
    const key = `${f.functionName || "(anonymous)"} ${f.url.split("/").pop()}:${f.lineNumber}:${f.columnNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`main-thread profile (${total.toFixed(0)} ms sampled), top self time:`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${v.toFixed(0).padStart(7)} ms  ${k}`);
}

function printTrace(trace) {
  const events = trace.traceEvents ?? trace;
  // The page's main thread: the one that ran the most 'Layout' events.
  const layouts = new Map();
  for (const e of events) if (e.name === 'Layout') layouts.set(`${e.pid}:${e.tid}`, (layouts.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const main = [...layouts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const own = new Map();
  const mine = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && typeof e.dur === 'number').sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  // Self time per event name: an event's duration minus its direct children's.
  const stack = [];
  const self = new Map();
  for (const e of mine) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) self.set(parent, (self.get(parent) ?? parent.dur) - e.dur);
    stack.push(e);
    self.set(e, self.get(e) ?? e.dur);
  }
  for (const [e, d] of self) own.set(e.name, (own.get(e.name) ?? 0) + d / 1000);
  const total = [...own.values()].reduce((a, b) => a + b, 0);
  console.log(`main-thread trace (${total.toFixed(0)} ms in events), self time by event:`);
  for (const [k, v] of [...own].sort((a, b) => b[1] - a[1]).slice(0, 18)) console.log(`  ${v.toFixed(0).padStart(7)} ms  ${k}`);
}
