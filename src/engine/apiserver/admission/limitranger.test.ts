import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/core';
import type { LimitRange } from '../../api/config';
import { G, newTestAPI, pod, statusError } from '../registry/testing';
import { limitRequestRatioConstraint, maxConstraint, minConstraint } from './limitranger';

const LR = { group: '', resource: 'limitranges' };

function lr(limits: LimitRange['spec']['limits']): LimitRange {
  return { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'lr' }, spec: { limits } };
}

describe('LimitRanger constraint messages (v1.32 wording)', () => {
  it.each<[string, string | undefined]>([
    ['min no request', minConstraint('Container', 'cpu', '200m', {}, {})],
    ['min request', minConstraint('Container', 'cpu', '200m', { cpu: '100m' }, {})],
    ['min limit', minConstraint('Container', 'cpu', '200m', { cpu: '300m' }, { cpu: '0.1' })],
    ['max no limit', maxConstraint('Container', 'memory', '1Gi', {}, {})],
    ['max limit', maxConstraint('Container', 'cpu', '800m', { cpu: '500m' }, { cpu: '1.5' })],
    ['max request', maxConstraint('Pod', 'cpu', '800m', { cpu: '900m' }, { cpu: '800m' })],
    ['ratio', limitRequestRatioConstraint('Container', 'cpu', '2', { cpu: '250m' }, { cpu: '1' })],
    ['ratio ok', limitRequestRatioConstraint('Container', 'cpu', '4', { cpu: '250m' }, { cpu: '1' })],
  ])('%s', (name, got) => {
    const want: Record<string, string | undefined> = {
      'min no request': 'minimum cpu usage per Container is 200m.  No request is specified',
      'min request': 'minimum cpu usage per Container is 200m, but request is 100m',
      'min limit': 'minimum cpu usage per Container is 200m, but limit is 100m',
      'max no limit': 'maximum memory usage per Container is 1Gi.  No limit is specified',
      'max limit': 'maximum cpu usage per Container is 800m, but limit is 1500m',
      'max request': 'maximum cpu usage per Pod is 800m, but request is 900m',
      ratio: 'cpu max limit to request ratio per Container is 2, but provided ratio is 4.000000',
      'ratio ok': undefined,
    };
    expect(got).toBe(want[name]);
  });
});

describe('LimitRanger admission', () => {
  it('stores a Container item with default <- max and defaultRequest <- default (cpu-constraints.yaml)', () => {
    const { api } = newTestAPI();
    const stored = api.create(LR, 'default', lr([{ type: 'Container', max: { cpu: '800m' }, min: { cpu: '200m' } }])) as LimitRange;
    expect(stored.spec.limits[0]).toEqual({ type: 'Container', max: { cpu: '800m' }, min: { cpu: '200m' }, default: { cpu: '800m' }, defaultRequest: { cpu: '800m' } });
  });

  it('refuses cpu-constraints-pod-2 (limit 1.5 > max 800m)', () => {
    const { api } = newTestAPI();
    api.create(LR, 'default', lr([{ type: 'Container', max: { cpu: '800m' }, min: { cpu: '200m' } }]));
    const e = statusError(() => api.create(G.pods, 'default', pod('constraints-cpu-demo-2', { containers: [{ name: 'c', image: 'nginx', resources: { limits: { cpu: '1.5' }, requests: { cpu: '500m' } } }] })));
    expect(e.status.message).toBe('pods "constraints-cpu-demo-2" is forbidden: maximum cpu usage per Container is 800m, but limit is 1500m');
  });

  it('reports every violation as an aggregate', () => {
    const { api } = newTestAPI();
    api.create(LR, 'default', lr([{ type: 'Container', max: { cpu: '800m', memory: '1Gi' } }]));
    const e = statusError(() => api.create(G.pods, 'default', pod('p', { containers: [{ name: 'c', image: 'nginx', resources: { limits: { cpu: '2', memory: '2Gi' } } }] })));
    expect(e.status.message).toBe('pods "p" is forbidden: [maximum cpu usage per Container is 800m, but limit is 2, maximum memory usage per Container is 1Gi, but limit is 2Gi]');
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>, string]>([
    ['nothing set: both defaults', {}, { requests: { memory: '256Mi' }, limits: { memory: '512Mi' } }, 'LimitRanger plugin set: memory request for container c; memory limit for container c'],
    ['limit set: request follows the limit (SetDefaults_Pod)', { limits: { memory: '1Gi' } }, { requests: { memory: '1Gi' }, limits: { memory: '1Gi' } }, ''],
    ['request set: default limit added', { requests: { memory: '128Mi' } }, { requests: { memory: '128Mi' }, limits: { memory: '512Mi' } }, 'LimitRanger plugin set: memory limit for container c'],
  ])('memory-defaults.yaml: %s', (_n, resources, want, note) => {
    const { api } = newTestAPI();
    api.create(LR, 'default', lr([{ type: 'Container', default: { memory: '512Mi' }, defaultRequest: { memory: '256Mi' } }]));
    const p = api.create(G.pods, 'default', pod('p', { containers: [{ name: 'c', image: 'nginx', resources }] })) as Pod;
    expect(p.spec.containers[0].resources).toEqual(want);
    expect(p.metadata.annotations?.['kubernetes.io/limit-ranger'] ?? '').toBe(note);
    expect(p.status?.qosClass).toBe('Burstable');
  });

  it('validates the ordering of a LimitRange', () => {
    const { api } = newTestAPI();
    const e = statusError(() => api.create(LR, 'default', lr([{ type: 'Container', max: { cpu: '800m' }, defaultRequest: { cpu: '900m' } }])));
    expect(e.status.message).toContain('spec.limits[0].defaultRequest[cpu]: Invalid value: "900m": default request value 900m is greater than max value 800m');
  });
});
