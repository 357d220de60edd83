import { describe, expect, it } from 'vitest';
import type { Taint, Toleration } from '../../api/core';
import { decideEviction, toleratesTaint } from './tolerations';

const unreachable: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };
const notReady: Taint = { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' };
const gpu: Taint = { key: 'gpu', value: 'true', effect: 'NoExecute' };

describe('toleratesTaint', () => {
  const table: [string, Toleration, Taint, boolean][] = [
    ['Exists on the key', { key: unreachable.key, operator: 'Exists' }, unreachable, true],
    ['empty key + Exists tolerates everything', { operator: 'Exists' }, gpu, true],
    ['Equal with matching value', { key: 'gpu', value: 'true', effect: 'NoExecute' }, gpu, true],
    ['Equal with another value', { key: 'gpu', value: 'false' }, gpu, false],
    ['effect mismatch', { key: 'gpu', operator: 'Exists', effect: 'NoSchedule' }, gpu, false],
    ['other key', { key: 'x', operator: 'Exists' }, gpu, false],
  ];
  for (const [name, t, taint, want] of table) it(name, () => expect(toleratesTaint(t, taint)).toBe(want));
});

describe('decideEviction', () => {
  const table: [string, Taint[], Toleration[], ReturnType<typeof decideEviction>['kind'], number?][] = [
    ['no NoExecute taint', [{ key: 'a', effect: 'NoSchedule' }], [], 'none'],
    ['untolerated', [unreachable], [], 'now'],
    ['default tolerations: 300 s', [unreachable], [{ key: unreachable.key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }], 'after', 300],
    ['shortest of several used tolerations', [unreachable, notReady], [
      { key: unreachable.key, operator: 'Exists', tolerationSeconds: 300 },
      { key: notReady.key, operator: 'Exists', tolerationSeconds: 60 },
    ], 'after', 60],
    ['forever', [unreachable], [{ key: unreachable.key, operator: 'Exists' }], 'forever'],
    ['tolerationSeconds 0 means now', [unreachable], [{ key: unreachable.key, operator: 'Exists', tolerationSeconds: 0 }], 'now'],
    ['one of two taints untolerated', [unreachable, gpu], [{ key: unreachable.key, operator: 'Exists' }], 'now'],
  ];
  for (const [name, taints, tols, kind, seconds] of table) {
    it(name, () => {
      const d = decideEviction(taints, tols);
      expect(d.kind).toBe(kind);
      if (seconds !== undefined && d.kind === 'after') expect(d.seconds).toBe(seconds);
    });
  }
});
