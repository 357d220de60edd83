// DaemonSet: table-driven pure decisions, then whole-cluster behaviour on fixed seeds.
import { describe, expect, it } from 'vitest';
import type { ControllerRevision, DaemonSet } from '../../api/apps';
import type { Node, Pod } from '../../api/core';
import { createCluster } from '../../index';
import { nodeShouldRunDaemonPod, replaceDaemonSetPodNodeNameNodeAffinity, rollingCounts } from './util';

function ds(spec: Partial<DaemonSet['spec']['template']['spec']> = {}, strategy?: DaemonSet['spec']['updateStrategy']): DaemonSet {
  return {
    apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'd', namespace: 'default', uid: 'u' },
    spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c' }], ...spec } }, updateStrategy: strategy },
  };
}
const node = (taints: Node['spec'] extends infer S ? S extends { taints?: infer T } ? T : never : never = [], labels: Record<string, string> = {}): Node =>
  ({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1', labels: { 'kubernetes.io/hostname': 'n1', ...labels } }, spec: { taints } }) as Node;

describe('nodeShouldRunDaemonPod', () => {
  const cases: { name: string; n: Node; d: DaemonSet; run: boolean; keep: boolean }[] = [
    { name: 'plain node', n: node(), d: ds(), run: true, keep: true },
    { name: 'control-plane taint not tolerated', n: node([{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]), d: ds(), run: false, keep: true },
    { name: 'control-plane taint tolerated by Exists', n: node([{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]), d: ds({ tolerations: [{ operator: 'Exists' }] }), run: true, keep: true },
    { name: 'cordoned: unschedulable taint auto-tolerated', n: node([{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }]), d: ds(), run: true, keep: true },
    { name: 'unreachable NoExecute auto-tolerated', n: node([{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }]), d: ds(), run: true, keep: true },
    { name: 'custom NoExecute evicts', n: node([{ key: 'dedicated', value: 'x', effect: 'NoExecute' }]), d: ds(), run: false, keep: false },
    { name: 'nodeSelector mismatch', n: node([], { disk: 'hdd' }), d: ds({ nodeSelector: { disk: 'ssd' } }), run: false, keep: false },
    { name: 'network-unavailable tolerated only with hostNetwork', n: node([{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' }]), d: ds({ hostNetwork: true }), run: true, keep: true },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = nodeShouldRunDaemonPod(c.n, c.d);
      expect([r.shouldRun, r.shouldContinueRunning]).toEqual([c.run, c.keep]);
    });
  }
});

describe('helpers', () => {
  it('pins a pod with matchFields metadata.name', () => {
    expect(replaceDaemonSetPodNodeNameNodeAffinity(undefined, 'kind-worker').nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms).toEqual([
      { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['kind-worker'] }] },
    ]);
  });
  it('rounds maxUnavailable percentages up; forces 1 when both are 0', () => {
    expect(rollingCounts(ds({}, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: 0 } }), 10)).toEqual({ maxSurge: 0, maxUnavailable: 3 });
    expect(rollingCounts(ds({}, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '10%', maxSurge: 0 } }), 3)).toEqual({ maxSurge: 0, maxUnavailable: 1 });
    expect(rollingCounts(ds({}, { type: 'OnDelete' }), 3)).toEqual({ maxSurge: 0, maxUnavailable: 1 });
  });
});

const FLUENTD = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: fluentd
spec:
  selector:
    matchLabels: {name: fluentd}
  template:
    metadata:
      labels: {name: fluentd}
    spec:
      containers:
      - name: fluentd
        image: nginx:1.24
