import { describe, expect, it } from 'vitest';
import type { ContainerStatus, Pod, PodPhase } from '../../api/core';
import { summarizePod } from './pod';
import { formatTable, tabwrite } from './tabwriter';
import { toJson, toYaml } from './yaml';

const EPOCH = Date.UTC(2025, 2, 3, 9, 0, 0);
const parse = (ts: string) => Date.parse(ts) - EPOCH;
const iso = (ms: number) => new Date(EPOCH + ms).toISOString().replace('.000Z', 'Z');

function cs(name: string, over: Partial<ContainerStatus>): ContainerStatus {
  return { name, state: {}, lastState: {}, ready: false, restartCount: 0, image: 'nginx', imageID: '', ...over };
}

function pod(over: { phase?: PodPhase; statuses?: ContainerStatus[]; init?: ContainerStatus[]; initSpec?: number; containers?: number; deleting?: boolean; reason?: string; conditions?: { type: string; status: 'True' | 'False'; reason?: string }[] }): Pod {
  const n = over.containers ?? 1;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default', ...(over.deleting ? { deletionTimestamp: iso(0) } : {}) },
    spec: {
      containers: Array.from({ length: n }, (_, i) => ({ name: `c${i}`, image: 'nginx' })),
      initContainers: over.initSpec ? Array.from({ length: over.initSpec }, (_, i) => ({ name: `i${i}`, image: 'busybox' })) : undefined,
    },
    status: { phase: over.phase, reason: over.reason, containerStatuses: over.statuses, initContainerStatuses: over.init, conditions: over.conditions },
  };
}

describe('summarizePod (printPod STATUS/READY/RESTARTS)', () => {
  const now = 100_000;
  it.each<[string, Pod, string, string, string]>([
    ['pending, no status', pod({ phase: 'Pending' }), 'Pending', '0/1', '0'],
    ['container creating', pod({ phase: 'Pending', statuses: [cs('c0', { state: { waiting: { reason: 'ContainerCreating' } } })] }), 'ContainerCreating', '0/1', '0'],
    ['running and ready', pod({ phase: 'Running', statuses: [cs('c0', { ready: true, state: { running: { startedAt: iso(0) } } })] }), 'Running', '1/1', '0'],
    ['running, not ready', pod({ phase: 'Running', statuses: [cs('c0', { ready: false, state: { running: {} } })] }), 'Running', '0/1', '0'],
    [
      'crash loop with restarts and last exit',
      pod({ phase: 'Running', statuses: [cs('c0', { restartCount: 2, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: iso(85_000) } } })] }),
      'CrashLoopBackOff',
      '0/1',
      '2 (15s ago)',
    ],
    ['completed', pod({ phase: 'Succeeded', statuses: [cs('c0', { state: { terminated: { exitCode: 0, reason: 'Completed' } } })] }), 'Completed', '0/1', '0'],
    ['error', pod({ phase: 'Failed', statuses: [cs('c0', { state: { terminated: { exitCode: 1, reason: 'Error' } } })] }), 'Error', '0/1', '0'],
    ['exit code without reason', pod({ phase: 'Failed', statuses: [cs('c0', { state: { terminated: { exitCode: 137 } } })] }), 'ExitCode:137', '0/1', '0'],
    ['signal without reason', pod({ phase: 'Failed', statuses: [cs('c0', { state: { terminated: { exitCode: 0, signal: 9 } } })] }), 'Signal:9', '0/1', '0'],
    ['image pull backoff', pod({ phase: 'Pending', statuses: [cs('c0', { state: { waiting: { reason: 'ImagePullBackOff' } } })] }), 'ImagePullBackOff', '0/1', '0'],
    ['terminating', pod({ phase: 'Running', deleting: true, statuses: [cs('c0', { ready: true, state: { running: {} } })] }), 'Terminating', '1/1', '0'],
    ['node lost while deleting', pod({ phase: 'Running', deleting: true, reason: 'NodeLost' }), 'Unknown', '0/1', '0'],
    ['evicted', pod({ phase: 'Failed', reason: 'Evicted' }), 'Evicted', '0/1', '0'],
    ['init 0/2', pod({ phase: 'Pending', initSpec: 2, init: [cs('i0', { state: { running: {} } }), cs('i1', { state: { waiting: { reason: 'PodInitializing' } } })] }), 'Init:0/2', '0/1', '0'],
    ['init error', pod({ phase: 'Pending', initSpec: 1, init: [cs('i0', { state: { terminated: { exitCode: 1, reason: 'Error' } } })] }), 'Init:Error', '0/1', '0'],
    ['init crash loop', pod({ phase: 'Pending', initSpec: 1, init: [cs('i0', { restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } } })] }), 'Init:CrashLoopBackOff', '0/1', '3'],
    [
      'first container wins',
      pod({ phase: 'Running', containers: 2, statuses: [cs('c0', { state: { waiting: { reason: 'ErrImagePull' } } }), cs('c1', { ready: true, state: { running: {} } })] }),
      'ErrImagePull',
      '1/2',
      '0',
    ],
    [
      'completed but one still running, pod ready → Running',
      pod({ phase: 'Running', containers: 2, conditions: [{ type: 'Ready', status: 'True' }], statuses: [cs('c0', { ready: true, state: { running: {} } }), cs('c1', { state: { terminated: { exitCode: 0, reason: 'Completed' } } })] }),
      'Running',
      '1/2',
      '0',
    ],
    [
      'completed but one still running, not ready → NotReady',
      pod({ phase: 'Running', containers: 2, statuses: [cs('c0', { ready: true, state: { running: {} } }), cs('c1', { state: { terminated: { exitCode: 0, reason: 'Completed' } } })] }),
      'NotReady',
      '1/2',
      '0',
    ],
    ['scheduling gated', pod({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }), 'SchedulingGated', '0/1', '0'],
  ])('%s', (_name, p, status, ready, restarts) => {
    expect(summarizePod(p, now, parse)).toEqual({ status, ready, restarts });
  });
});

