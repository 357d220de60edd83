import { describe, expect, it } from 'vitest';
import { G, newTestAPI, statusError } from '../../testing';

const event = (name: string, involved: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1', kind: 'Event', metadata: { name },
  involvedObject: involved, reason: 'Scheduled', type: 'Normal', message: 'm', source: { component: 'default-scheduler' },
  reportingComponent: 'default-scheduler', ...extra,
});

describe('events', () => {
  it('the involved object must be in the event namespace', () => {
    const { api } = newTestAPI();
    expect(statusError(() => api.create(G.events, 'default', event('e', { kind: 'Pod', name: 'p', namespace: 'kube-system' }))).status.message).toBe(
      'Event "e" is invalid: involvedObject.namespace: Invalid value: "kube-system": does not match event.namespace',
    );
  });

  it.each([
    ['involvedObject.kind=Pod', ['a']],
    ['involvedObject.name=web', ['b']],
    ['reason=Scheduled,type=Normal', ['a', 'b']],
    ['source=default-scheduler', ['a', 'b']],
    ['reportingComponent=default-scheduler', ['a', 'b']],
    ['involvedObject.uid=u1', ['a']],
    ['involvedObject.namespace=default', ['a', 'b']],
    ['involvedObject.fieldPath=spec.containers{app}', ['a']],
  ])('field selector %s', (sel, names) => {
    const { api } = newTestAPI();
    api.create(G.events, 'default', event('a', { kind: 'Pod', name: 'p', namespace: 'default', uid: 'u1', fieldPath: 'spec.containers{app}' }));
    api.create(G.events, 'default', event('b', { kind: 'Deployment', name: 'web', namespace: 'default' }));
    expect(api.list(G.events, 'default', { fieldSelector: sel }).items.map((e) => e.metadata.name)).toEqual(names);
  });
});
