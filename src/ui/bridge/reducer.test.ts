import { describe, expect, it } from 'vitest';
import type { ChangeBatch, KubeObject, TraceEntry } from '../../engine';
import type { FullState } from '../../engine/protocol';
import { applyBatch, fromFullState, reduceMessage } from './reducer';
import { EMPTY_STATE, MAX_TRACES } from './state';

const pod = (ns: string, name: string, rv = '1'): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { namespace: ns, name, resourceVersion: rv } });
const node = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Node', metadata: { name } });
const trace = (id: number): TraceEntry => ({ id, time: id, component: 'test', action: 'noop', message: `t${id}` });

const full: FullState = {
  clock: { time: 0, speed: 1, paused: false },
  objects: { '/pods': [pod('default', 'a'), pod('kube-system', 'a')], '/nodes': [node('kind-worker')] },
  traces: [trace(1)],
};

describe('fromFullState', () => {
  it('indexes objects by resource and namespace/name (cluster-scoped by name)', () => {
    const s = fromFullState(full);
    expect(Object.keys(s.objects['/pods']).sort()).toEqual(['default/a', 'kube-system/a']);
    expect(Object.keys(s.objects['/nodes'])).toEqual(['kind-worker']);
    expect(s.traces).toHaveLength(1);
  });
});

describe('applyBatch', () => {
  const s0 = fromFullState(full);

  it.each([
    ['added', pod('default', 'b'), ['default/a', 'default/b', 'kube-system/a']],
    ['modified', pod('default', 'a', '2'), ['default/a', 'kube-system/a']],
    ['deleted', pod('default', 'a'), ['kube-system/a']],
  ] as const)('%s changes the pod map', (type, object, keys) => {
    const batch: ChangeBatch = { time: 5, changes: [{ type, resource: '/pods', object }], traces: [] };
    const s1 = applyBatch(s0, batch);
    expect(Object.keys(s1.objects['/pods']).sort()).toEqual(keys);
    expect(s1.clock.time).toBe(5);
  });

  it('keeps untouched resources and the input state unchanged (pure, structural sharing)', () => {
    const before = JSON.stringify(s0);
    const s1 = applyBatch(s0, { time: 1, changes: [{ type: 'modified', resource: '/pods', object: pod('default', 'a', '2') }], traces: [] });
    expect(s1.objects['/nodes']).toBe(s0.objects['/nodes']);
    expect(s1.objects['/pods']).not.toBe(s0.objects['/pods']);
    expect(s1.objects['/pods']['default/a'].metadata.resourceVersion).toBe('2');
    expect(s1.traces).toBe(s0.traces);
    expect(JSON.stringify(s0)).toBe(before);
  });

  it('creates a map for a resource it has not seen', () => {
    const d: KubeObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { namespace: 'default', name: 'web' } };
    const s1 = applyBatch(EMPTY_STATE, { time: 0, changes: [{ type: 'added', resource: 'apps/deployments', object: d }], traces: [] });
    expect(s1.objects['apps/deployments']['default/web']).toBe(d);
  });

  it('applies changes in order within a batch (add then delete leaves nothing)', () => {
    const s1 = applyBatch(s0, {
      time: 0,
      changes: [
        { type: 'added', resource: '/pods', object: pod('default', 'c') },
        { type: 'deleted', resource: '/pods', object: pod('default', 'c') },
      ],
      traces: [],
    });
    expect(s1.objects['/pods']['default/c']).toBeUndefined();
  });

  it('appends traces and keeps only the most recent MAX_TRACES', () => {
    const many = Array.from({ length: MAX_TRACES + 10 }, (_, i) => trace(i + 2));
    const s1 = applyBatch(s0, { time: 0, changes: [], traces: many });
    expect(s1.traces).toHaveLength(MAX_TRACES);
    expect(s1.traces.at(-1)!.id).toBe(MAX_TRACES + 11);
    expect(s1.traces[0].id).toBe(12);
  });
});

describe('reduceMessage', () => {
  it('replaces the clock on a clock message and ignores results', () => {
    const s0 = fromFullState(full);
    const s1 = reduceMessage(s0, { type: 'clock', clock: { time: 42, speed: 2, paused: true } });
    expect(s1.clock).toEqual({ time: 42, speed: 2, paused: true });
    expect(s1.objects).toBe(s0.objects);
    expect(reduceMessage(s0, { type: 'result', id: 1, result: { stdout: '', stderr: '', exitCode: 0 } })).toBe(s0);
  });
});
