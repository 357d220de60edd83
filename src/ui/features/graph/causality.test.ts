import { describe, expect, it } from 'vitest';
import type { TraceEntry } from '../../../engine';
import { relationOf, relativesOf } from './causality';
import { node, obj, pod } from './fixtures.test-util';

const deploy = obj('Deployment', 'web');
const rs = obj('ReplicaSet', 'web-abc', { owner: deploy });
const p = pod('web-abc-1', 'kind-worker', { owner: rs, labels: { app: 'web' } });
const q = pod('other', 'kind-worker2');
const svc = { ...obj('Service', 'web', { spec: { selector: { app: 'web' } } }), apiVersion: 'v1' };
const ALL = [deploy, rs, p, q, svc, node('kind-worker'), node('kind-worker2')];
const trace = (id: number, object: string, cause?: string): TraceEntry => {
  const ref = (s: string) => {
    const [kind, rest] = s.split(':');
    const [namespace, name] = rest.split('/');
    return { kind, namespace, name };
  };
  return { id, time: id, component: 'x', action: 'y', message: '', object: ref(object), ...(cause ? { cause: ref(cause) } : {}) };
};

describe('relativesOf', () => {
  it('follows ownerReferences up (causes) and down (effects), transitively', () => {
    const fromPod = relativesOf('pod:default/web-abc-1', ALL, []);
    expect([...fromPod.causes].sort()).toEqual(['deployment:default/web', 'replicaset:default/web-abc']);
    const fromDeploy = relativesOf('deployment:default/web', ALL, []);
    expect([...fromDeploy.effects].sort()).toEqual(['pod:default/web-abc-1', 'replicaset:default/web-abc']);
  });
  it('follows trace cause → object links one step both ways', () => {
    const t = [trace(1, 'Pod:default/other', 'Node:x/kind-worker2')];
    t[0].cause = { kind: 'Node', name: 'kind-worker2' };
    expect([...relativesOf('pod:default/other', ALL, t).causes]).toEqual(['node:kind-worker2']);
    expect([...relativesOf('node:kind-worker2', ALL, t).effects]).toEqual(['pod:default/other']);
  });
  it('relates a pod to its node and Services, a node to its pods', () => {
    expect([...relativesOf('pod:default/web-abc-1', ALL, []).related].sort()).toEqual(['node:kind-worker', 'service:default/web']);
    expect([...relativesOf('node:kind-worker', ALL, []).related]).toEqual(['pod:default/web-abc-1']);
  });
  it('classifies graph items for highlighting', () => {
    const r = relativesOf('pod:default/web-abc-1', ALL, []);
    expect(relationOf('pod:default/web-abc-1', 'pod:default/web-abc-1', r)).toBe('selected');
    expect(relationOf('replicaset:default/web-abc', 'pod:default/web-abc-1', r)).toBe('cause');
    expect(relationOf('pod:default/other', 'pod:default/web-abc-1', r)).toBe('other');
    expect(relationOf('pod:default/other', null, r)).toBe('none');
  });
});
