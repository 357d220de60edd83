import { describe, expect, it } from 'vitest';
import type { Node, Pod } from '../api/core';
import { createHarness, GI } from './testing/harness';

const NODES = { group: '', resource: 'nodes' };
const CP_TAINT = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const };

function schedCondition(p: Pod) {
  return p.status?.conditions?.find((c) => c.type === 'PodScheduled');
}

describe('Scheduler (whole queue)', () => {
  it('binds pending pods, emits Scheduled events, traces and keeps decisions', () => {
    const h = createHarness(1);
    h.addNode({ name: 'cp', taints: [CP_TAINT] });
    h.addNode({ name: 'w1' });
    h.addNode({ name: 'w2' });
    for (let i = 0; i < 6; i++) h.addPod({ name: `p${i}`, cpu: '100m' });
    h.settle();
    const placed = [0, 1, 2, 3, 4, 5].map((i) => h.pod(`p${i}`).spec.nodeName);
    expect(placed.every((n) => n === 'w1' || n === 'w2')).toBe(true);
    // LeastAllocated spreads: 3 and 3.
    expect(placed.filter((n) => n === 'w1').length).toBe(3);
    const ev = h.events('Scheduled').map((e) => (e as unknown as { message: string }).message);
    expect(ev).toContain(`Successfully assigned default/p0 to ${placed[0]}`);
    expect(schedCondition(h.pod('p0'))?.status).toBe('True');
    const d = h.scheduler.lastDecision('default', 'p0');
    expect(d?.selected).toBe(placed[0]);
    expect(d?.nodes.length).toBe(3);
    expect(h.scheduler.decisionFor(h.pod('p0').metadata.uid!)?.pod.name).toBe('p0');
    const tr = h.trace.recent().filter((t) => t.action === 'bind');
    expect(tr.length).toBe(6);
    expect((tr[0].details as { top: unknown[] }).top.length).toBe(2);
  });

  it('unschedulable: FailedScheduling event, PodScheduled=False, folded repeats, retried on uncordon after back-off', () => {
    const h = createHarness(1);
    h.addNode({ name: 'w1', unschedulable: true });
    h.addPod({ name: 'web' });
    h.settle();
    const msg = '0/1 nodes are available: 1 node(s) were unschedulable. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.';
    const ev = h.events('FailedScheduling') as unknown as { message: string; count: number; type: string }[];
    expect(ev.length).toBe(1);
    expect(ev[0].message).toBe(msg);
    expect(ev[0].type).toBe('Warning');
    const c = schedCondition(h.pod('web'));
    expect(c).toMatchObject({ status: 'False', reason: 'Unschedulable', message: msg });
    expect(h.scheduler.queuedPods().unschedulable).toEqual(['default/web']);
    // Only the 5-minute flush timer is pending.
    expect(h.clock.pending()).toBe(1);

    // Five minutes later the pod is retried anyway: the same event, count 2.
    h.advance(5 * 60_000);
    expect((h.events('FailedScheduling')[0] as unknown as { count: number }).count).toBe(2);

    // Uncordon: the pod moves to backoffQ (attempt 2 ⇒ 2 s), then binds.
    const n = h.api.get(NODES, '', 'w1') as Node;
    h.api.update(NODES, '', { ...n, spec: { ...n.spec, unschedulable: false } });
    h.settle();
    expect(h.pod('web').spec.nodeName).toBeUndefined();
    expect(h.scheduler.queuedPods().backoff).toEqual(['default/web']);
    h.advance(2000);
    expect(h.pod('web').spec.nodeName).toBe('w1');
    // An idle cluster keeps no scheduler timers.
    expect(h.clock.pending()).toBe(0);
  });

  it('a label change does not retry a pod rejected for cpu, a pod deletion does', () => {
    const h = createHarness(1);
    h.addNode({ name: 'w1', cpu: '1' });
    h.addPod({ name: 'big', cpu: '800m' });
    h.settle();
    h.addPod({ name: 'second', cpu: '500m' });
    h.settle();
    expect(h.pod('second').spec.nodeName).toBeUndefined();
    expect(h.scheduler.lastDecision('default', 'second')?.message).toContain('1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.');
    const n = h.api.get(NODES, '', 'w1') as Node;
    h.api.update(NODES, '', { ...n, metadata: { ...n.metadata, labels: { ...n.metadata.labels, x: 'y' } } });
    h.settle();
    expect(h.scheduler.queuedPods().unschedulable).toEqual(['default/second']);
    h.api.delete({ group: '', resource: 'pods' }, 'default', 'big');
    h.advance(1000);
    expect(h.pod('second').spec.nodeName).toBe('w1');
  });

  it('higher priority first, then creation order', () => {
    const h = createHarness(1);
    h.addNode({ name: 'w1', cpu: '1' });
    h.addPod({ name: 'low', cpu: '600m' });
    h.addPod({ name: 'high', cpu: '600m', spec: { containers: [{ name: 'c', resources: { requests: { cpu: '600m' } } }], priority: 1000 } });
    h.settle();
    expect(h.pod('high').spec.nodeName).toBe('w1');
    expect(h.pod('low').spec.nodeName).toBeUndefined();
  });

  it('no nodes: "no nodes available to schedule pods"; a new node schedules it', () => {
    const h = createHarness(1);
    h.addPod({ name: 'p' });
    h.settle();
    expect((h.events('FailedScheduling')[0] as unknown as { message: string }).message).toBe('no nodes available to schedule pods');
    h.addNode({ name: 'w1' });
    h.advance(1000);
    expect(h.pod('p').spec.nodeName).toBe('w1');
  });

  it('ignores pods of other schedulers and pods already bound', () => {
    const h = createHarness(1);
    h.addNode({ name: 'w1' });
    h.addPod({ name: 'other', spec: { containers: [{ name: 'c' }], schedulerName: 'my-scheduler' } });
    h.addPod({ name: 'pinned', spec: { containers: [{ name: 'c' }], nodeName: 'w1' } });
    h.settle();
    expect(h.pod('other').spec.nodeName).toBeUndefined();
    expect(h.events('Scheduled').length).toBe(0);
  });

  it('same seed, same placements (ties broken with the seeded rng)', () => {
    const run = (seed: number) => {
      const h = createHarness(seed);
      for (let i = 0; i < 5; i++) h.addNode({ name: `w${i}` });
      // Host ports make each node take one pod, and identical nodes tie.
      for (let i = 0; i < 5; i++) h.addPod({ name: `p${i}`, containers: [{ name: 'c', ports: [{ containerPort: 80, hostPort: 80 }] }] });
      h.settle();
      return [0, 1, 2, 3, 4].map((i) => h.pod(`p${i}`).spec.nodeName);
    };
    expect(run(7)).toEqual(run(7));
    expect(new Set(run(7)).size).toBe(5);
  });

  it('save/load round-trips the queue and decisions', () => {
    const h = createHarness(1);
    h.addNode({ name: 'w1', unschedulable: true });
    h.addPod({ name: 'web' });
    h.settle();
    const saved = JSON.parse(JSON.stringify(h.scheduler.save()));
    const h2 = createHarness(1);
    h2.scheduler.discardQueuedWork();
    h2.scheduler.load(saved);
    expect(JSON.stringify(h2.scheduler.save())).toBe(JSON.stringify(saved));
    expect(h2.scheduler.lastDecision('default', 'web')?.message).toContain('node(s) were unschedulable');
  });
});

describe('Scheduler benchmark-style: 2,000 pods on 100 nodes', () => {
  it('places every pod within capacity, spreading evenly', () => {
    const h = createHarness(3);
    for (let i = 0; i < 100; i++) h.addNode({ name: `node-${String(i).padStart(3, '0')}`, cpu: '4', memory: '16Gi' });
    for (let i = 0; i < 2000; i++) h.addPod({ name: `p-${i}`, cpu: '100m', memory: '128Mi' });
    h.settle();
    const perNode = new Map<string, number>();
    for (let i = 0; i < 2000; i++) {
      const n = h.pod(`p-${i}`).spec.nodeName;
      expect(n).toBeDefined();
      perNode.set(n!, (perNode.get(n!) ?? 0) + 1);
    }
    expect(perNode.size).toBe(100);
    // LeastAllocated + BalancedAllocation keep the spread tight: 20 each.
    for (const c of perNode.values()) expect(c).toBe(20);
    expect(h.events('Scheduled').length).toBe(2000);
    expect(GI).toBe(2 ** 30);
  });
});
