import { describe, expect, it } from 'vitest';
import { familyOf, narrate, speakerOf } from './narrate';

describe('narrate', () => {
  it.each([
    ['replicaset-controller', undefined, 'ReplicaSet controller', 'controller'],
    ['deployment-controller', undefined, 'Deployment controller', 'controller'],
    ['default-scheduler', undefined, 'Scheduler', 'scheduler'],
    ['kubelet', 'kind-worker', 'kubelet on kind-worker', 'kubelet'],
    ['node-lifecycle-controller', undefined, 'Node lifecycle controller', 'controller'],
    ['some-new-thing', undefined, 'some-new-thing', 'other'],
  ])('%s (%s) speaks as %s', (component, instance, speaker, family) => {
    expect(speakerOf({ component, instance })).toBe(speaker);
    expect(familyOf(component)).toBe(family);
  });
  it('names the subject, with the namespace unless default', () => {
    const n = narrate({ id: 1, time: 0, component: 'kubelet', instance: 'w', action: 'pull', message: 'pulling nginx', object: { kind: 'Pod', namespace: 'kube-system', name: 'x' } });
    expect(n.subject).toBe('Pod kube-system/x');
    expect(n.text).toBe('pulling nginx');
  });
});
