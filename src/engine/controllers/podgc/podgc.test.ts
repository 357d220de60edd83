import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/core';
import { G } from '../../testing/harness';
import { DEFAULT_TOLERATIONS, Harness } from '../testing/lifecycle_harness';
import { NodeLifecycleController } from '../nodelifecycle/node_lifecycle_controller';
import { TaintEvictionController } from '../tainteviction/taint_eviction';
import { PodGCController } from './gc_controller';

const OWNERS = ['node-lifecycle-controller', 'taint-eviction-controller', 'pod-garbage-collector'];

function cluster(): Harness {
  return new Harness((ctx) => [new NodeLifecycleController(ctx), new TaintEvictionController(ctx), new PodGCController(ctx)]);
}

describe('pod GC', () => {
  it('force-deletes pods bound to a deleted node after the 40 s quarantine', () => {
    const h = cluster();
    h.addNode('kind-worker');
    h.addNode('kind-worker2');
    h.createPod('a', { node: 'kind-worker2' });
    h.createPod('b', { node: 'kind-worker2', tolerations: DEFAULT_TOLERATIONS });
    h.createPod('c', { node: 'kind-worker' });
    h.api.delete(h.api.resolve(G.nodes), '', 'kind-worker2', { user: 'kubectl' });
    h.settle();
    expect(h.eventList('RemovingNode').map((e) => e.message)).toEqual(['Node kind-worker2 event: Removing Node kind-worker2 from Controller']);
    h.advance(39_999);
    expect(h.pod('a')).toBeDefined();
    h.advance(1);
    expect(h.pod('a')).toBeUndefined();
    expect(h.pod('b')).toBeUndefined();
    expect(h.pod('c')).toBeDefined();
    const t = h.trace.recent().filter((e) => e.component === 'pod-garbage-collector' && e.action === 'force-delete');
    expect(t.map((e) => e.object?.name)).toEqual(['a', 'b']);
    expect(h.pendingTimers(OWNERS)).toBe(0);
  });

  it('keeps the pods when the node comes back within the quarantine', () => {
    const h = cluster();
    h.addNode('kind-worker2');
    h.createPod('a', { node: 'kind-worker2' });
    h.api.delete(h.api.resolve(G.nodes), '', 'kind-worker2', { user: 'kubectl' });
    h.settle();
    h.advance(20_000);
    h.addNode('kind-worker2');
    h.advance(60_000);
    expect(h.pod('a')).toBeDefined();
    expect(h.pendingTimers(OWNERS)).toBe(0);
  });

  it('marks the orphan Failed with DeletionByPodGC before the forced delete', () => {
    const h = cluster();
    h.createPod('a', { node: 'ghost' });
    const seen: Pod[] = [];
    h.store.watch('/pods', (e) => seen.push(e.object as Pod));
    h.advance(40_000);
    const last = seen.filter((p) => p.status?.phase === 'Failed').pop();
    expect(last?.status?.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({ reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists' });
    expect(h.pod('a')).toBeUndefined();
  });
});
