import { describe, expect, it } from 'vitest';
import type { ReplicaSet } from '../../api/apps';
import type { Pod, ReplicationController } from '../../api/core';
import { newForbidden } from '../../apiserver/errors';
import { ReplicaSetController } from './replica_set';
import { ReplicationManager } from './replication_controller';
import { G, replicaSetObject } from '../../testing/harness';
import { FakeKubelet, Harness } from './testing';

function replicaSet(name: string, replicas: number, extra: Partial<ReplicaSet['spec']> = {}): ReplicaSet {
  return replicaSetObject({ name, namespace: 'default', replicas, container: 'c', spec: extra });
}

function setup(opts: ConstructorParameters<typeof FakeKubelet>[1] = {}) {
  const h = new Harness();
  const rsc = h.add(new ReplicaSetController(h.ctx));
  h.add(new FakeKubelet(h, opts));
  h.start();
  return { h, rsc };
}

describe('ReplicaSetController', () => {
  it('creates the missing pods with generateName, template labels and a controller ref', () => {
    const { h } = setup();
    const rs = h.create(G.replicasets, replicaSet('web', 3));
    const pods = h.pods();
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata.labels).toEqual({ app: 'web' });
      expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    }
    expect(h.eventMessages('SuccessfulCreate').sort()).toEqual(pods.map((p) => `Created pod: ${p.metadata.name}`).sort());
    const tr = h.trace.recent().filter((t) => t.component === 'replicaset-controller' && t.action === 'create');
    expect(tr[0].message).toBe(`ReplicaSet web: want 3, have 0 → created pod ${tr[0].object!.name}`);
    h.advance(1500);
    expect(h.get<ReplicaSet>(G.replicasets, 'web').status).toMatchObject({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
  });

  it('scales down by deleting the least valuable pod first (the one not yet Ready)', () => {
    const { h } = setup({ nodes: ['node-a'] });
    h.create(G.replicasets, replicaSet('web', 3));
    h.advance(1500);
    // A fourth matching pod: adopted, one too many; it is not Ready yet, so it is the victim.
    const extra = h.create(G.pods, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-manual', namespace: 'default', labels: { app: 'web' } }, spec: { containers: [{ name: 'c' }], schedulerName: 'none' } } as Pod);
    h.advance(10);
    expect(h.activePods()).toHaveLength(3);
    const deleted = h.eventMessages('SuccessfulDelete');
    expect(deleted).toEqual([`Deleted pod: ${extra.metadata.name}`]);
  });

  it('stops creating at the first failed batch, records FailedCreate and ReplicaFailure', () => {
    const { h } = setup();
    let attempts = 0;
    h.api.addAdmission({
      name: 'ResourceQuota',
      admit: (a) => {
        if (a.info.resource !== 'pods' || a.operation !== 'CREATE') return;
        attempts++;
        if (h.api.list(G.pods, 'default').items.length >= 2) throw newForbidden({ group: '', resource: 'pods' }, a.name, 'exceeded quota: q, requested: pods=1, used: pods=2, limited: pods=2');
      },
    });
    h.create(G.replicasets, replicaSet('web', 10));
    // First sync: batches 1 and 2; the second has one success and one failure → stop (7 never
    // tried). The ReplicaFailure status write re-queues the RS: one more batch of 1, which fails.
    expect(attempts).toBe(4);
    expect(h.pods()).toHaveLength(2);
    const msg = h.eventMessages('FailedCreate')[0];
    expect(msg).toMatch(/^Error creating: pods "web-.{5}" is forbidden: exceeded quota/);
    const st = h.get<ReplicaSet>(G.replicasets, 'web').status!;
    expect(st.conditions?.[0]).toMatchObject({ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate' });
  });

  it('adopts a bare matching pod and releases a pod whose labels stop matching', () => {
    const { h } = setup();
    h.create(G.pods, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bare', namespace: 'default', labels: { app: 'web' } }, spec: { containers: [{ name: 'c' }] } } as Pod);
    const rs = h.create(G.replicasets, replicaSet('web', 2));
    const bare = h.get<Pod>(G.pods, 'bare');
    expect(bare.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true });
    expect(h.pods()).toHaveLength(2);
    h.edit<Pod>(G.pods, 'bare', (p) => { p.metadata.labels = { app: 'debug' }; });
    expect(h.get<Pod>(G.pods, 'bare').metadata.ownerReferences).toBeUndefined();
    expect(h.activePods().filter((p) => p.metadata.labels?.app === 'web')).toHaveLength(2);
  });

  it('does not adopt while the ReplicaSet is being deleted', () => {
    const { h } = setup();
    h.create(G.replicasets, { ...replicaSet('web', 1), metadata: { name: 'web', namespace: 'default', finalizers: ['test/hold'] } });
    h.api.delete(G.replicasets, 'default', 'web');
    h.settle();
    h.create(G.pods, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bare', namespace: 'default', labels: { app: 'web' } }, spec: { containers: [{ name: 'c' }] } } as Pod);
    expect(h.get<Pod>(G.pods, 'bare').metadata.ownerReferences).toBeUndefined();
  });

  it('replaces a terminating pod at once', () => {
    const { h } = setup();
    h.create(G.replicasets, replicaSet('web', 2));
    const victim = h.pods()[0].metadata.name!;
    h.api.delete(G.pods, 'default', victim);
    h.settle();
    expect(h.activePods()).toHaveLength(2);
    expect(h.pods()).toHaveLength(3);
  });

  it('minReadySeconds delays availability and re-checks on its own', () => {
    const { h } = setup();
    h.create(G.replicasets, replicaSet('web', 2, { minReadySeconds: 10 }));
    h.advance(1000);
    expect(h.get<ReplicaSet>(G.replicasets, 'web').status).toMatchObject({ readyReplicas: 2, availableReplicas: 0 });
    h.advance(9_000);
    expect(h.get<ReplicaSet>(G.replicasets, 'web').status!.availableReplicas).toBe(0);
    h.advance(1_500);
    expect(h.get<ReplicaSet>(G.replicasets, 'web').status!.availableReplicas).toBe(2);
  });

  it('ignores pods controlled by a same-named owner with another UID', () => {
    const { h } = setup();
    h.create(G.pods, {
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name: 'stale', namespace: 'default', labels: { app: 'web' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'old-uid', controller: true }] },
      spec: { containers: [{ name: 'c' }] },
    } as Pod);
    h.create(G.replicasets, replicaSet('web', 1));
    expect(h.pods()).toHaveLength(2);
  });
});

describe('ReplicationManager (ReplicationController)', () => {
  it('keeps the count with a map selector and replaces a deleted pod', () => {
    const h = new Harness();
    h.add(new ReplicationManager(h.ctx));
    h.add(new FakeKubelet(h));
    h.start();
    const rc = h.create<ReplicationController>(G.rcs, {
      apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'nginx', namespace: 'default' },
      spec: { replicas: 2, selector: { app: 'nginx' }, template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
    });
    expect(h.pods()).toHaveLength(2);
    expect(h.pods()[0].metadata.ownerReferences?.[0]).toMatchObject({ apiVersion: 'v1', kind: 'ReplicationController', uid: rc.metadata.uid });
    const gone = h.pods()[0].metadata.name!;
    h.api.delete(G.pods, 'default', gone, { gracePeriodSeconds: 0 });
    h.settle();
    expect(h.pods()).toHaveLength(2);
    expect(h.pods().map((p) => p.metadata.name)).not.toContain(gone);
    const created = h.list<{ kind: string; reason: string; source: { component: string } } & import('../../api/meta').KubeObject>(G.events).filter((e) => e.reason === 'SuccessfulCreate');
    expect(created[0].source.component).toBe('replication-controller');
    h.advance(1500);
    expect(h.get<ReplicationController>(G.rcs, 'nginx').status).toMatchObject({ replicas: 2, readyReplicas: 2, availableReplicas: 2 });
  });
});
