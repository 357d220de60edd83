// Table of pods and what `kubectl get pods` prints for them (STATUS, READY, RESTARTS).
import { describe, expect, it } from 'vitest';
import type { ContainerStatus, Pod, PodStatus } from '../../engine/api/core';
import { podCategory, podStatus, type PodCategory } from './podStatus';

function cs(state: ContainerStatus['state'], ready = false, restartCount = 0, name = 'app'): ContainerStatus {
  return { name, state, lastState: {}, ready, restartCount, image: 'nginx', imageID: '' };
}

function pod(status: PodStatus, opts: { containers?: number; init?: { name: string; restartPolicy?: 'Always' }[]; deleting?: boolean } = {}): Pod {
  const n = opts.containers ?? 1;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default', ...(opts.deleting ? { deletionTimestamp: '2025-03-03T09:00:00Z' } : {}) },
    spec: {
      containers: Array.from({ length: n }, (_, i) => ({ name: i === 0 ? 'app' : `c${i}`, image: 'nginx' })),
      ...(opts.init ? { initContainers: opts.init.map((c) => ({ ...c, image: 'busybox' })) } : {}),
    },
    status,
  };
}

const READY = [{ type: 'Ready', status: 'True' as const }];

const cases: [string, Pod, string, string, number, PodCategory][] = [
  ['pending, not scheduled', pod({ phase: 'Pending' }), 'Pending', '0/1', 0, 'pending'],
  ['container creating', pod({ phase: 'Pending', containerStatuses: [cs({ waiting: { reason: 'ContainerCreating' } })] }), 'ContainerCreating', '0/1', 0, 'creating'],
  ['running and ready', pod({ phase: 'Running', conditions: READY, containerStatuses: [cs({ running: {} }, true)] }), 'Running', '1/1', 0, 'running'],
  ['running, readiness probe failing', pod({ phase: 'Running', containerStatuses: [cs({ running: {} }, false)] }), 'Running', '0/1', 0, 'notready'],
  ['crash loop', pod({ phase: 'Running', containerStatuses: [cs({ waiting: { reason: 'CrashLoopBackOff' } }, false, 5)] }), 'CrashLoopBackOff', '0/1', 5, 'crashloop'],
  ['image pull back-off', pod({ phase: 'Pending', containerStatuses: [cs({ waiting: { reason: 'ImagePullBackOff' } })] }), 'ImagePullBackOff', '0/1', 0, 'imagepull'],
  ['err image pull', pod({ phase: 'Pending', containerStatuses: [cs({ waiting: { reason: 'ErrImagePull' } })] }), 'ErrImagePull', '0/1', 0, 'imagepull'],
  ['completed', pod({ phase: 'Succeeded', containerStatuses: [cs({ terminated: { exitCode: 0, reason: 'Completed' } })] }), 'Completed', '0/1', 0, 'completed'],
  ['error', pod({ phase: 'Failed', containerStatuses: [cs({ terminated: { exitCode: 1, reason: 'Error' } })] }), 'Error', '0/1', 0, 'error'],
  ['exit code without reason', pod({ phase: 'Failed', containerStatuses: [cs({ terminated: { exitCode: 137 } })] }), 'ExitCode:137', '0/1', 0, 'error'],
  ['evicted (pod reason)', pod({ phase: 'Failed', reason: 'Evicted' }), 'Evicted', '0/1', 0, 'error'],
  ['terminating', pod({ phase: 'Running', conditions: READY, containerStatuses: [cs({ running: {} }, true)] }, { deleting: true }), 'Terminating', '1/1', 0, 'terminating'],
  ['deleted after completing stays Completed', pod({ phase: 'Succeeded', containerStatuses: [cs({ terminated: { exitCode: 0, reason: 'Completed' } })] }, { deleting: true }), 'Completed', '0/1', 0, 'completed'],
  ['node lost while deleting', pod({ phase: 'Running', reason: 'NodeLost', containerStatuses: [cs({ running: {} }, true)] }, { deleting: true }), 'Unknown', '1/1', 0, 'error'],
  [
    'first container wins the status (kubectl walks backwards)',
    pod({ phase: 'Running', containerStatuses: [cs({ waiting: { reason: 'CrashLoopBackOff' } }, false, 2), cs({ running: {} }, true, 1, 'c1')] }, { containers: 2 }),
    'CrashLoopBackOff', '1/2', 3, 'crashloop',
  ],
  [
    'one container done, another still running',
    pod({ phase: 'Running', conditions: READY, containerStatuses: [cs({ running: {} }, true), cs({ terminated: { exitCode: 0, reason: 'Completed' } }, false, 0, 'c1')] }, { containers: 2 }),
    'Running', '1/2', 0, 'notready',
  ],
  ['init container running', pod({ phase: 'Pending', initContainerStatuses: [cs({ running: {} }, false, 0, 'init')] }, { init: [{ name: 'init' }] }), 'Init:0/1', '0/1', 0, 'creating'],
  ['init container crash loop', pod({ phase: 'Pending', initContainerStatuses: [cs({ waiting: { reason: 'CrashLoopBackOff' } }, false, 3, 'init')] }, { init: [{ name: 'init' }] }), 'Init:CrashLoopBackOff', '0/1', 3, 'crashloop'],
  ['init container failed', pod({ phase: 'Pending', initContainerStatuses: [cs({ terminated: { exitCode: 2, reason: 'Error' } }, false, 0, 'init')] }, { init: [{ name: 'init' }] }), 'Init:Error', '0/1', 0, 'error'],
  [
    'started sidecar counts as a container',
    pod({ phase: 'Running', conditions: READY, initContainerStatuses: [{ ...cs({ running: {} }, true, 0, 'proxy'), started: true }], containerStatuses: [cs({ running: {} }, true)] }, { init: [{ name: 'proxy', restartPolicy: 'Always' }] }),
    'Running', '2/2', 0, 'running',
  ],
];

describe('podStatus (kubectl printPod)', () => {
  it.each(cases)('%s', (_name, p, reason, ready, restarts, category) => {
    const s = podStatus(p);
    expect(s.reason).toBe(reason);
    expect(`${s.ready}/${s.total}`).toBe(ready);
    expect(s.restarts).toBe(restarts);
    expect(podCategory(s)).toBe(category);
  });
});
