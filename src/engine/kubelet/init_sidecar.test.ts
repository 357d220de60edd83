// Init containers and sidecars from the Kubernetes docs examples: the STATUS / READY sequence
// `kubectl get pods` shows (printPod: sidecars count in READY's denominator; PodInitializing
// once the init containers are done and until the app containers start).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';

const EX = '/work/shared/k8s-examples/';
const load = (f: string) => readFileSync(EX + f, 'utf8');

/** Every distinct "READY STATUS" a pod shows, sampled every 100 ms. */
function sequence(file: string, prefix: string, ms: number): string[] {
  const c = createCluster({ seed: 7 });
  c.apply(load(file));
  const seen: string[] = [];
  for (let t = 0; t < ms; t += 100) {
    const line = c.kubectl('get pods').stdout.split('\n').find((l) => l.startsWith(prefix));
    const m = line?.split(/\s+/);
    const s = m ? `${m[1]} ${m[2]}` : '';
    if (s && seen.at(-1) !== s) seen.push(s);
    c.advance(100);
  }
  return seen;
}

describe('init containers and sidecars (docs examples)', () => {
  it('pods/init-containers.yaml: Init:0/1 → PodInitializing → Running', () => {
    const seq = sequence('pods/init-containers.yaml', 'init-demo', 15_000);
    expect(seq[0]).toBe('0/1 Init:0/1');
    expect(seq).toContain('0/1 PodInitializing');
    expect(seq.at(-1)).toBe('1/1 Running');
  });

  it('deployment-sidecar.yaml: the sidecar counts in READY (0/2 → 2/2)', () => {
    const seq = sequence('application/deployment-sidecar.yaml', 'myapp-', 15_000);
    expect(seq[0]).toBe('0/2 Init:0/1');
    expect(seq.at(-1)).toBe('2/2 Running');
  });

  it('job-sidecar.yaml: the Job finishes although its sidecar never exits', () => {
    const seq = sequence('application/job/job-sidecar.yaml', 'myjob-', 40_000);
    expect(seq[0]).toBe('0/2 Init:0/1');
    expect(seq).toContain('1/2 PodInitializing');
    expect(seq.at(-1)).toBe('0/2 Completed');
  });
});
