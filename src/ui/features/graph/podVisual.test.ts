import { describe, expect, it } from 'vitest';
import type { PodCategory } from '../../model/podStatus';
import type { Pod } from '../../../engine';
import { obj, pod } from './fixtures.test-util';
import { CATEGORY_ICON, CATEGORY_WORDS, ageOf, humanAge, CLUSTER_EPOCH_MS, podLabel, podTitle, podVisual, shortPodName } from './podVisual';

describe('pod visuals', () => {
  it('gives every status group its own icon and words (status never by colour alone)', () => {
    const cats: PodCategory[] = ['pending', 'creating', 'notready', 'running', 'terminating', 'crashloop', 'imagepull', 'completed', 'error'];
    expect(new Set(cats.map((c) => CATEGORY_ICON[c])).size).toBe(cats.length);
    expect(new Set(cats.map((c) => CATEGORY_WORDS[c])).size).toBe(cats.length);
  });
  it.each([
    [5_000, '5s'],
    [119_000, '119s'],
    [310_000, '5m10s'],
    [3_600_000, '60m'],
    [4 * 3_600_000, '4h'],
    [3 * 86_400_000, '3d'],
  ])('prints %d ms as %s (kubectl AGE)', (ms, s) => expect(humanAge(ms)).toBe(s));
  it('computes age from creationTimestamp and simulated now', () => {
    expect(ageOf(new Date(CLUSTER_EPOCH_MS + 10_000).toISOString(), 70_000)).toBe('60s');
    expect(ageOf(undefined, 1)).toBe('');
  });
});

describe("the compact tile's short name", () => {
  const rs = obj('ReplicaSet', 'web-7d4b9c8f5');
  const ds = obj('DaemonSet', 'kindnet', { ns: 'kube-system' });
  const sts = obj('StatefulSet', 'db');
  const staticPod = (name: string, nodeName: string): Pod => {
    const p = pod(name, nodeName, { ns: 'kube-system' });
    return { ...p, metadata: { ...p.metadata, ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: nodeName, uid: 'u', controller: true }] } };
  };
  it.each([
    ['a ReplicaSet\'s random suffix', pod('web-7d4b9c8f5-x2kqp', 'kind-worker', { owner: rs }), 'x2kqp'],
    ['a DaemonSet\'s random suffix', pod('kindnet-4s7v7', 'kind-worker', { ns: 'kube-system', owner: ds }), '4s7v7'],
    ['a StatefulSet pod keeps its name (the ordinal alone says little)', pod('db-0', 'kind-worker', { owner: sts }), 'db-0'],
    ['a static pod is its component', staticPod('etcd-kind-control-plane', 'kind-control-plane'), 'etcd'],
    ['a static pod without the kube- they share', staticPod('kube-scheduler-kind-control-plane', 'kind-control-plane'), 'scheduler'],
    ['a bare pod keeps its name', pod('lonely'), 'lonely'],
    ['a pod whose name does not extend its owner\'s keeps it', pod('other-name', 'kind-worker', { owner: rs }), 'other-name'],
  ])('%s', (_, p, want) => expect(shortPodName(p)).toBe(want));
});

describe('the pod tooltip and label (both drawings)', () => {
  it('has every kubectl column, the age when known, and why a Pending pod waits', () => {
    const waiting = pod('p', undefined);
    const withWhy: Pod = { ...waiting, status: { ...waiting.status, conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/4 nodes are available' }] } };
    expect(podTitle(withWhy, '5m12s')).toBe('Pod default/p\nPending (waiting for a node) · 0/1 ready · 0 restarts · age 5m12s\nWhy Pending: 0/4 nodes are available');
    expect(podTitle(withWhy, '')).not.toContain('age');
    expect(podLabel(withWhy)).toBe('Pod default/p: Pending, 0 of 1 ready, 0 restarts. Why Pending: 0/4 nodes are available');
  });
  it('says when a Running pod is marked not ready (its node is NotReady)', () => {
    const p = pod('r', 'kind-worker');
    const marked: Pod = { ...p, status: { ...p.status, conditions: [{ type: 'Ready', status: 'False' }] } };
    expect(podVisual(marked)).toMatchObject({ reason: 'Running', readyCondition: 'False', unready: true });
    expect(podVisual(p)).toMatchObject({ readyCondition: '', unready: false });
    expect(podTitle(marked, '')).toContain('Running, Ready condition False');
    expect(podLabel(marked)).toMatch(/^Pod default\/r: Running, not ready,/);
  });
  it("computes a pod version's visual once, and a changed pod's afresh", () => {
    const p = pod('c', 'kind-worker');
    expect(podVisual(p)).toBe(podVisual(p));
    const failed: Pod = { ...p, status: { ...p.status, phase: 'Failed' } };
    expect(podVisual(failed).reason).toBe('Failed');
    expect(podVisual(p).reason).toBe('Running');
  });
});
