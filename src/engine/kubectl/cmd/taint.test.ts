// kubectl taint: add, overwrite, remove by key and effect, and the scheduler's reaction.
import { describe, expect, it } from 'vitest';
import { createCluster, type Pod } from '../../index';

describe('kubectl taint', () => {
  it('adds, refuses a duplicate, overwrites and removes', () => {
    const c = createCluster({ seed: 1 });
    expect(c.run('kubectl taint nodes kind-worker dedicated=gpu:NoSchedule').stdout).toBe('node/kind-worker tainted\n');
    const dup = c.run('kubectl taint nodes kind-worker dedicated=cpu:NoSchedule');
    expect(dup.exitCode).toBe(1);
    expect(dup.stderr).toBe('error: node kind-worker already has dedicated taint(s) with same effect(s) and --overwrite is false\n');
    expect(c.run('kubectl taint nodes kind-worker dedicated=cpu:NoSchedule --overwrite').stdout).toBe('node/kind-worker modified\n');
    expect(c.run('kubectl describe node kind-worker').stdout).toMatch(/Taints:\s+dedicated=cpu:NoSchedule/);
    expect(c.run('kubectl taint nodes kind-worker dedicated:NoSchedule-').stdout).toBe('node/kind-worker untainted\n');
    const gone = c.run('kubectl taint nodes kind-worker dedicated-');
    expect(gone.stderr).toBe('error: taint "dedicated" not found\n');
    expect(c.run('kubectl taint nodes kind-worker dedicated=gpu:Sometimes').stderr).toBe('error: invalid taint effect: Sometimes, unsupported taint effect\n');
    expect(c.run('kubectl taint pods x a=b:NoSchedule').stderr).toMatch(/only node types are supported/);
  });

  it('keeps new pods off tainted nodes', () => {
    const c = createCluster({ seed: 2 });
    for (const n of ['kind-worker', 'kind-worker2']) c.run(`kubectl taint nodes ${n} dedicated=gpu:NoSchedule`);
    c.run('kubectl create deployment web --image=nginx:1.25 --replicas=3');
    c.advance(30_000);
    const nodes = (c.objects('/pods', 'default') as Pod[]).map((p) => p.spec.nodeName);
    expect(nodes).toEqual(['kind-worker3', 'kind-worker3', 'kind-worker3']);
  });
});
