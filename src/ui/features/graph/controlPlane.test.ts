import { describe, expect, it } from 'vitest';
import { controlPlaneComponents } from './controlPlane';
import { pod } from './fixtures.test-util';

const staticPod = (c: string, phase: string) => pod(`${c}-kind-control-plane`, 'kind-control-plane', { ns: 'kube-system', phase });

describe('controlPlaneComponents', () => {
  it('reads each component from its static pod, and a stop/start trace overrides it', () => {
    const pods = [staticPod('kube-apiserver', 'Pending'), staticPod('etcd', 'Failed')];
    const byId = Object.fromEntries(controlPlaneComponents(pods, []).map((c) => [c.id, c.state]));
    expect(byId).toEqual({ 'kube-apiserver': 'starting', etcd: 'stopped', 'kube-scheduler': 'running', 'kube-controller-manager': 'running', 'cloud-controller-manager': 'running' });
    const stopped = controlPlaneComponents(pods, [{ id: 1, time: 1, component: 'kube-scheduler', action: 'stop', message: 'stopped' }]);
    expect(stopped.find((c) => c.id === 'kube-scheduler')!.state).toBe('stopped');
  });
});
