import { describe, expect, it } from 'vitest';
import type { PersistentVolume, PersistentVolumeClaim } from '../../../api/storage';
import { findMatchingVolume } from './index';

const pv = (name: string, size: string, extra: Partial<PersistentVolume['spec']> = {}, phase = 'Available'): PersistentVolume => ({
  apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name },
  spec: { capacity: { storage: size }, accessModes: ['ReadWriteOnce'], storageClassName: 'manual', hostPath: { path: '/mnt' }, ...extra },
  status: { phase: phase as 'Available' },
});
const claim = (size: string, extra: Partial<PersistentVolumeClaim['spec']> = {}): PersistentVolumeClaim => ({
  apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c', namespace: 'default', uid: 'u1' },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: size } }, storageClassName: 'manual', ...extra },
});

describe('findMatchingVolume (the binder matcher)', () => {
  const cases: { name: string; claim: PersistentVolumeClaim; volumes: PersistentVolume[]; delay?: boolean; want: string | undefined }[] = [
    { name: 'smallest volume that fits', claim: claim('3Gi'), volumes: [pv('a', '10Gi'), pv('b', '5Gi'), pv('c', '2Gi')], want: 'b' },
    { name: 'too small everywhere', claim: claim('20Gi'), volumes: [pv('a', '10Gi')], want: undefined },
    { name: 'class must match exactly', claim: claim('1Gi', { storageClassName: 'fast' }), volumes: [pv('a', '10Gi')], want: undefined },
    { name: '"" matches only class-less volumes', claim: claim('1Gi', { storageClassName: '' }), volumes: [pv('a', '10Gi'), pv('b', '10Gi', { storageClassName: '' })], want: 'b' },
    { name: 'access modes must be offered', claim: claim('1Gi', { accessModes: ['ReadWriteMany'] }), volumes: [pv('a', '10Gi')], want: undefined },
    { name: 'RWO claim on RWO+RWX volume', claim: claim('1Gi'), volumes: [pv('a', '10Gi', { accessModes: ['ReadWriteOnce', 'ReadWriteMany'] })], want: 'a' },
    { name: 'bound volumes are skipped', claim: claim('1Gi'), volumes: [pv('a', '10Gi', { claimRef: { namespace: 'default', name: 'other', uid: 'x' } }, 'Bound')], want: undefined },
    { name: 'pre-bound volume wins even if too small', claim: claim('5Gi'), volumes: [pv('a', '10Gi'), pv('b', '1Gi', { claimRef: { namespace: 'default', name: 'c' } })], want: 'b' },
    { name: 'label selector', claim: claim('1Gi', { selector: { matchLabels: { tier: 'db' } } }), volumes: [pv('a', '1Gi'), { ...pv('b', '2Gi'), metadata: { name: 'b', labels: { tier: 'db' } } }], want: 'b' },
    { name: 'WaitForFirstConsumer without a node: no choice yet', claim: claim('1Gi'), volumes: [pv('a', '10Gi')], delay: true, want: undefined },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(findMatchingVolume(c.claim, c.volumes, undefined, !!c.delay)?.metadata.name).toBe(c.want);
    });
  }
});
