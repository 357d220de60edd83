import { describe, expect, it } from 'vitest';
import { CycleState } from '../../framework/cycle_state';
import { podRequests } from '../../framework/pod_resources';
import { nodeInfo, pod } from '../../testing/fixtures';
import { balancedAllocation, balancedResourceScorer, New as NewBalanced } from './balanced_allocation';
import { leastAllocated, New } from './fit';
import { leastRequestedScore } from './least_allocated';

describe('NodeResourcesFit filter', () => {
  const node = { name: 'n', cpu: '2', memory: '4Gi', pods: 3 };
  const cases = [
    { name: 'fits', existing: [{ name: 'a', cpu: '1' }], cpu: '1', memory: undefined, want: [] as string[], code: 0 },
    { name: 'insufficient cpu (resolvable by preemption)', existing: [{ name: 'a', cpu: '1500m' }], cpu: '600m', memory: undefined, want: ['Insufficient cpu'], code: 1 },
    { name: 'insufficient memory', existing: [{ name: 'a', memory: '3Gi' }], cpu: undefined, memory: '2Gi', want: ['Insufficient memory'], code: 1 },
    { name: 'both, in cpu-memory order', existing: [{ name: 'a', cpu: '2', memory: '4Gi' }], cpu: '1', memory: '1Gi', want: ['Insufficient cpu', 'Insufficient memory'], code: 1 },
    { name: 'larger than the whole node ⇒ unresolvable', existing: [], cpu: '3', memory: undefined, want: ['Insufficient cpu'], code: 2 },
    { name: 'too many pods', existing: [{ name: 'a' }, { name: 'b' }, { name: 'c' }], cpu: undefined, memory: undefined, want: ['Too many pods'], code: 1 },
    { name: 'no requests always fit a free slot', existing: [{ name: 'a', cpu: '2', memory: '4Gi' }], cpu: undefined, memory: undefined, want: [], code: 0 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const pl = New();
      const st = new CycleState();
      const p = pod({ cpu: c.cpu, memory: c.memory });
      pl.preFilter(st, p);
      const s = pl.filter(st, p, nodeInfo(node, c.existing));
      expect(s?.reasons ?? []).toEqual(c.want);
      expect(s?.code ?? 0).toBe(c.code);
    });
  }
});

describe('pod requests', () => {
  it('init containers: max(largest init, sum of containers)', () => {
    const spec = {
      containers: [
        { name: 'a', resources: { requests: { cpu: '200m', memory: '100Mi' } } },
        { name: 'b', resources: { requests: { cpu: '300m' } } },
      ],
      initContainers: [
        { name: 'i1', resources: { requests: { cpu: '800m', memory: '50Mi' } } },
        { name: 'i2', resources: { requests: { cpu: '100m' } } },
      ],
    };
    // cpu max(500m, 800m) = 800m; memory max(100Mi, 50Mi) = 100Mi.
    expect(podRequests(spec)).toEqual({ milliCPU: 800, memory: 100 * 2 ** 20 });
    // Non-zero: b gets 200Mi ⇒ 300Mi; i2 gets 200Mi ⇒ max(300Mi, 200Mi) = 300Mi.
    expect(podRequests(spec, true)).toEqual({ milliCPU: 800, memory: 300 * 2 ** 20 });
  });
  it('unset requests count 0 for the filter and 100m / 200Mi for scoring', () => {
    const spec = { containers: [{ name: 'a' }] };
    expect(podRequests(spec)).toEqual({ milliCPU: 0, memory: 0 });
    expect(podRequests(spec, true)).toEqual({ milliCPU: 100, memory: 200 * 2 ** 20 });
  });
});

describe('NodeResourcesFit score (LeastAllocated)', () => {
  it('§11 worked example: empty 4 CPU / 8 GiB node, pod without requests ⇒ 97', () => {
    // cpu (4000-100)*100/4000 = 97; memory (8192Mi-200Mi)*100/8192Mi = 97.5 ⇒ 97.
    expect(leastRequestedScore(100, 4000)).toBe(97);
    expect(leastRequestedScore(200 * 2 ** 20, 8 * 2 ** 30)).toBe(97);
    expect(leastAllocated(podRequests(pod().spec, true), nodeInfo({ name: 'n', cpu: '4', memory: '8Gi' }))).toBe(97);
  });
  it('existing pods count with their non-zero requests', () => {
    // Node 2 CPU / 4Gi with one no-request pod (100m, 200Mi) and one 1 CPU / 1Gi pod; new pod 500m / 1Gi:
    // cpu (2000 - 1600) * 100 / 2000 = 20; memory (4096 - 2248)Mi * 100 / 4096Mi = 45 ⇒ (20 + 45) / 2 = 32.
    const ni = nodeInfo({ name: 'n', cpu: '2', memory: '4Gi' }, [{ name: 'a' }, { name: 'b', cpu: '1', memory: '1Gi' }]);
    const pl = New();
    const st = new CycleState();
    const p = pod({ cpu: '500m', memory: '1Gi' });
    pl.preScore(st, p);
    expect(pl.score(st, p, ni)).toBe(32);
  });
  it('requested above capacity scores 0', () => {
    expect(leastRequestedScore(5000, 4000)).toBe(0);
    expect(leastRequestedScore(0, 0)).toBe(0);
  });
});

describe('NodeResourcesBalancedAllocation', () => {
  it('§11 arithmetic: shares 0.025 and 0.0244 ⇒ std ≈ 0.0003 ⇒ 99', () => {
    expect(balancedResourceScorer([100, 200 * 2 ** 20], [4000, 8 * 2 ** 30])).toBe(99);
  });
  it('cpu 75 %, memory 25 % ⇒ std 0.25 ⇒ 75', () => {
    const ni = nodeInfo({ name: 'n', cpu: '4', memory: '8Gi' }, [{ name: 'a', cpu: '2', memory: '1Gi' }]);
    expect(balancedAllocation({ milliCPU: 1000, memory: 2 ** 30 }, ni)).toBe(75);
  });
  it('best-effort pods (no requests) are not scored (upstream #129138)', () => {
    expect(NewBalanced().preScore(new CycleState(), pod())?.code).toBe(3);
  });
  it('uses real requests of the pod and the node', () => {
    const pl = NewBalanced();
    const st = new CycleState();
    const p = pod({ cpu: '1', memory: '2Gi' });
    expect(pl.preScore(st, p)).toBeNull();
    // 1000/4000 = 0.25 and 2Gi/8Gi = 0.25 ⇒ std 0 ⇒ 100.
    expect(pl.score(st, p, nodeInfo({ name: 'n' }))).toBe(100);
  });
});