describe('tabwriter', () => {
  it('pads every column but the last by its widest cell + 3', () => {
    expect(formatTable([['NAME', 'READY', 'AGE'], ['web-abc', '1/1', '5s']])).toEqual(['NAME      READY   AGE', 'web-abc   1/1     5s']);
  });
  it('aligns column blocks separately, as Go tabwriter does (padding 2)', () => {
    const text = 'Name:\tx\nLabels:\ta=b\n\tc=d\nContainers:\n  c:\n    Image:\tnginx\n';
    expect(tabwrite(text, 2)).toBe('Name:    x\nLabels:  a=b\n         c=d\nContainers:\n  c:\n    Image:  nginx\n');
  });
});

describe('yaml/json printers', () => {
  it('prints YAML like kubectl: sorted keys, unindented lists, quoted look-alikes', () => {
    const obj = { kind: 'Pod', apiVersion: 'v1', metadata: { name: 'x', creationTimestamp: '2025-03-03T09:00:00Z', labels: { on: 'yes', v: '1' }, annotations: { a: 'x: y', e: '' } }, spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80 }], resources: {} }], nodeSelector: null, tolerations: [] } };
    expect(toYaml(obj)).toBe(
      [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  annotations:',
        "    a: 'x: y'",
        '    e: ""',
        '  creationTimestamp: "2025-03-03T09:00:00Z"',
        '  labels:',
        '    "on": "yes"',
        '    v: "1"',
        '  name: x',
        'spec:',
        '  containers:',
        '  - image: nginx',
        '    name: c',
        '    ports:',
        '    - containerPort: 80',
        '    resources: {}',
        '  nodeSelector: null',
        '  tolerations: []',
        '',
      ].join('\n'),
    );
  });
  it('prints multi-line strings as literal blocks', () => {
    expect(toYaml({ a: 'line1\nline2\n' })).toBe('a: |\n  line1\n  line2\n');
  });
  it('prints JSON with 4-space indent and sorted keys', () => {
    expect(toJson({ b: 1, a: { d: [1], c: '<x>' } })).toBe('{\n    "a": {\n        "c": "\\u003cx\\u003e",\n        "d": [\n            1\n        ]\n    },\n    "b": 1\n}');
  });
});
