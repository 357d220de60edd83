// The job, cronjob and hpa scenario files run headless and replay byte for byte.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import { parseScenario, runScenario } from './index';

const load = (name: string) => readFileSync(new URL(`../../../scenarios/${name}.scenario`, import.meta.url), 'utf8');

describe.each(['job', 'cronjob', 'hpa'])('scenarios/%s.scenario', (name) => {
  it('runs and is deterministic', () => {
    const a = runScenario(new Cluster({ seed: 1 }), parseScenario(load(name))).transcript;
    const b = runScenario(new Cluster({ seed: 1 }), parseScenario(load(name))).transcript;
    expect(a).toBe(b);
    if (name === 'job') {
      expect(a).toMatch(/pi\s+Complete\s+1\/1/);
      expect(a).toMatch(/fail\s+Failed\s+0\/1/);
    }
    if (name === 'cronjob') expect(a).toMatch(/hello\s+\* \* \* \* \*\s+<none>\s+False/);
    if (name === 'hpa') {
      expect(a).toMatch(/cpu: \d+%\/50%/);
      expect(a).toMatch(/php-apache\s+1\/1\s+1\s+1/);
    }
  });
});
