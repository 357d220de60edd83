import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/core';
import { G, newTestAPI, pod, statusError } from '../registry/testing';

describe('ServiceAccount admission', () => {
  it('adds the kube-api-access volume and mounts it in every container and init container', () => {
    const { api } = newTestAPI(7);
    const p = api.create(G.pods, 'default', pod('p', {
      initContainers: [{ name: 'init', image: 'busybox' }],
      containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'nginx', volumeMounts: [{ name: 'own', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }] }],
      volumes: [{ name: 'own', emptyDir: {} }],
    })) as Pod;
    const vol = p.spec.volumes![1];
    expect(vol).toEqual({
      name: vol.name,
      projected: {
        defaultMode: 420,
        sources: [
          { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
          { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
          { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
        ],
      },
    });
    const mount = { name: vol.name, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' };
    expect(p.spec.initContainers![0].volumeMounts).toEqual([mount]);
    expect(p.spec.containers[0].volumeMounts).toEqual([mount]);
    expect(p.spec.containers[1].volumeMounts).toEqual([{ name: 'own', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }]);
    expect(p.spec.serviceAccountName).toBe('default');
    expect(p.spec.serviceAccount).toBe('default');
  });

  it('the suffix comes from the seeded rng: same seed, same name', () => {
    const a = newTestAPI(3).api.create(G.pods, 'default', pod('p')) as Pod;
    const b = newTestAPI(3).api.create(G.pods, 'default', pod('p')) as Pod;
    expect(a.spec.volumes![0].name).toBe(b.spec.volumes![0].name);
  });

  it('skips mirror pods and automountServiceAccountToken: false; keeps a named account', () => {
    const { api } = newTestAPI();
    const mirror = api.create(G.pods, 'kube-system', pod('etcd', {}, { annotations: { 'kubernetes.io/config.mirror': 'abc' } })) as Pod;
    expect(mirror.spec.volumes).toBeUndefined();
    expect(mirror.spec.serviceAccountName).toBeUndefined();
    const off = api.create(G.pods, 'default', pod('off', { serviceAccountName: 'builder', automountServiceAccountToken: false })) as Pod;
    expect(off.spec.volumes).toBeUndefined();
    expect(off.spec.serviceAccountName).toBe('builder');
  });
});

describe('DefaultTolerationSeconds admission', () => {
  const NR = { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 };
  const UR = { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 };
  it.each<[string, Record<string, unknown>[], Record<string, unknown>[]]>([
    ['none', [], [NR, UR]],
    ['own not-ready toleration kept', [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 }], [
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 }, UR,
    ]],
    ['tolerate everything', [{ operator: 'Exists' }], [{ operator: 'Exists' }]],
    ['a NoSchedule toleration does not count', [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoSchedule' }], [
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoSchedule' }, NR, UR,
    ]],
  ])('%s', (_n, tolerations, expected) => {
    const { api } = newTestAPI();
    expect((api.create(G.pods, 'default', pod('p', { tolerations })) as Pod).spec.tolerations).toEqual(expected);
  });
});

describe('Priority admission', () => {
  it.each([
    [undefined, 0],
    ['system-node-critical', 2000001000],
    ['system-cluster-critical', 2000000000],
  ])('priorityClassName %s -> %d', (cls, value) => {
    const { api } = newTestAPI();
    const p = api.create(G.pods, 'kube-system', pod('p', cls ? { priorityClassName: cls } : {})) as Pod;
    expect(p.spec.priority).toBe(value);
    expect(p.spec.preemptionPolicy).toBe('PreemptLowerPriority');
  });

  it('unknown class and a hand-written priority are Forbidden', () => {
    const { api } = newTestAPI();
    expect(statusError(() => api.create(G.pods, 'default', pod('p', { priorityClassName: 'high' }))).status.message).toBe(
      'pods "p" is forbidden: no PriorityClass with name high was found',
    );
    expect(statusError(() => api.create(G.pods, 'default', pod('q', { priority: 5 }))).status.message).toBe(
      'pods "q" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name',
    );
  });
});
