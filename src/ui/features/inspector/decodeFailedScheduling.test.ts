import { describe, expect, it } from 'vitest';
import { decodeFailedScheduling } from './decodeFailedScheduling';
import { withoutManagedFields, yamlText } from './yamlText';

describe('decodeFailedScheduling', () => {
  it('decodes each reason of an upstream FitError message', () => {
    const d = decodeFailedScheduling(
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
    );
    expect(d.available).toBe(0);
    expect(d.total).toBe(4);
    expect(d.reasons.map((r) => r.count)).toEqual([1, 3]);
    expect(d.reasons[0].plain).toContain('taint node-role.kubernetes.io/control-plane');
    expect(d.reasons[1].plain).toBe("3 nodes do not have enough unrequested cpu left for this pod's requests (requests count, not actual use).");
    expect(d.preemption).toMatch(/would not help/);
  });
  it.each([
    ['0/3 nodes are available: 3 node(s) were unschedulable.', 'cordoned'],
    ["0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector.", 'nodeSelector'],
    ['0/1 nodes are available: 1 Too many pods.', 'as many pods'],
    ['0/1 nodes are available: 1 something new.', 'something new'],
  ])('%s', (msg, word) => expect(decodeFailedScheduling(msg).reasons[0].plain).toContain(word));
  it('handles an empty cluster and free text', () => {
    expect(decodeFailedScheduling('no nodes available to schedule pods').summary).toMatch(/no nodes/);
    expect(decodeFailedScheduling('weird').summary).toBe('weird');
  });
});

describe('yamlText', () => {
  it('hides managedFields and prints the rest', () => {
    const o = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', managedFields: [{ manager: 'kubectl' }] } };
    expect(withoutManagedFields(o).metadata).toEqual({ name: 'p' });
    const y = yamlText(o);
    expect(y).toContain('kind: Pod');
    expect(y).not.toContain('managedFields');
  });
});
