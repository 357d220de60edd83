// Small object builders the engine's tests share (not a Kubernetes file): a Node, a Pod, a
// Deployment and a ReplicaSet with the fewest fields a test needs, everything else optional.
// Unset options leave no key behind (the builders return a deep copy, which drops undefined),
// so a built object looks like one read back from the API server.
import type { Deployment, ReplicaSet } from '../api/apps';
import type { Container, Node, Pod, Taint } from '../api/core';
import { deepCopy, type ObjectMeta, type OwnerReference } from '../api/meta';

export const GI = 1024 ** 3;

export interface NodeOptions {
  name: string;
  /** Capacity (= allocatable): 4 CPU, 8Gi and 110 pods unless given. */
  cpu?: string;
  memory?: string;
  pods?: number;
  /** Added to kubernetes.io/hostname=<name>. */
  labels?: Record<string, string>;
  taints?: Taint[];
  unschedulable?: boolean;
}

export function nodeObject(n: NodeOptions): Node {
  const cap = { cpu: n.cpu ?? '4', memory: n.memory ?? '8Gi', pods: String(n.pods ?? 110) };
  return deepCopy({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: n.name, labels: { 'kubernetes.io/hostname': n.name, ...(n.labels ?? {}) } },
    spec: { taints: n.taints, unschedulable: n.unschedulable },
    status: { capacity: cap, allocatable: cap },
  });
}

export interface PodOptions {
  name: string;
  /** Unset: the namespace of the create request decides. */
  namespace?: string;
  labels?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  /** Requests of the one default container. */
  cpu?: string;
  memory?: string;
  /** The default container's name ('c') and image ('nginx'). */
  container?: string;
  image?: string;
  /** Replace the default container. */
  containers?: Container[];
  /** Merged over the spec (after containers). */
  spec?: Partial<Pod['spec']>;
  /** Merged over the metadata (generateName, annotations, …). */
  meta?: Partial<ObjectMeta>;
}

export function podObject(p: PodOptions): Pod {
  const requests: Record<string, string> = {};
  if (p.cpu) requests.cpu = p.cpu;
  if (p.memory) requests.memory = p.memory;
  const container = { name: p.container ?? 'c', image: p.image ?? 'nginx', resources: Object.keys(requests).length ? { requests } : undefined };
  return deepCopy({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: p.name, namespace: p.namespace, labels: p.labels, ownerReferences: p.ownerReferences, ...(p.meta ?? {}) },
    spec: { containers: p.containers ?? [container], ...(p.spec ?? {}) },
  });
}

export interface WorkloadOptions<Spec> {
  /** 'web' unless given; also the app label and the container's name. */
  name?: string;
  namespace?: string;
  replicas?: number;
  image?: string;
  /** The template's one container ('<name>' unless given). */
  container?: string;
  /** Merged over the spec (after replicas, selector and template). */
  spec?: Partial<Spec>;
}

/** A Deployment selecting app=<name>, 3 replicas of one nginx container unless told otherwise. */
export function deploymentObject(o: WorkloadOptions<Deployment['spec']> = {}): Deployment {
  return workload('Deployment', o) as Deployment;
}

/** A ReplicaSet shaped like deploymentObject's (no pod-template-hash: a bare ReplicaSet). */
export function replicaSetObject(o: WorkloadOptions<ReplicaSet['spec']> = {}): ReplicaSet {
  return workload('ReplicaSet', o) as ReplicaSet;
}

function workload(kind: 'Deployment' | 'ReplicaSet', o: WorkloadOptions<object>): Deployment | ReplicaSet {
  const name = o.name ?? 'web';
  // Key order matters to tests that hash the template (computeHash): metadata, then spec.
  return deepCopy({
    apiVersion: 'apps/v1',
    kind,
    metadata: { name, namespace: o.namespace },
    spec: {
      replicas: o.replicas ?? 3,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: o.container ?? name, image: o.image ?? 'nginx' }] } },
      ...(o.spec ?? {}),
    },
  }) as Deployment;
}
