import { describe, expect, it } from 'vitest';
import type { KubeObject, OwnerReference } from '../../api/meta';
import { deploymentObject, G } from '../../testing/harness';
import { Harness } from '../testing/lifecycle_harness';
import { GarbageCollector } from './garbagecollector';
import { decideAttemptToDelete, type ClassifiedRef } from './graph';

function ownerRef(o: KubeObject, block = true): OwnerReference {
  return { apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name!, uid: o.metadata.uid!, controller: true, blockOwnerDeletion: block };
}

/** Deployment web → ReplicaSet web-5d4f → Pods web-5d4f-{a,b,c}, all Running on kind-worker. */
function chain() {
  const h = new Harness((ctx) => [new GarbageCollector(ctx)]);
  const deploy = h.api.create(G.deployments, 'default', deploymentObject());
  const rs = h.api.create(G.replicasets, 'default', {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web-5d4f', ownerReferences: [ownerRef(deploy)] },
    spec: { replicas: 3, selector: { matchLabels: { app: 'web' } } },
  });
  for (const s of ['a', 'b', 'c']) h.createPod(`web-5d4f-${s}`, { node: 'kind-worker', owner: ownerRef(rs) });
  h.settle();
  return { h, deploy, rs };
}

const pods = (h: Harness) => h.api.list({ group: '', resource: 'pods' }, 'default').items;

describe('garbage collector', () => {
  it('background: deleting the Deployment deletes the ReplicaSet, then its Pods (gracefully)', () => {
    const { h } = chain();
    h.api.delete(G.deployments, 'default', 'web', { propagationPolicy: 'Background' });
    h.settle();
    expect(h.get(G.deployments, 'default', 'web')).toBeUndefined();
    expect(h.get(G.replicasets, 'default', 'web-5d4f')).toBeUndefined();
    // Pods get a deletionTimestamp and stay Terminating until their kubelet finishes them.
    expect(pods(h).map((p) => [p.metadata.name, !!p.metadata.deletionTimestamp])).toEqual([
      ['web-5d4f-a', true],
      ['web-5d4f-b', true],
      ['web-5d4f-c', true],
    ]);
    const msgs = h.trace.recent().filter((t) => t.component === 'garbagecollector').map((t) => t.message);
    expect(msgs[0]).toMatch(/^Deleting ReplicaSet default\/web-5d4f \(propagationPolicy=Background\): its owner Deployment web \(uid .*\) no longer exists\.$/);
  });

  it('foreground: the Deployment stays until every blocking dependent is really gone', () => {
    const { h } = chain();
    h.api.delete(G.deployments, 'default', 'web', { propagationPolicy: 'Foreground' });
    h.settle();
    const d = h.get(G.deployments, 'default', 'web')!;
    expect(d.metadata.deletionTimestamp).toBeDefined();
    expect(d.metadata.finalizers).toEqual(['foregroundDeletion']);
    // The ReplicaSet has dependents of its own, so it is deleted in the foreground too.
    const rs = h.get(G.replicasets, 'default', 'web-5d4f')!;
    expect(rs.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(pods(h).every((p) => p.metadata.deletionTimestamp)).toBe(true);
    // Terminating pods still block: finish two of three, nothing else goes.
    h.finishTermination('default', 'web-5d4f-a');
    h.finishTermination('default', 'web-5d4f-b');
    expect(h.get(G.replicasets, 'default', 'web-5d4f')).toBeDefined();
    expect(h.get(G.deployments, 'default', 'web')).toBeDefined();
    h.finishTermination('default', 'web-5d4f-c');
    expect(h.get(G.replicasets, 'default', 'web-5d4f')).toBeUndefined();
    expect(h.get(G.deployments, 'default', 'web')).toBeUndefined();
  });

  it('orphan: dependents lose the ownerReference and keep running', () => {
    const { h, deploy } = chain();
    h.api.delete(G.deployments, 'default', 'web', { propagationPolicy: 'Orphan' });
    h.settle();
    expect(h.get(G.deployments, 'default', 'web')).toBeUndefined();
    const rs = h.get(G.replicasets, 'default', 'web-5d4f')!;
    expect(rs.metadata.ownerReferences).toBeUndefined();
    expect(rs.metadata.deletionTimestamp).toBeUndefined();
    expect(pods(h).map((p) => p.metadata.ownerReferences?.[0]?.name)).toEqual(['web-5d4f', 'web-5d4f', 'web-5d4f']);
    expect(pods(h).some((p) => p.metadata.deletionTimestamp)).toBe(false);
    expect(h.trace.recent().some((t) => t.action === 'orphan' && t.object?.uid === deploy.metadata.uid)).toBe(true);
  });

  it('an owner recreated with the same name but a new uid does not keep old dependents', () => {
    const { h, deploy } = chain();
    // Delete and recreate before the collector runs: the ReplicaSet's reference names `web`,
    // but with the old uid, so the new Deployment is a stranger to it.
    h.api.delete(G.deployments, 'default', 'web', {});
    h.api.create(G.deployments, 'default', { ...deploy, metadata: { name: 'web' } });
    h.settle();
    const fresh = h.get(G.deployments, 'default', 'web')!;
    expect(fresh.metadata.uid).not.toBe(deploy.metadata.uid);
    expect(h.get(G.replicasets, 'default', 'web-5d4f')).toBeUndefined();
    expect(pods(h).every((p) => p.metadata.deletionTimestamp)).toBe(true);
  });

  it('a dependent with another solid owner only loses the dangling reference', () => {
    const { h, rs } = chain();
    const other = h.api.create(G.replicasets, 'default', { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'other' }, spec: { selector: { matchLabels: { x: 'y' } } } });
    h.createPod('shared', { node: 'kind-worker', owner: ownerRef(rs) });
    const p = h.pod('shared')!;
    h.api.update({ group: '', resource: 'pods' }, 'default', { ...p, metadata: { ...p.metadata, ownerReferences: [ownerRef(rs), ownerRef(other, false)] } });
    h.settle();
    h.api.delete(G.replicasets, 'default', 'web-5d4f', {});
    h.settle();
    const shared = h.pod('shared')!;
    expect(shared.metadata.deletionTimestamp).toBeUndefined();
    expect(shared.metadata.ownerReferences?.map((r) => r.name)).toEqual(['other']);
  });

  it('mirror pods owned by a Node go with the Node', () => {
    const h = new Harness((ctx) => [new GarbageCollector(ctx)]);
    const node = h.addNode('kind-control-plane');
    h.createPod('etcd-kind-control-plane', { namespace: 'kube-system', node: 'kind-control-plane', owner: { apiVersion: 'v1', kind: 'Node', name: node.metadata.name!, uid: node.metadata.uid!, controller: true } });
    h.api.delete(G.nodes, '', 'kind-control-plane', {});
    h.settle();
    expect(h.pod('etcd-kind-control-plane', 'kube-system')?.metadata.deletionTimestamp).toBeDefined();
  });

  it('owners of kinds the API does not serve are left alone', () => {
    const h = new Harness((ctx) => [new GarbageCollector(ctx)]);
    h.createPod('ds-pod', { node: 'kind-worker', owner: { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'kindnet', uid: 'u-1', controller: true } });
    h.settle();
    expect(h.pod('ds-pod')?.metadata.deletionTimestamp).toBeUndefined();
    expect(h.clock.pending()).toBe(0);
  });
});

