import { describe, expect, it } from 'vitest';
import type { Node, Pod, Taint } from '../../api/core';
import { G } from '../../testing/harness';
import { DAEMON_TOLERATIONS, DEFAULT_TOLERATIONS, Harness } from '../testing/lifecycle_harness';
import { NodeLifecycleController } from './node_lifecycle_controller';
import { TaintEvictionController } from '../tainteviction/taint_eviction';
import { PodGCController } from '../podgc/gc_controller';
import { desiredControllerTaints, markNodeStatusUnknown, reconcileTaints } from './health';

const OWNERS = ['node-lifecycle-controller', 'taint-eviction-controller', 'pod-garbage-collector'];

function cluster(): Harness {
  return new Harness((ctx) => [new NodeLifecycleController(ctx), new TaintEvictionController(ctx), new PodGCController(ctx)]);
}

const cond = (n: Node | undefined, type: string) => n?.status?.conditions?.find((c) => c.type === type);
const podCond = (p: Pod | undefined, type: string) => p?.status?.conditions?.find((c) => c.type === type);
const taintKeys = (n: Node | undefined) => (n?.spec?.taints ?? []).map((t) => `${t.key}:${t.effect}`).sort();

describe('node lifecycle: a kubelet that stops renewing', () => {
  // Renewals happen on 10 s ticks from the kubelet's start; the node turns Unknown exactly
  // nodeMonitorGracePeriod (50 s) after the last renewal.
  const cases = [
    { name: 'stopped mid-interval', startAt: 0, stopAt: 125_000, unknownAt: 170_000 },
    { name: 'stopped on a tick', startAt: 0, stopAt: 120_000, unknownAt: 170_000 },
    { name: 'stopped just before a tick', startAt: 0, stopAt: 129_999, unknownAt: 170_000 },
    { name: 'stopped at the next tick', startAt: 0, stopAt: 130_000, unknownAt: 180_000 },
    { name: 'kubelet started off the 10 s grid', startAt: 3_000, stopAt: 47_000, unknownAt: 93_000 },
  ];
  for (const c of cases) {
    it(`${c.name}: Unknown at ${c.unknownAt / 1000} s`, () => {
      const h = cluster();
      h.advanceTo(c.startAt);
      h.addNode('kind-worker2');
      h.advanceTo(c.stopAt);
      h.stopKubelet('kind-worker2');
      expect(h.pendingTimers(['node-lifecycle-controller'])).toBe(1);
      h.advanceTo(c.unknownAt - 1);
      expect(cond(h.node('kind-worker2'), 'Ready')?.status).toBe('True');
      h.advanceTo(c.unknownAt);
      expect(cond(h.node('kind-worker2'), 'Ready')?.status).toBe('Unknown');
      expect(h.pendingTimers(['node-lifecycle-controller'])).toBe(0);
    });
  }

  it('marks conditions Unknown, taints the node, records NodeNotReady and marks pods not ready', () => {
    const h = cluster();
    h.addNode('kind-worker');
    h.addNode('kind-worker2');
    h.createPod('web-a', { node: 'kind-worker2' });
    h.createPod('safe', { node: 'kind-worker' });
    h.advanceTo(125_000);
    h.stopKubelet('kind-worker2');
    h.advanceTo(170_000);
    const node = h.node('kind-worker2')!;
    for (const type of ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure']) {
      expect(cond(node, type)).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    }
    // lastHeartbeatTime stays the last time the kubelet posted; the transition is now.
    expect(cond(node, 'Ready')?.lastHeartbeatTime).toBe('2025-03-03T09:00:00Z');
    expect(cond(node, 'Ready')?.lastTransitionTime).toBe('2025-03-03T09:02:50Z');
    expect(taintKeys(node)).toEqual(['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule']);
    expect(node.spec.taints!.every((t) => t.timeAdded === '2025-03-03T09:02:50Z')).toBe(true);
    const ev = h.eventList('NodeNotReady').filter((e) => e.involvedObject.kind === 'Node');
    expect(ev.map((e) => [e.message, e.source.component, e.type])).toEqual([['Node kind-worker2 status is now: NodeNotReady', 'node-controller', 'Normal']]);
    // The healthy node is untouched.
    expect(taintKeys(h.node('kind-worker'))).toEqual([]);
    expect(podCond(h.pod('safe'), 'Ready')?.status).toBe('True');
    // RegisteredNode on first sight, as kube-controller-manager does.
    expect(h.eventList('RegisteredNode').map((e) => e.message).sort()).toEqual([
      'Node kind-worker event: Registered Node kind-worker in Controller',
      'Node kind-worker2 event: Registered Node kind-worker2 in Controller',
    ]);
  });

  it('a node reporting Ready=False gets the not-ready taints', () => {
    const h = cluster();
    h.addNode('kind-worker');
    const n = h.node('kind-worker')!;
    const conditions = n.status!.conditions!.map((c) => (c.type === 'Ready' ? { ...c, status: 'False' as const, reason: 'KubeletNotReady' } : c));
    h.api.update(G.nodes, '', { ...n, status: { ...n.status, conditions } } as Node, { subresource: 'status', user: 'kubelet' });
    h.settle();
    expect(taintKeys(h.node('kind-worker'))).toEqual(['node.kubernetes.io/not-ready:NoExecute', 'node.kubernetes.io/not-ready:NoSchedule']);
    expect(h.eventList('NodeNotReady').map((e) => e.message)).toEqual(['Node kind-worker status is now: NodeNotReady']);
  });

  it('cordon adds node.kubernetes.io/unschedulable:NoSchedule, uncordon removes it', () => {
    const h = cluster();
    h.addNode('kind-worker');
    const setUnschedulable = (v: boolean) => {
      const n = h.node('kind-worker')!;
      h.api.update(G.nodes, '', { ...n, spec: { ...n.spec, unschedulable: v } } as Node, { user: 'kubectl' });
      h.settle();
    };
    setUnschedulable(true);
    expect(h.node('kind-worker')!.spec.taints).toEqual([{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: '2025-03-03T09:00:00Z' }]);
    setUnschedulable(false);
    expect(h.node('kind-worker')!.spec.taints).toBeUndefined();
  });
});

