import { describe, expect, it } from 'vitest';
import type { ResourceQuota } from '../../api/config';
import { G, newTestAPI, pod, statusError } from '../registry/testing';

const RQ = { group: '', resource: 'resourcequotas' };
const CM = { group: '', resource: 'configmaps' };

/** A quota whose status the controller has filled in (hard = spec, used as given). */
function quota(api: ReturnType<typeof newTestAPI>['api'], name: string, hard: Record<string, string>, used: Record<string, string>): void {
  const q = api.create(RQ, 'default', { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name }, spec: { hard } } as ResourceQuota) as ResourceQuota;
  api.update(RQ, 'default', { ...q, status: { hard, used } } as ResourceQuota, { subresource: 'status' });
}

const ctr = (name: string, requests?: Record<string, string>, limits?: Record<string, string>) => ({ name, image: 'nginx', resources: { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) } });

describe('ResourceQuota admission', () => {
  it('charges each create and refuses the one that passes the limit (quota-pod.yaml)', () => {
    const { api } = newTestAPI();
    quota(api, 'pod-demo', { pods: '2' }, { pods: '0' });
    api.create(G.pods, 'default', pod('a'));
    api.create(G.pods, 'default', pod('b'));
    expect((api.get(RQ, 'default', 'pod-demo') as ResourceQuota).status?.used).toEqual({ pods: '2' });
    expect(statusError(() => api.create(G.pods, 'default', pod('c'))).status.message).toBe(
      'pods "c" is forbidden: exceeded quota: pod-demo, requested: pods=1, used: pods=2, limited: pods=2',
    );
  });

  it.each<[string, Record<string, string>, Record<string, string>, unknown[], string | null]>([
    ['memory over (docs example)', { 'requests.memory': '1Gi', 'limits.memory': '2Gi', 'requests.cpu': '1', 'limits.cpu': '2' }, { 'requests.memory': '600Mi', 'limits.memory': '800Mi', 'requests.cpu': '400m', 'limits.cpu': '800m' },
      [ctr('c', { memory: '700Mi', cpu: '100m' }, { memory: '1Gi', cpu: '800m' })],
      'exceeded quota: mem-cpu-demo, requested: requests.memory=700Mi, used: requests.memory=600Mi, limited: requests.memory=1Gi'],
    ['fits exactly', { 'requests.cpu': '1' }, { 'requests.cpu': '400m' }, [ctr('c', { cpu: '600m' })], null],
    ['two resources over, sorted', { cpu: '1', memory: '1Gi' }, { cpu: '900m', memory: '1000Mi' }, [ctr('c', { cpu: '200m', memory: '100Mi' })],
      'exceeded quota: mem-cpu-demo, requested: cpu=200m,memory=100Mi, used: cpu=900m,memory=1000Mi, limited: cpu=1,memory=1Gi'],
    ['missing limits: must specify', { 'limits.cpu': '2', 'limits.memory': '2Gi' }, { 'limits.cpu': '0', 'limits.memory': '0' }, [ctr('b', { cpu: '1' }), ctr('a')],
      'failed quota: mem-cpu-demo: must specify limits.cpu for: a,b; limits.memory for: a,b'],
  ])('%s', (_n, hard, used, containers, message) => {
    const { api } = newTestAPI();
    quota(api, 'mem-cpu-demo', hard, used);
    const create = () => api.create(G.pods, 'default', pod('p', { containers }));
    if (message === null) {
      create();
      return;
    }
    expect(statusError(create).status.message).toBe(`pods "p" is forbidden: ${message}`);
  });

  it('refuses while the controller has not counted yet, and counts object kinds', () => {
    const { api } = newTestAPI();
    const created = api.create(RQ, 'default', { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'objs' }, spec: { hard: { configmaps: '1' } } } as ResourceQuota);
    // status.hard copied, status.used not computed yet.
    api.update(RQ, 'default', { ...created, status: { hard: { configmaps: '1' } } } as ResourceQuota, { subresource: 'status' });
    const cm = (name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: {} });
    expect(statusError(() => api.create(CM, 'default', cm('a'))).status.message).toBe('configmaps "a" is forbidden: status unknown for quota: objs, resources: configmaps');
    const q = api.get(RQ, 'default', 'objs') as ResourceQuota;
    api.update(RQ, 'default', { ...q, status: { hard: { configmaps: '1' }, used: { configmaps: '0' } } } as ResourceQuota, { subresource: 'status' });
    api.create(CM, 'default', cm('a'));
    expect(statusError(() => api.create(CM, 'default', cm('b'))).status.message).toBe(
      'configmaps "b" is forbidden: exceeded quota: objs, requested: configmaps=1, used: configmaps=1, limited: configmaps=1',
    );
  });
});
