import { describe, expect, it } from 'vitest';
import { Rng } from '../../sim/rng';
import { schedulePod, selectHost, numFeasibleNodesToFind } from '../schedule_one';
import { nodeInfo, pod } from '../testing/fixtures';
import { expandDecision } from './decisions';
import { fitErrorMessage, sortedHistogram } from './fit_error';
import { staticHandle } from './handle';
import { DEFAULT_PROFILE, inTreeRegistry } from './registry';
import { Framework } from './runtime';
import type { NodeInfo } from './node_info';

const CP_TAINT = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const };

function fw(nodes: NodeInfo[]): Framework {
  return new Framework(DEFAULT_PROFILE, inTreeRegistry, staticHandle(nodes));
}

describe('FitError message', () => {
  it('the §8 example: control plane tainted, three workers short of cpu', () => {
    const nodes = [
      nodeInfo({ name: 'control-plane', cpu: '8', taints: [CP_TAINT] }),
      nodeInfo({ name: 'w1', cpu: '2' }, [{ name: 'a', cpu: '1500m' }]),
      nodeInfo({ name: 'w2', cpu: '2' }, [{ name: 'b', cpu: '1800m' }]),
      nodeInfo({ name: 'w3', cpu: '2' }, [{ name: 'c', cpu: '2' }]),
    ];
    const r = schedulePod(fw(nodes), nodes, pod({ cpu: '1' }), new Rng(1), 0, 0);
    expect(r.selected).toBeUndefined();
    expect(r.message).toBe(
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. ' +
        'preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
    );
    expect(r.unschedulablePlugins).toEqual(['NodeResourcesFit', 'TaintToleration']);
  });
  it('a mix: selector, cordon, ports, memory and a pod larger than any node', () => {
    const nodes = [
      nodeInfo({ name: 'a', cpu: '2', labels: { disk: 'hdd' } }),
      nodeInfo({ name: 'b', cpu: '2', labels: { disk: 'ssd' }, unschedulable: true }),
      nodeInfo({ name: 'c', cpu: '2', labels: { disk: 'ssd' } }),
    ];
    const r = schedulePod(fw(nodes), nodes, pod({ cpu: '3', spec: { containers: [{ name: 'c', resources: { requests: { cpu: '3' } } }], nodeSelector: { disk: 'ssd' } } }), new Rng(1), 0, 0);
    expect(r.message).toBe(
      "0/3 nodes are available: 1 Insufficient cpu, 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) were unschedulable. " +
        'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
  });
  it('histogram strings sort as strings ("10 …" before "2 …")', () => {
    expect(sortedHistogram(new Map([['b', 2], ['a', 10]]))).toEqual(['10 a', '2 b']);
    expect(fitErrorMessage(12, new Map([['b', 2], ['a', 10]]))).toBe('0/12 nodes are available: 10 a, 2 b.');
  });
  it('no nodes', () => {
    const r = schedulePod(fw([]), [], pod(), new Rng(1), 0, 0);
    expect(r.message).toBe('no nodes available to schedule pods');
  });
});

describe('decision record', () => {
  it('records every filter and score per node, with weights and totals', () => {
    const nodes = [nodeInfo({ name: 'cp', taints: [CP_TAINT] }), nodeInfo({ name: 'w1' }), nodeInfo({ name: 'w2' }, [{ name: 'x', cpu: '2', memory: '4Gi' }])];
    const r = schedulePod(fw(nodes), nodes, pod(), new Rng(1), 0, 5000);
    const d = expandDecision(r.decision);
    expect(d.selected).toBe('w1');
    expect(d.time).toBe(5000);
    expect(d.nodes.map((n) => n.name)).toEqual(['cp', 'w1', 'w2']);
    const cp = d.nodes[0];
    expect(cp.failedPlugin).toBe('TaintToleration');
    expect(cp.filters.find((f) => f.plugin === 'TaintToleration')).toEqual({
      plugin: 'TaintToleration', status: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'],
    });
    expect(cp.filters.find((f) => f.plugin === 'NodeAffinity')?.status).toBe('Skip');
    expect(cp.total).toBeNull();
    const w1 = d.nodes[1];
    // Pod without requests: TaintToleration 100*3, LeastAllocated 97*1; Balanced, NodeAffinity, spread skipped.
    expect(w1.scores).toEqual([
      { plugin: 'TaintToleration', raw: 0, normalized: 100, weighted: 300 },
      { plugin: 'NodeResourcesFit', raw: 97, normalized: 97, weighted: 97 },
      { plugin: 'ImageLocality', raw: 0, normalized: 0, weighted: 0 },
    ]);
    expect(w1.total).toBe(397);
    // w2: cpu (4000 - 2100) * 100 / 4000 = 47, memory (8192 - 4296)Mi * 100 / 8192Mi = 47 ⇒ 47.
    expect(d.nodes[2].total).toBe(347);
    expect(d.message).toBe('Successfully assigned default/p to w1');
  });
  it('a single feasible node is chosen without scoring', () => {
    const nodes = [nodeInfo({ name: 'cp', taints: [CP_TAINT] }), nodeInfo({ name: 'w1' })];
    const d = expandDecision(schedulePod(fw(nodes), nodes, pod(), new Rng(1), 0, 0).decision);
    expect(d.selected).toBe('w1');
    expect(d.nodes[1].scores).toEqual([]);
    expect(d.nodes[1].total).toBeNull();
  });
});

describe('selectHost', () => {
  it('picks the highest total', () => {
    expect(selectHost([10, 30, 20], new Rng(1))).toBe(1);
  });
  it('breaks ties deterministically for a seed, and roughly uniformly', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const picksA = Array.from({ length: 20 }, () => selectHost([5, 9, 9, 9, 1], a));
    const picksB = Array.from({ length: 20 }, () => selectHost([5, 9, 9, 9, 1], b));
    expect(picksA).toEqual(picksB);
    const counts = [0, 0, 0, 0, 0];
    const rng = new Rng(7);
    for (let i = 0; i < 3000; i++) counts[selectHost([5, 9, 9, 9, 1], rng)]++;
    expect(counts[0]).toBe(0);
    expect(counts[4]).toBe(0);
    for (const c of counts.slice(1, 4)) expect(c).toBeGreaterThan(850);
  });
  it('no draw without a tie', () => {
    const rng = new Rng(3);
    const before = rng.state();
    selectHost([1, 2, 3], rng);
    expect(rng.state()).toEqual(before);
  });
});

describe('numFeasibleNodesToFind', () => {
  it.each([
    [3, 3],
    [99, 99],
    [100, 100],
    [1000, 420],
    [5000, 500],
  ])('%i nodes ⇒ %i', (n, want) => expect(numFeasibleNodesToFind(n)).toBe(want));
});