describe('decideAttemptToDelete', () => {
  const ref = (uid: string): OwnerReference => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: uid, uid });
  const table: [string, ClassifiedRef[], boolean, string[], ReturnType<typeof decideAttemptToDelete>][] = [
    ['no owners', [], false, [], { kind: 'keep' }],
    ['solid owner', [{ ref: ref('a'), state: 'solid' }], false, [], { kind: 'keep' }],
    ['unknown kind counts as solid', [{ ref: ref('a'), state: 'unknown' }], false, [], { kind: 'keep' }],
    ['dangling owner', [{ ref: ref('a'), state: 'dangling' }], false, [], { kind: 'delete', policy: 'Background' }],
    ['dangling + solid', [{ ref: ref('a'), state: 'dangling' }, { ref: ref('b'), state: 'solid' }], false, [], { kind: 'removeRefs', uids: ['a'] }],
    ['waiting owner, no dependents', [{ ref: ref('a'), state: 'waiting' }], false, [], { kind: 'delete', policy: 'Background' }],
    ['waiting owner, with dependents', [{ ref: ref('a'), state: 'waiting' }], true, [], { kind: 'delete', policy: 'Foreground' }],
    ['dangling, existing orphan finalizer honoured', [{ ref: ref('a'), state: 'dangling' }], true, ['orphan'], { kind: 'delete', policy: 'Orphan' }],
  ];
  for (const [name, refs, deps, fin, want] of table) {
    it(name, () => expect(decideAttemptToDelete(refs, deps, fin)).toEqual(want));
  }
});
