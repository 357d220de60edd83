#!/usr/bin/env node
// `npm test`: the whole gate, in order, stopping at the first failure.
//   0. Debian's Chromium for the browser tests (installed when running as root)
//   1. typecheck   tsc --noEmit -p tsconfig.json
//   2. unit        vitest run
//   3. build       vite build
//   4. e2e         playwright test (serves dist/ with vite preview)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const CHROMIUM = '/usr/bin/chromium';

function run(cmd, args) {
  console.log(`\n$ ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (r.error) console.error(r.error.message);
  return r.status ?? 1;
}

function fail(step, code, hint) {
  if (hint) console.error(`\n${hint}`);
  console.error(`\nnpm test: FAILED at ${step} (exit code ${code}).`);
  process.exit(code || 1);
}

const started = process.hrtime.bigint();

// 0. Chromium
if (!existsSync(CHROMIUM)) {
  if (typeof process.getuid === 'function' && process.getuid() === 0) {
    console.log(`${CHROMIUM} not found: installing Debian's chromium package.`);
    const code = run('bash', ['-c', 'apt-get update && apt-get install -y chromium']);
    if (code !== 0 || !existsSync(CHROMIUM)) fail('installing chromium', code);
  } else {
    fail('checking for Chromium', 1, `${CHROMIUM} is missing. The browser tests use Debian's Chromium; install it with:\n\n    sudo apt-get install -y chromium\n\n(never 'npx playwright install': it downloads a browser, which this project does not use).`);
  }
}

const steps = [
  ['typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']],
  ['unit tests', bin('vitest'), ['run']],
  ['build', bin('vite'), ['build']],
  ['e2e tests', bin('playwright'), ['test']],
];

for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name} ===`);
  const code = run(cmd, args);
  if (code !== 0) fail(name, code);
}

const secs = Number(process.hrtime.bigint() - started) / 1e9;
console.log(`\nnpm test: all ${steps.length} steps passed (${steps.map((s) => s[0]).join(', ')}) in ${secs.toFixed(1)} s.`);
