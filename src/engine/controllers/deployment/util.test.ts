import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../../api/apps';
import type { IntOrString } from '../../api/meta';
import {
  computeHash, equalIgnoreHash, lastRevision, maxRevision, newRSNewReplicas, resolveFenceposts, revisionOf, safeEncodeString,
  deploymentComplete, findNewReplicaSet, findOldReplicaSets,
} from './util';
import { reconcileNewReplicaSet, reconcileOldReplicaSets } from './rolling';
import { planCleanup, planScale } from './sync';
import { setNewReplicaSetAnnotations, rollbackAnnotations, rollbackTemplate } from './rollback';
import { deploymentTimedOut, stuckRequeueDelayMs } from './progress';

const T0 = Date.UTC(2025, 2, 3, 9, 0, 0);
const iso = (ms: number) => new Date(T0 + ms).toISOString().replace('.000Z', 'Z');
const template = (image = 'nginx:1.25') => ({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image }] } });

function deploy(replicas: number, surge: IntOrString = '25%', unavail: IntOrString = '25%', extra: Partial<Deployment['spec']> = {}): Deployment {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', uid: 'd-uid', generation: 1 },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: template(), strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: surge, maxUnavailable: unavail } }, ...extra },
  };
}

function rs(name: string, replicas: number, available = replicas, created = 0, annotations: Record<string, string> = {}, image = 'nginx:1.25'): ReplicaSet {
  return {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, creationTimestamp: iso(created), annotations, generation: 1 },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web', 'pod-template-hash': name } }, spec: { containers: [{ name: 'web', image }] } } },
    status: { replicas, availableReplicas: available, readyReplicas: available, observedGeneration: 1 },
  };
}

describe('resolveFenceposts (25%/25%)', () => {
  it.each([
    [1, 1, 0], [2, 1, 0], [3, 1, 0], [4, 1, 1], [5, 2, 1], [10, 3, 2],
  ])('%i replicas → surge %i, unavailable %i', (n, s, u) => {
    expect(resolveFenceposts(deploy(n))).toEqual({ maxSurge: s, maxUnavailable: u });
  });
  it('maxSurge 0 + maxUnavailable 25% at 2 replicas → unavailable forced to 1', () => {
    expect(resolveFenceposts(deploy(2, 0, '25%'))).toEqual({ maxSurge: 0, maxUnavailable: 1 });
  });
  it('absolute numbers are taken as they are', () => {
    expect(resolveFenceposts(deploy(10, 3, 2))).toEqual({ maxSurge: 3, maxUnavailable: 2 });
  });
});

describe('computeHash', () => {
  it('uses only SafeEncoded digits and is 1–10 characters long', () => {
    for (let i = 0; i < 50; i++) {
      const h = computeHash(template(`nginx:1.${i}`));
      expect(h).toMatch(/^[456789bcdf]{1,10}$/);
    }
  });
  it('is stable and insensitive to key order', () => {
    const a = computeHash({ metadata: { labels: { app: 'web', tier: 'fe' } }, spec: { containers: [{ name: 'w', image: 'x' }] } });
    const b = computeHash({ spec: { containers: [{ image: 'x', name: 'w' }] }, metadata: { labels: { tier: 'fe', app: 'web' } } });
    expect(a).toBe(b);
    expect(computeHash(template())).toBe(computeHash(template()));
  });
  it('changes with the template and with the collision count', () => {
    expect(computeHash(template('a'))).not.toBe(computeHash(template('b')));
    expect(computeHash(template(), 1)).not.toBe(computeHash(template()));
    expect(computeHash(template(), 1)).not.toBe(computeHash(template(), 2));
  });
  it('SafeEncodeString maps digits 0–9 to 4 5 6 7 8 9 b c d f', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
  });
});

