import { describe, expect, it } from 'vitest';
import type { Node } from '../../../../api/core';
import { G, mutable, newTestAPI, statusError } from '../../testing';

const node = (spec: Record<string, unknown> = {}) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'kind-worker' }, spec, status: { capacity: { cpu: '2', memory: '4Gi', pods: '110' } } });

describe('nodes', () => {
  it('keeps status on create, defaults allocatable, keeps podCIDR/podCIDRs in step', () => {
    const { api } = newTestAPI();
    const n = api.create(G.nodes, '', node({ podCIDR: '10.244.1.0/24' })) as Node;
    expect(n.metadata.namespace).toBeUndefined();
    expect(n.status?.allocatable).toEqual({ cpu: '2', memory: '4Gi', pods: '110' });
    expect(n.spec).toEqual({ podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'] });
  });

  it.each<[Record<string, unknown>, string[]]>([
    [{ taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoRun' }] }, ['spec.taints[0].effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"']],
    [{ taints: [{ key: 'dedicated' }] }, ['spec.taints[0].effect: Required value']],
    [{ taints: [{ key: 'a', effect: 'NoSchedule' }, { key: 'a', value: 'x', effect: 'NoSchedule' }] }, ['spec.taints[1]: Duplicate value: {"key":"a","value":"x","effect":"NoSchedule"}: taints must be unique by key and effect pair']],
    [{ podCIDR: '10.244.1.0' }, ['spec.podCIDRs[0]: Invalid value: "10.244.1.0": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)']],
  ])('invalid %#', (spec, causes) => {
    const { api } = newTestAPI();
    expect(statusError(() => api.create(G.nodes, '', node(spec))).status.details?.causes?.map((c) => `${c.field}: ${c.message}`)).toEqual(causes);
  });

  it('podCIDR may not change once set; spec.unschedulable field selector', () => {
    const { api } = newTestAPI();
    const n = mutable(api.create(G.nodes, '', node({ podCIDR: '10.244.1.0/24' })) as Node);
    expect(api.list(G.nodes, undefined, { fieldSelector: 'spec.unschedulable=false' }).items).toHaveLength(1);
    n.spec.unschedulable = true;
    const u = mutable(api.update(G.nodes, '', n) as Node);
    expect(api.list(G.nodes, undefined, { fieldSelector: 'spec.unschedulable=true' }).items).toHaveLength(1);
    u.spec.podCIDR = '10.244.9.0/24';
    u.spec.podCIDRs = ['10.244.9.0/24'];
    expect(statusError(() => api.update(G.nodes, '', u)).status.message).toBe(
      'Node "kind-worker" is invalid: spec.podCIDRs: Forbidden: node updates may not change podCIDR except from "" to valid',
    );
  });
});
