import { describe, expect, it } from 'vitest';
import type { Node } from '../../../api/core';
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '../../../api/storage';
import { ErrReasonBindConflict, ErrReasonNodeConflict, ErrReasonPVNotExist, findPodVolumes, getPodVolumeClaims, type StorageListers } from './volume_binding';
import type { Pod } from '../../../api/core';

const node = (name: string): Node => ({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name } }, spec: {} }) as Node;
const wffc: StorageClass = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'standard' }, provisioner: 'rancher.io/local-path', volumeBindingMode: 'WaitForFirstConsumer' };
const local: StorageClass = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'local' }, provisioner: 'kubernetes.io/no-provisioner', volumeBindingMode: 'WaitForFirstConsumer' };
const imm: StorageClass = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'imm' }, provisioner: 'x.io/p', volumeBindingMode: 'Immediate' };
const claim = (name: string, cls: string, bound?: string, ann: Record<string, string> = {}): PersistentVolumeClaim => ({
  apiVersion: 'v1', kind: 'PersistentVolumeClaim',
  metadata: { name, namespace: 'default', uid: `uid-${name}`, annotations: { ...(bound ? { 'pv.kubernetes.io/bind-completed': 'yes' } : {}), ...ann } },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: cls, ...(bound ? { volumeName: bound } : {}) },
  status: { phase: bound ? 'Bound' : 'Pending' },
});
const pinned = (name: string, host: string, cls = 'local'): PersistentVolume => ({
  apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name },
  spec: { capacity: { storage: '5Gi' }, accessModes: ['ReadWriteOnce'], storageClassName: cls, local: { path: '/mnt' }, nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [host] }] }] } } },
  status: { phase: 'Available' },
});
const listers = (claims: PersistentVolumeClaim[], pvs: PersistentVolume[]): StorageListers => ({
  getPersistentVolumeClaim: (_ns, n) => claims.find((c) => c.metadata.name === n),
  getPersistentVolume: (n) => pvs.find((v) => v.metadata.name === n),
  listPersistentVolumes: () => pvs,
  getStorageClass: (n) => [wffc, local, imm].find((s) => s.metadata.name === n),
});
const podWith = (...claims: string[]): Pod => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [], volumes: claims.map((c) => ({ name: c, persistentVolumeClaim: { claimName: c } })) } }) as Pod;

describe('VolumeBinding', () => {
  it('PreFilter errors: missing claim, deleting claim', () => {
    expect(getPodVolumeClaims(podWith('x'), listers([], []))).toEqual({ error: 'persistentvolumeclaim "x" not found' });
    const del = { ...claim('d', 'standard'), metadata: { ...claim('d', 'standard').metadata, deletionTimestamp: 't' } };
    expect(getPodVolumeClaims(podWith('d'), listers([del], []))).toEqual({ error: 'persistentvolumeclaim "d" is being deleted' });
  });
  it('classifies bound / delay-binding / immediate claims', () => {
    const l = listers([claim('a', 'standard', 'pv-a'), claim('b', 'standard'), claim('c', 'imm')], []);
    const r = getPodVolumeClaims(podWith('a', 'b', 'c'), l);
    expect('error' in r ? r : { bound: r.bound.length, delay: r.delayBinding.length, imm: r.immediate.length }).toEqual({ bound: 1, delay: 1, imm: 1 });
  });
  const cases: { name: string; claims: PersistentVolumeClaim[]; pvs: PersistentVolume[]; node: string; reasons: string[] }[] = [
    { name: 'bound PV pinned to this node fits', claims: [claim('a', 'local', 'pv1')], pvs: [pinned('pv1', 'w1')], node: 'w1', reasons: [] },
    { name: 'bound PV pinned elsewhere', claims: [claim('a', 'local', 'pv1')], pvs: [pinned('pv1', 'w1')], node: 'w2', reasons: [ErrReasonNodeConflict] },
    { name: 'bound to a missing PV', claims: [claim('a', 'local', 'gone')], pvs: [], node: 'w1', reasons: [ErrReasonPVNotExist] },
    { name: 'WFFC with a provisioner fits anywhere', claims: [claim('a', 'standard')], pvs: [], node: 'w2', reasons: [] },
    { name: 'WFFC no-provisioner, local PV on another node', claims: [claim('a', 'local')], pvs: [pinned('pv1', 'w1')], node: 'w2', reasons: [ErrReasonBindConflict] },
    { name: 'WFFC no-provisioner, local PV here', claims: [claim('a', 'local')], pvs: [pinned('pv1', 'w1')], node: 'w1', reasons: [] },
    { name: 'provisioning already started on another node', claims: [claim('a', 'standard', undefined, { 'volume.kubernetes.io/selected-node': 'w1' })], pvs: [], node: 'w2', reasons: [ErrReasonBindConflict] },
  ];
  for (const c of cases) {
    it(`Filter: ${c.name}`, () => {
      const l = listers(c.claims, c.pvs);
      const claims = getPodVolumeClaims(podWith(...c.claims.map((x) => x.metadata.name!)), l);
      if ('error' in claims) throw new Error(claims.error);
      expect(findPodVolumes(claims, node(c.node), l).reasons).toEqual(c.reasons);
    });
  }
});