describe('equalIgnoreHash', () => {
  it.each([
    ['only the hash label differs', { metadata: { labels: { app: 'web', 'pod-template-hash': 'abc' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } }, true],
    ['image differs', template('nginx:1.26'), false],
    ['another label differs', { metadata: { labels: { app: 'api' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } }, false],
  ])('%s', (_n, other, want) => {
    expect(equalIgnoreHash(template(), other)).toBe(want);
  });
});

describe('revisions', () => {
  const list = [rs('a', 0, 0, 0, { 'deployment.kubernetes.io/revision': '1' }), rs('b', 0, 0, 1, { 'deployment.kubernetes.io/revision': '3' }), rs('c', 1, 1, 2, { 'deployment.kubernetes.io/revision': '2' })];
  it('revisionOf, maxRevision, lastRevision', () => {
    expect(revisionOf(list[1])).toBe(3);
    expect(revisionOf(rs('x', 0))).toBe(0);
    expect(maxRevision(list)).toBe(3);
    expect(lastRevision(list)).toBe(2);
    expect(maxRevision([])).toBe(0);
  });
  it('an old RS revived by a rollback gets max+1 and keeps its old number in revision-history', () => {
    const old = rs('a', 0, 0, 0, { 'deployment.kubernetes.io/revision': '1' });
    expect(setNewReplicaSetAnnotations(deploy(3), old, 3, true)).toBe(true);
    expect(old.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '3', 'deployment.kubernetes.io/revision-history': '1' });
    setNewReplicaSetAnnotations(deploy(3), old, 5, true);
    expect(old.metadata.annotations!['deployment.kubernetes.io/revision-history']).toBe('1,3');
  });
  it('copies Deployment annotations except the skip list; a new RS gets replica annotations', () => {
    const d = deploy(10);
    d.metadata.annotations = { 'kubernetes.io/change-cause': 'v2', 'deployment.kubernetes.io/revision': '7', 'kubectl.kubernetes.io/last-applied-configuration': '{}' };
    const n = rs('n', 0);
    n.metadata.annotations = undefined;
    setNewReplicaSetAnnotations(d, n, 1, false);
    expect(n.metadata.annotations).toEqual({
      'kubernetes.io/change-cause': 'v2', 'deployment.kubernetes.io/revision': '1',
      'deployment.kubernetes.io/desired-replicas': '10', 'deployment.kubernetes.io/max-replicas': '13',
    });
  });
  it('rollback helpers strip the hash and carry annotations back', () => {
    const old = rs('a', 0, 0, 0, { 'deployment.kubernetes.io/revision': '1', 'kubernetes.io/change-cause': 'v1' });
    expect(rollbackTemplate(old)!.metadata!.labels).toEqual({ app: 'web' });
    const d = deploy(3);
    d.metadata.annotations = { 'deployment.kubernetes.io/revision': '2', 'kubernetes.io/change-cause': 'v2' };
    expect(rollbackAnnotations(d, old)).toEqual({ 'deployment.kubernetes.io/revision': '2', 'kubernetes.io/change-cause': 'v1' });
  });
  it('findNewReplicaSet / findOldReplicaSets', () => {
    const d = deploy(3);
    const a = rs('a', 3, 3, 0, {}, 'nginx:1.24');
    const b = rs('b', 0, 0, 1, {}, 'nginx:1.25');
    const c = rs('c', 0, 0, 2, {}, 'nginx:1.23');
    expect(findNewReplicaSet(d, [a, b, c])?.metadata.name).toBe('b');
    const { requiredRSs, allOldRSs } = findOldReplicaSets(d, [a, b, c]);
    expect(requiredRSs.map((x) => x.metadata.name)).toEqual(['a']);
    expect(allOldRSs.map((x) => x.metadata.name)).toEqual(['a', 'c']);
  });
});

describe('NewRSNewReplicas', () => {
  it.each([
    ['10 at 25%: old 10, new 0 → 3', deploy(10), [10], 0, 3],
    ['10 at 25%: old 8, new 3 → 5', deploy(10), [8], 3, 5],
    ['10 at 25%: old 10, new 3 → 3 (at the surge limit)', deploy(10), [10], 3, 3],
    ['3 at 25%: old 3, new 0 → 1', deploy(3), [3], 0, 1],
    ['maxSurge 0: old 2, new 0 → 0', deploy(2, 0, 1), [2], 0, 0],
    ['never above the desired count: old 0, new 4 of 10 → 10', deploy(10), [0], 4, 10],
    ['Recreate: straight to replicas', deploy(5, '25%', '25%', { strategy: { type: 'Recreate' } }), [0], 0, 5],
  ])('%s', (_n, d, olds, newSize, want) => {
    const newRS = rs('new', newSize);
    const all = [...olds.map((o, i) => rs(`old${i}`, o)), newRS];
    expect(newRSNewReplicas(d, all, newRS)).toBe(want);
  });
  it('reconcileNewReplicaSet scales a too-big new RS down to the desired count', () => {
    const newRS = rs('new', 12);
    expect(reconcileNewReplicaSet([newRS], newRS, deploy(10))).toBe(10);
    expect(reconcileNewReplicaSet([newRS], rs('new', 10), deploy(10))).toBeUndefined();
  });
});

describe('reconcileOldReplicaSets', () => {
  type Row = [string, Deployment, [number, number][], [number, number], [string, number, string][]];
  const rows: Row[] = [
    ['10 @25%: old 10/10 avail, new 3/0 → old to 8', deploy(10), [[10, 10]], [3, 0], [['old0', 8, 'rolling']]],
    ['10 @25%: old 8/8, new 5/3 → old to 5', deploy(10), [[8, 8]], [5, 3], [['old0', 5, 'rolling']]],
    ['10 @25%: old 8/8, new 5/0 → nothing (13-8-5=0)', deploy(10), [[8, 8]], [5, 0], []],
    ['unhealthy old pods go first: old 10/6, new 3/0 → maxScaledDown 2 → cleanup 10→8, then none', deploy(10), [[10, 6]], [3, 0], [['old0', 8, 'cleanup']]],
    ['oldest RS first: two olds 4/4 and 4/4, new 5/5 → 4 to drop → old0 to 0? no: avail 13-8=5 → old0 0, old1 3', deploy(10), [[4, 4], [4, 4]], [5, 5], [['old0', 0, 'rolling'], ['old1', 3, 'rolling']]],
    ['3 @25% (unavail 0): old 3/3, new 1/0 → nothing', deploy(3), [[3, 3]], [1, 0], []],
    ['3 @25%: old 3/3, new 1/1 → old to 2', deploy(3), [[3, 3]], [1, 1], [['old0', 2, 'rolling']]],
  ];
  it.each(rows)('%s', (_n, d, olds, [ns, na], want) => {
    const oldRSs = olds.map(([r, a], i) => rs(`old${i}`, r, a, i));
    const newRS = rs('new', ns, na, 100);
    const steps = reconcileOldReplicaSets([...oldRSs, newRS], oldRSs, newRS, d);
    expect(steps.map((s) => [s.rs.metadata.name, s.to, s.why])).toEqual(want);
  });
});

describe('proportional scaling (planScale)', () => {
  const ann = (desired: number, max: number) => ({ 'deployment.kubernetes.io/desired-replicas': String(desired), 'deployment.kubernetes.io/max-replicas': String(max) });
  it('10 replicas mid-rollout (old 8, new 3, max 13) scaled to 15 → old 15, new 4 (leftover to the largest)', () => {
    const old = rs('old', 8, 8, 0, ann(10, 13), 'nginx:1.24');
    const neu = rs('new', 3, 0, 10, ann(10, 13));
    const plan = planScale(deploy(15), neu, [old]);
    expect(plan.map((s) => [s.rs.metadata.name, s.to])).toEqual([['old', 15], ['new', 4]]);
  });
  it('scaled down mid-rollout: 10 → 5 (old 8, new 3, max 13): allowed 7 (surge 2), remove 4: old round(8×7/13)−8 = −4 takes it all → old 4, new 3', () => {
    const old = rs('old', 8, 8, 0, ann(10, 13), 'nginx:1.24');
    const neu = rs('new', 3, 0, 10, ann(10, 13));
    const plan = planScale(deploy(5), neu, [old]);
    expect(plan.map((s) => [s.rs.metadata.name, s.to])).toEqual([['old', 4], ['new', 3]]);
  });
  it('a single active RS simply gets the new size', () => {
    const neu = rs('new', 3, 3, 10, ann(3, 4));
    expect(planScale(deploy(5), neu, [rs('old', 0, 0, 0, {}, 'x')]).map((s) => [s.rs.metadata.name, s.to])).toEqual([['new', 5]]);
  });
  it('a saturated new RS scales the old ones to 0', () => {
    const neu = rs('new', 5, 5, 10, ann(5, 7));
    const old = rs('old', 2, 2, 0, ann(5, 7), 'x');
    expect(planScale(deploy(5), neu, [old]).map((s) => [s.rs.metadata.name, s.to])).toEqual([['old', 0]]);
  });
});

describe('cleanup, completion and progress', () => {
  it('keeps revisionHistoryLimit old RSs, deleting the lowest empty revisions', () => {
    const olds = [1, 2, 3, 4].map((r) => rs(`r${r}`, 0, 0, r, { 'deployment.kubernetes.io/revision': String(r) }));
    olds[1].status = { replicas: 1, observedGeneration: 1 };
    const d = deploy(3, '25%', '25%', { revisionHistoryLimit: 1 });
    expect(planCleanup(d, olds).map((x) => x.metadata.name)).toEqual(['r1', 'r3']);
  });
  it('deploymentComplete', () => {
    const d = deploy(10);
    expect(deploymentComplete(d, { replicas: 10, updatedReplicas: 10, availableReplicas: 8, observedGeneration: 1 })).toBe(true);
    expect(deploymentComplete(d, { replicas: 11, updatedReplicas: 10, availableReplicas: 10, observedGeneration: 1 })).toBe(false);
    expect(deploymentComplete(d, { replicas: 10, updatedReplicas: 10, availableReplicas: 7, observedGeneration: 1 })).toBe(false);
    expect(deploymentComplete(d, { replicas: 10, updatedReplicas: 10, availableReplicas: 10, observedGeneration: 0 })).toBe(false);
  });
  it('times out strictly after lastUpdateTime + progressDeadlineSeconds', () => {
    const d = deploy(3, '25%', '25%', { progressDeadlineSeconds: 60 });
    const st = { conditions: [{ type: 'Progressing', status: 'True' as const, reason: 'ReplicaSetUpdated', lastUpdateTime: iso(0), lastTransitionTime: iso(0) }] };
    expect(deploymentTimedOut(d, st, T0 + 60_000)).toBe(false);
    expect(deploymentTimedOut(d, st, T0 + 60_001)).toBe(true);
    d.status = st;
    expect(stuckRequeueDelayMs(d, {}, T0 + 20_000)).toBe(41_000);
  });
});