describe('taint eviction on an unreachable node', () => {
  function failedNode() {
    const h = cluster();
    h.addNode('kind-worker');
    h.addNode('kind-worker2');
    h.createPod('web-untolerating', { node: 'kind-worker2' });
    h.createPod('web-default', { node: 'kind-worker2', tolerations: DEFAULT_TOLERATIONS });
    h.createPod('web-short', { node: 'kind-worker2', tolerations: [{ ...DEFAULT_TOLERATIONS[1], tolerationSeconds: 30 }, DEFAULT_TOLERATIONS[0]] });
    h.createPod('kindnet-x', { node: 'kind-worker2', tolerations: DAEMON_TOLERATIONS });
    h.createPod('web-other', { node: 'kind-worker', tolerations: DEFAULT_TOLERATIONS });
    h.advanceTo(125_000);
    h.stopKubelet('kind-worker2');
    h.advanceTo(170_000); // Unknown + unreachable taints at 170 s
    return h;
  }

  it('evicts at once, after tolerationSeconds, or never, per pod', () => {
    const h = failedNode();
    // Every pod on the node was marked not ready, with a Warning event on the pod.
    for (const p of ['web-untolerating', 'web-default', 'web-short', 'kindnet-x']) expect(podCond(h.pod(p), 'Ready')?.status).toBe('False');
    expect(h.eventList('NodeNotReady').filter((e) => e.involvedObject.kind === 'Pod').map((e) => [e.involvedObject.name, e.type, e.message]).sort()).toEqual([
      ['kindnet-x', 'Warning', 'Node is not ready'],
      ['web-default', 'Warning', 'Node is not ready'],
      ['web-short', 'Warning', 'Node is not ready'],
      ['web-untolerating', 'Warning', 'Node is not ready'],
    ]);
    // No toleration: deleted (gracefully) at once, with the DisruptionTarget condition.
    const gone = h.pod('web-untolerating')!;
    expect(gone.metadata.deletionTimestamp).toBeDefined();
    expect(podCond(gone, 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' });
    expect(h.eventList('TaintManagerEviction').map((e) => [e.source.component, e.message])).toEqual([['taint-eviction-controller', 'Marking for deletion Pod default/web-untolerating']]);
    const schedule: [string, number | undefined][] = [
      ['web-short', 200_000],
      ['web-default', 470_000],
      ['kindnet-x', undefined],
    ];
    for (const [name, at] of schedule) {
      if (at === undefined) continue;
      h.advanceTo(at - 1);
      expect(h.pod(name)!.metadata.deletionTimestamp, `${name} before ${at}`).toBeUndefined();
      h.advanceTo(at);
      expect(h.pod(name)!.metadata.deletionTimestamp, `${name} at ${at}`).toBeDefined();
    }
    h.advanceTo(3_600_000);
    expect(h.pod('kindnet-x')!.metadata.deletionTimestamp).toBeUndefined();
    expect(h.pod('web-other')!.metadata.deletionTimestamp).toBeUndefined();
    // The evicted pods stay Terminating: the node's kubelet cannot finish them.
    expect(h.pod('web-default')).toBeDefined();
    expect(h.pendingTimers(OWNERS)).toBe(0);
  });

  it('recovery removes the taints and cancels pending evictions', () => {
    const h = failedNode();
    expect(h.pendingTimers(['taint-eviction-controller'])).toBe(2);
    h.advanceTo(185_000);
    h.restartKubelet('kind-worker2');
    expect(taintKeys(h.node('kind-worker2'))).toEqual([]);
    expect(h.pendingTimers(OWNERS)).toBe(0);
    expect(h.eventList('TaintManagerEviction').map((e) => e.message).sort()).toEqual([
      'Cancelling deletion of Pod default/web-default',
      'Cancelling deletion of Pod default/web-short',
      'Marking for deletion Pod default/web-untolerating',
    ]);
    h.advanceTo(1_000_000);
    expect(h.pod('web-default')!.metadata.deletionTimestamp).toBeUndefined();
    expect(h.pod('web-short')!.metadata.deletionTimestamp).toBeUndefined();
  });

  it('leaves a trace for every decision', () => {
    const h = failedNode();
    const actions = h.trace.recent().map((t) => `${t.component} ${t.action}`);
    for (const a of [
      'node-lifecycle-controller watch',
      'node-lifecycle-controller mark-unknown',
      'node-lifecycle-controller not-ready',
      'node-lifecycle-controller taint',
      'node-lifecycle-controller mark-pod-not-ready',
      'taint-eviction-controller evict',
      'taint-eviction-controller schedule-eviction',
    ]) expect(actions).toContain(a);
  });

  it('controller state survives save/load as JSON', () => {
    const h = failedNode();
    for (const c of h.components) {
      const saved = JSON.parse(JSON.stringify(c.save!()));
      c.load!(saved);
      expect(JSON.parse(JSON.stringify(c.save!()))).toEqual(saved);
    }
    h.advanceTo(470_000);
    expect(h.pod('web-default')!.metadata.deletionTimestamp).toBeDefined();
  });
});

describe('idle cluster', () => {
  it('has no pending timers from these controllers', () => {
    const h = cluster();
    for (const n of ['kind-control-plane', 'kind-worker', 'kind-worker2', 'kind-worker3']) h.addNode(n);
    h.createPod('a', { node: 'kind-worker', tolerations: DEFAULT_TOLERATIONS });
    h.createPod('b', { node: 'kind-worker3' });
    h.advance(3_600_000);
    expect(h.clock.pending()).toBe(0);
    expect(h.trace.recent().filter((t) => t.action === 'mark-unknown')).toEqual([]);
  });
});

describe('pure decisions', () => {
  const node = (ready: 'True' | 'False' | 'Unknown' | undefined, extra: Partial<Node['spec']> = {}, pressure?: string): Node =>
    ({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'n', creationTimestamp: '2025-03-03T09:00:00Z' },
      spec: { ...extra },
      status: {
        conditions: [
          ...(ready ? [{ type: 'Ready', status: ready }] : []),
          ...(pressure ? [{ type: pressure, status: 'True' as const }] : []),
        ],
      },
    }) as Node;
  const table: [string, Node, string[]][] = [
    ['ready', node('True'), []],
    ['not ready', node('False'), ['node.kubernetes.io/not-ready:NoSchedule', 'node.kubernetes.io/not-ready:NoExecute']],
    ['unknown', node('Unknown'), ['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']],
    ['cordoned', node('True', { unschedulable: true }), ['node.kubernetes.io/unschedulable:NoSchedule']],
    ['memory pressure', node('True', {}, 'MemoryPressure'), ['node.kubernetes.io/memory-pressure:NoSchedule']],
    ['disk pressure', node('True', {}, 'DiskPressure'), ['node.kubernetes.io/disk-pressure:NoSchedule']],
  ];
  for (const [name, n, want] of table) {
    it(`desiredControllerTaints: ${name}`, () => {
      expect(desiredControllerTaints(n).map((t) => `${t.key}:${t.effect}`)).toEqual(want);
    });
  }

  it('reconcileTaints keeps foreign taints and original timeAdded', () => {
    const current: Taint[] = [
      { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: 'T0' },
      { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: 'T0' },
    ];
    const r = reconcileTaints(current, desiredControllerTaints(node('Unknown')), 'T1');
    expect(r.taints).toEqual([
      { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: 'T0' },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule', timeAdded: 'T1' },
    ]);
    expect(r.removed.map((t) => t.key)).toEqual(['node.kubernetes.io/unschedulable']);
  });

  it('markNodeStatusUnknown: never-posted conditions get NodeStatusNeverUpdated; idempotent', () => {
    const n = node('True');
    const c = markNodeStatusUnknown(n, 'T1')!;
    expect(c.find((x) => x.type === 'Ready')).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown' });
    expect(c.find((x) => x.type === 'DiskPressure')).toMatchObject({ status: 'Unknown', reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.' });
    expect(markNodeStatusUnknown({ ...n, status: { conditions: c } }, 'T2')).toBeNull();
  });
});