`;

function dsPods(c: ReturnType<typeof createCluster>, name = 'fluentd', ns = 'default'): Pod[] {
  return (c.objects('/pods', ns) as Pod[]).filter((p) => p.metadata.ownerReferences?.some((r) => r.kind === 'DaemonSet' && r.name === name));
}

describe('DaemonSet in the default cluster', () => {
  it('one pod per worker, not on the tainted control plane; node added gets one; failed node keeps its pod', () => {
    const c = createCluster({ seed: 5 });
    expect(c.apply(FLUENTD).exitCode).toBe(0);
    c.advance(60_000);
    let pods = dsPods(c);
    expect(pods.map((p) => p.spec.nodeName).sort()).toEqual(['kind-worker', 'kind-worker2', 'kind-worker3']);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^fluentd-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata.labels?.['pod-template-generation']).toBe('1');
      expect(p.metadata.labels?.['controller-revision-hash']).toMatch(/^[4-9bcdf]+$/);
      expect(p.spec.tolerations?.find((t) => t.key === 'node.kubernetes.io/unreachable')?.tolerationSeconds).toBeUndefined();
    }
    expect(c.run('kubectl get ds fluentd').stdout).toMatch(/^NAME\s+DESIRED\s+CURRENT\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+NODE SELECTOR\s+AGE\nfluentd\s+3\s+3\s+3\s+3\s+3\s+<none>\s+60s\n$/);
    expect(c.run('kubectl get controllerrevisions').stdout).toMatch(/fluentd-[4-9bcdf]+\s+daemonset\.apps\/fluentd\s+1\s+/);

    c.run('sim node add');
    c.advance(60_000);
    pods = dsPods(c);
    expect(pods).toHaveLength(4);

    c.run('sim node fail kind-worker2');
    c.advance(10 * 60_000);
    pods = dsPods(c);
    const onFailed = pods.filter((p) => p.spec.nodeName === 'kind-worker2');
    expect(onFailed).toHaveLength(1);
    expect(onFailed[0].metadata.deletionTimestamp).toBeUndefined();
  });

  it('rolling update replaces one node at a time and reports rollout status', () => {
    const c = createCluster({ seed: 6 });
    c.apply(FLUENTD);
    c.advance(60_000);
    expect(c.run('kubectl set image ds/fluentd fluentd=nginx:1.25').exitCode).toBe(0);
    let maxDown = 0;
    for (let i = 0; i < 120; i++) {
      c.advance(1000);
      const ready = dsPods(c).filter((p) => !p.metadata.deletionTimestamp && p.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True')).length;
      maxDown = Math.max(maxDown, 3 - ready);
    }
    expect(maxDown).toBe(1);
    const pods = dsPods(c).filter((p) => !p.metadata.deletionTimestamp);
    expect(pods.map((p) => p.spec.containers[0].image)).toEqual(['nginx:1.25', 'nginx:1.25', 'nginx:1.25']);
    expect(pods.every((p) => p.metadata.labels?.['pod-template-generation'] === '2')).toBe(true);
    expect(c.run('kubectl rollout status ds/fluentd').stdout).toBe('daemon set "fluentd" successfully rolled out\n');
  });

  it('each new ControllerRevision carries the DaemonSet\'s annotations (snapshot: Annotations: ds.Annotations)', () => {
    const c = createCluster({ seed: 7 });
    c.apply(FLUENTD);
    c.advance(10_000);
    c.run('kubectl annotate ds/fluentd kubernetes.io/change-cause=upgrade');
    c.run('kubectl set image ds/fluentd fluentd=nginx:1.25');
    c.advance(10_000);
    const revs = (c.objects('apps/controllerrevisions', 'default') as ControllerRevision[]).sort((a, b) => a.revision - b.revision);
    expect(revs.map((r) => r.revision)).toEqual([1, 2]);
    expect(revs[0].metadata.annotations?.['kubernetes.io/change-cause']).toBeUndefined();
    expect(revs[1].metadata.annotations).toMatchObject({ 'kubernetes.io/change-cause': 'upgrade', 'deprecated.daemonset.template.generation': '2' });
    expect(revs[1].metadata.labels?.['controller-revision-hash']).toBe(revs[1].metadata.name?.slice('fluentd-'.length));
  });
});
