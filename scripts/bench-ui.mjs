#!/usr/bin/env node
// UI figures for `npm run bench` (prints numbers, asserts nothing): builds the app if needed,
// serves dist/ with `vite preview`, and measures in headless Chromium (Debian's /usr/bin/chromium):
//   1. wall time from navigation to an interactive cluster view (the kind nodes drawn and the
//      terminal ready for input)
//   2. JavaScript shipped before the editor opens (gzip bytes of the scripts loaded)
//   3. the same once the Editor tab has opened (Monaco and the schema load then)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PORT = 4179;
const row = (label, value) => console.log(`${label.padEnd(58)} ${value.padStart(14)}`);

if (!existsSync(join(root, 'dist/index.html'))) spawnSync(join(root, 'node_modules/.bin/vite'), ['build'], { cwd: root, stdio: 'inherit' });
const server = spawn(join(root, 'node_modules/.bin/vite'), ['preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { cwd: root, stdio: 'ignore' });
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
  const gzipOf = (paths) => [...paths].filter((p) => !/worker/.test(p)).reduce((n, p) => n + gzipSync(readFileSync(join(root, 'dist', p))).length, 0);

  const t0 = performance.now();
  await page.goto(base);
  await page.getByTestId('node:kind-worker').first().waitFor({ timeout: 120_000 });
  await page.locator('[data-testid="terminal"][data-ready="true"]').waitFor({ timeout: 120_000 });
  const interactive = performance.now() - t0;
  const initial = gzipOf(scripts);
  row('navigation → interactive cluster view', `${interactive.toFixed(0)} ms`);
  row('JavaScript before the editor opens (gzip, main thread)', `${(initial / 1024).toFixed(0)} kB`);

  await page.getByRole('tab', { name: 'Editor' }).click();
  await page.locator('[data-testid="yaml-editor"] .monaco-editor').waitFor({ timeout: 120_000 });
  row('JavaScript after the editor opened (gzip, main thread)', `${(gzipOf(scripts) / 1024).toFixed(0)} kB`);
  row('fps / long tasks while 300 pods heal', 'not measured yet');
} finally {
  await browser.close();
  server.kill();
}
