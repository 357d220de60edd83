// Small object builders for the graph's table tests.
import type { KubeObject, Node, Pod } from '../../../engine';

export function node(name: string, opts: { controlPlane?: boolean } = {}): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, uid: `uid-${name}`, labels: opts.controlPlane ? { 'node-role.kubernetes.io/control-plane': '' } : {} },
    spec: {},
    status: { allocatable: { cpu: '2', memory: '4Gi' }, conditions: [{ type: 'Ready', status: 'True' }] },
  } as Node;
}

export function pod(name: string, nodeName?: string, opts: { ns?: string; owner?: KubeObject; labels?: Record<string, string>; phase?: string } = {}): Pod {
  const ns = opts.ns ?? 'default';
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: ns,
      uid: `uid-${ns}-${name}`,
      labels: opts.labels ?? {},
      ...(opts.owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: opts.owner.kind, name: opts.owner.metadata.name!, uid: opts.owner.metadata.uid!, controller: true }] } : {}),
    },
    spec: { containers: [{ name: 'app', image: 'nginx' }], ...(nodeName ? { nodeName } : {}) },
    status: { phase: (opts.phase ?? (nodeName ? 'Running' : 'Pending')) as 'Running' },
  } as Pod;
}

export function obj(kind: string, name: string, opts: { ns?: string; owner?: KubeObject; spec?: unknown } = {}): KubeObject {
  const ns = opts.ns ?? 'default';
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: {
      name,
      namespace: ns,
      uid: `uid-${kind}-${ns}-${name}`,
      ...(opts.owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: opts.owner.kind, name: opts.owner.metadata.name!, uid: opts.owner.metadata.uid!, controller: true }] } : {}),
    },
    ...(opts.spec ? { spec: opts.spec } : {}),
  } as KubeObject;
}
