// Guards the engine's rules (STYLE.md habits 1 and 4): no wall clock, no unseeded randomness,
// no DOM, no React, nothing from the UI. Only the Worker entry may pace against wall time.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname);
const ALLOWED = new Set(['worker.ts']);

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (p.endsWith('.ts') && !p.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const FORBIDDEN: [RegExp, string][] = [
  [/\bDate\.now\s*\(/, 'Date.now()'],
  [/new Date\(/, 'new Date(…) (use sim/calendar.ts)'],
  [/\bMath\.random\s*\(/, 'Math.random()'],
  [/\bsetTimeout\s*\(/, 'setTimeout'],
  [/\bsetInterval\s*\(/, 'setInterval'],
  [/\bperformance\.now\s*\(/, 'performance.now()'],
  [/\bdocument\./, 'document'],
  [/\bwindow\./, 'window'],
  [/from ['"]react/, 'React'],
  [/from ['"][./]*\/ui\//, 'src/ui'],
  [/from ['"][./]*\/lessons\//, 'src/lessons'],
];

describe('engine purity', () => {
  const all = files(ROOT);
  it('finds the engine sources', () => {
    expect(all.length).toBeGreaterThan(10);
  });
  for (const f of all) {
    const rel = relative(ROOT, f);
    if (ALLOWED.has(rel)) continue;
    it(`${rel} uses only simulated time and seeded randomness`, () => {
      const text = readFileSync(f, 'utf8')
        .split('\n')
        .filter((l) => !/^\s*(\/\/|\*)/.test(l))
        .join('\n');
      const hits = FORBIDDEN.filter(([re]) => re.test(text)).map(([, what]) => what);
      expect(hits).toEqual([]);
    });
  }
});
