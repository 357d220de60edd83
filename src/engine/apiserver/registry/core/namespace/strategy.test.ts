import { describe, expect, it } from 'vitest';
import type { Namespace } from '../../../../api/core';
import { G, mutable, newTestAPI, pod, statusError } from '../../testing';

const ns = (name: string) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });

describe('namespaces', () => {
  it('create: name label, spec.finalizers [kubernetes], phase Active', () => {
    const { api } = newTestAPI();
    const n = api.create(G.namespaces, '', ns('shop')) as Namespace;
    expect(n.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'shop' });
    expect(n.spec).toEqual({ finalizers: ['kubernetes'] });
    expect(n.status).toEqual({ phase: 'Active' });
  });

  it('names must be DNS-1123 labels', () => {
    const { api } = newTestAPI();
    expect(statusError(() => api.create(G.namespaces, '', ns('my.shop'))).status.message).toBe(
      `Namespace "my.shop" is invalid: metadata.name: Invalid value: "my.shop": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    );
  });

  it('an update cannot change spec.finalizers or the name label', () => {
    const { api } = newTestAPI();
    const n = mutable(api.create(G.namespaces, '', ns('shop')) as Namespace);
    n.spec = { finalizers: [] };
    n.metadata.labels = { team: 'a' };
    const u = api.update(G.namespaces, '', n) as Namespace;
    expect(u.spec?.finalizers).toEqual(['kubernetes']);
    expect(u.metadata.labels).toEqual({ team: 'a', 'kubernetes.io/metadata.name': 'shop' });
  });

  it.each(['default', 'kube-system', 'kube-public'])('%s may not be deleted', (name) => {
    const { api } = newTestAPI();
    if (!api.tryGet(G.namespaces, '', name)) api.create(G.namespaces, '', ns(name));
    const err = statusError(() => api.delete(G.namespaces, '', name));
    expect(err.code).toBe(403);
    expect(err.status.message).toBe(`namespaces "${name}" is forbidden: this namespace may not be deleted`);
  });

  it('delete -> Terminating; no new content; finalize removes it', () => {
    const { api, clock } = newTestAPI();
    api.create(G.namespaces, '', ns('doomed'));
    api.create(G.pods, 'doomed', pod('old'));
    clock.setNow(5000);
    const d = api.delete(G.namespaces, '', 'doomed') as Namespace;
    expect(d.status?.phase).toBe('Terminating');
    expect(d.metadata.deletionTimestamp).toBe('2025-03-03T09:00:05Z');
    expect(d.spec?.finalizers).toEqual(['kubernetes']);
    expect(api.list(G.namespaces, undefined, { fieldSelector: 'status.phase=Terminating' }).items.map((n) => n.metadata.name)).toEqual(['doomed']);

    const err = statusError(() => api.create(G.pods, 'doomed', pod('new')));
    expect(err.code).toBe(403);
    expect(err.status.message).toBe('pods "new" is forbidden: unable to create new content in namespace doomed because it is being terminated');
    expect(err.status.details?.causes).toEqual([{ reason: 'NamespaceTerminating', message: 'namespace doomed is being terminated', field: 'metadata.namespace' }]);
    // Existing content can still be changed and deleted (the namespace controller does that).
    api.delete(G.pods, 'doomed', 'old');

    // A second delete and status writes leave it in place while spec.finalizers remain.
    api.delete(G.namespaces, '', 'doomed');
    const cur = mutable(api.get(G.namespaces, '', 'doomed') as Namespace);
    api.update(G.namespaces, '', { ...cur, status: { ...cur.status, conditions: [{ type: 'NamespaceContentRemaining', status: 'False' }] } }, { subresource: 'status' });
    expect(api.tryGet(G.namespaces, '', 'doomed')).toBeDefined();

    const fin = mutable(api.get(G.namespaces, '', 'doomed') as Namespace);
    fin.spec = { finalizers: [] };
    api.update(G.namespaces, '', fin, { subresource: 'finalize' });
    expect(api.tryGet(G.namespaces, '', 'doomed')).toBeUndefined();
  });

  it('namespaced objects need an existing namespace', () => {
    const { api } = newTestAPI();
    const err = statusError(() => api.create(G.pods, 'nowhere', pod('p')));
    expect(err.code).toBe(404);
    expect(err.status.message).toBe('namespaces "nowhere" not found');
  });
});
