// StatefulSet: whole-cluster behaviour on fixed seeds (ordered creation, scale-down, partitioned
// rolling update, claims, node failure) and the rollout status lines.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/core';
import type { StatefulSet } from '../../api/apps';
import { createCluster } from '../../index';
import { getPersistentVolumeClaimName, newRevision, newStatefulSetPod } from './stateful_set_utils';

const WEB = (replicas: number, extra = '') => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: ${replicas}
  selector:
    matchLabels: {app: nginx}
${extra}  template:
    metadata:
      labels: {app: nginx}
    spec:
      containers:
      - name: nginx
        image: nginx:1.24
`;

type C = ReturnType<typeof createCluster>;
const pods = (c: C): Pod[] => (c.objects('/pods', 'default') as Pod[]).filter((p) => p.metadata.labels?.app === 'nginx');
const ready = (p: Pod) => !!p.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True');
const sts = (c: C) => (c.objects('apps/statefulsets', 'default') as StatefulSet[])[0];

describe('StatefulSet identity', () => {
  it('names, labels, hostname, subdomain and claim volumes', () => {
    const set = { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web', namespace: 'default', uid: 'u' }, spec: { serviceName: 'nginx', selector: { matchLabels: { app: 'nginx' } }, template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'c' }] } }, volumeClaimTemplates: [{ metadata: { name: 'www' } }] } } as StatefulSet;
    const p = newStatefulSetPod(set, 2);
    expect(p.metadata.name).toBe('web-2');
    expect(p.metadata.labels).toMatchObject({ 'statefulset.kubernetes.io/pod-name': 'web-2', 'apps.kubernetes.io/pod-index': '2' });
    expect([p.spec.hostname, p.spec.subdomain]).toEqual(['web-2', 'nginx']);
    expect(p.spec.volumes).toEqual([{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-2' } }]);
    expect(getPersistentVolumeClaimName(set, set.spec.volumeClaimTemplates![0], 0)).toBe('www-web-0');
  });
});

describe('StatefulSet revisions', () => {
  it('newRevision: <set>-<hash>, the template labels plus controller.kubernetes.io/hash, the set\'s annotations, a controller ref', () => {
    const set = { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web', namespace: 'default', uid: 'u', annotations: { 'kubernetes.io/change-cause': 'nginx 1.25' } }, spec: { serviceName: 'nginx', selector: { matchLabels: { app: 'nginx' } }, template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.25' }] } } } } as StatefulSet;
    const cr = newRevision(set, 4, 0);
    const hash = cr.metadata.labels?.['controller.kubernetes.io/hash'];
    expect(hash).toMatch(/^[4-9bcdf]+$/);
    expect(cr.metadata.name).toBe(`web-${hash}`);
    expect(cr.metadata.labels).toEqual({ app: 'nginx', 'controller.kubernetes.io/hash': hash });
    // `kubectl rollout history` reads CHANGE-CAUSE from here.
    expect(cr.metadata.annotations).toEqual({ 'kubernetes.io/change-cause': 'nginx 1.25' });
    expect(cr.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'StatefulSet', name: 'web', uid: 'u', controller: true });
    expect(cr.revision).toBe(4);
    expect(cr.data).toEqual({ spec: { template: { ...set.spec.template, $patch: 'replace' } } });
    expect(newRevision({ ...set, metadata: { ...set.metadata, annotations: undefined } }, 1, 0).metadata.annotations).toBeUndefined();
  });
});

describe('StatefulSet in the default cluster', () => {
  it('OrderedReady: web-1 only after web-0 is Ready; scale down from the highest ordinal', () => {
    const c = createCluster({ seed: 11 });
    expect(c.apply(WEB(3)).exitCode).toBe(0);
    const firstSeen = new Map<string, number>();
    const readyAt = new Map<string, number>();
    for (let t = 0; t < 90; t++) {
      for (const p of pods(c)) {
        if (!firstSeen.has(p.metadata.name!)) firstSeen.set(p.metadata.name!, c.now());
        if (ready(p) && !readyAt.has(p.metadata.name!)) readyAt.set(p.metadata.name!, c.now());
      }
      c.advance(1000);
    }
    expect([...firstSeen.keys()].sort()).toEqual(['web-0', 'web-1', 'web-2']);
    expect(firstSeen.get('web-1')!).toBeGreaterThanOrEqual(readyAt.get('web-0')!);
    expect(firstSeen.get('web-2')!).toBeGreaterThanOrEqual(readyAt.get('web-1')!);
    expect(c.run('kubectl get sts web').stdout).toMatch(/^NAME\s+READY\s+AGE\nweb\s+3\/3\s+/);
    const out = c.run('kubectl rollout status sts/web').stdout;
    expect(out).toBe('partitioned roll out complete: 3 new pods have been updated...\n');

    expect(c.run('kubectl scale sts web --replicas=1').exitCode).toBe(0);
    const goneOrder: string[] = [];
    for (let t = 0; t < 120; t++) {
      c.advance(1000);
      for (const n of ['web-2', 'web-1']) if (!goneOrder.includes(n) && !pods(c).some((p) => p.metadata.name === n)) goneOrder.push(n);
    }
    expect(goneOrder).toEqual(['web-2', 'web-1']);
    expect(pods(c).map((p) => p.metadata.name)).toEqual(['web-0']);
  });

  it('partitioned rolling update touches only ordinals >= partition, highest first', () => {
    const c = createCluster({ seed: 12 });
    c.apply(WEB(3, '  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate: {partition: 1}\n'));
    c.advance(90_000);
    const rev1 = sts(c).status?.currentRevision;
    expect(rev1).toMatch(/^web-[4-9bcdf]+$/);
    c.run('kubectl set image sts/web nginx=nginx:1.25');
    c.advance(120_000);
    const byName = new Map(pods(c).map((p) => [p.metadata.name!, p]));
    expect(byName.get('web-0')!.spec.containers[0].image).toBe('nginx:1.24');
    expect(byName.get('web-1')!.spec.containers[0].image).toBe('nginx:1.25');
    expect(byName.get('web-2')!.spec.containers[0].image).toBe('nginx:1.25');
    const st = sts(c).status!;
    expect(st.currentRevision).toBe(rev1);
    expect(st.updateRevision).not.toBe(rev1);
    expect([st.currentReplicas, st.updatedReplicas]).toEqual([1, 2]);
    expect(c.run('kubectl rollout status sts/web').stdout).toBe('partitioned roll out complete: 2 new pods have been updated...\n');
    const deletes = (c.objects('/events', 'default') as { reason?: string; message?: string }[]).filter((e) => e.reason === 'SuccessfulDelete').map((e) => e.message);
    expect(deletes).toEqual(['delete Pod web-2 in StatefulSet web successful', 'delete Pod web-1 in StatefulSet web successful']);
  });

  it('a pod on a failed node is not replaced until the old pod object is gone', () => {
    const c = createCluster({ seed: 13 });
    c.apply(WEB(3));
    c.advance(90_000);
    const victim = pods(c).find((p) => p.spec.nodeName)!;
    const node = victim.spec.nodeName!;
    c.run(`sim node fail ${node}`);
    c.advance(10 * 60_000);
    const stuck = pods(c).find((p) => p.metadata.name === victim.metadata.name)!;
    expect(stuck.metadata.uid).toBe(victim.metadata.uid);
    expect(stuck.metadata.deletionTimestamp).toBeDefined();
    expect(c.run(`kubectl delete pod ${victim.metadata.name} --force --grace-period=0`).exitCode).toBe(0);
    c.advance(60_000);
    const again = pods(c).find((p) => p.metadata.name === victim.metadata.name)!;
    expect(again.metadata.uid).not.toBe(victim.metadata.uid);
    expect(again.spec.nodeName).not.toBe(node);
  });

  it('creates claims <template>-<pod> before the pod and keeps them on scale down', () => {
    const c = createCluster({ seed: 14 });
    c.apply(WEB(1, '') + '  volumeClaimTemplates:\n  - metadata: {name: www}\n    spec:\n      accessModes: [ReadWriteOnce]\n      resources: {requests: {storage: 1Gi}}\n');
    c.advance(5_000);
    const claims = c.objects('/persistentvolumeclaims', 'default').map((o) => o.metadata.name);
    expect(claims).toEqual(['www-web-0']);
    const ev = (c.objects('/events', 'default') as { message?: string }[]).map((e) => e.message);
    expect(ev).toContain('create Claim www-web-0 Pod web-0 in StatefulSet web success');
    expect(ev).toContain('create Pod web-0 in StatefulSet web successful');
    c.run('kubectl scale sts web --replicas=0');
    c.advance(60_000);
    expect(c.objects('/persistentvolumeclaims', 'default').map((o) => o.metadata.name)).toEqual(['www-web-0']);
  });

  it('validation: selector must match the template labels', () => {
    const c = createCluster({ seed: 15 });
    const r = c.apply(WEB(1).replace('matchLabels: {app: nginx}', 'matchLabels: {app: other}'));
    expect(r.stderr).toContain('spec.template.metadata.labels: Invalid value: {"app":"nginx"}: `selector` does not match template `labels`');
  });
});
