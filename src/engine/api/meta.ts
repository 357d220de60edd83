// Object metadata shared by every kind: mirrors k8s.io/apimachinery/pkg/apis/meta/v1 (types.go).

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
}

export interface TypeMeta {
  apiVersion: string;
  kind: string;
}

/** Any object the API server stores. Kind-specific interfaces extend this. */
export interface KubeObject extends TypeMeta {
  metadata: ObjectMeta;
  // Kind-specific fields. `unknown` keeps the generic code honest: it must narrow before use.
  [field: string]: unknown;
}

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

/** A condition as used by Deployments, ReplicaSets, Pods and Nodes (the union of their fields). */
export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastUpdateTime?: string;
  lastProbeTime?: string | null;
  lastHeartbeatTime?: string;
}

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

/** metav1.Status: the body of every API error. */
export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Success' | 'Failure';
  message: string;
  reason: string;
  details?: { name?: string; group?: string; kind?: string; causes?: StatusCause[]; retryAfterSeconds?: number };
  code: number;
}

export type IntOrString = number | string;

export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

export function keyOf(obj: { metadata: ObjectMeta }): string {
  return objectKey(obj.metadata.namespace, obj.metadata.name ?? '');
}

export function splitKey(key: string): { namespace: string; name: string } {
  const i = key.indexOf('/');
  return i < 0 ? { namespace: '', name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) };
}

export function controllerOf(obj: { metadata: ObjectMeta }): OwnerReference | undefined {
  const refs = obj.metadata.ownerReferences;
  if (refs) for (const r of refs) if (r.controller === true) return r;
  return undefined;
}

/** Deep copy of plain JSON data (cached objects are frozen: copy before editing). */
export function deepCopy<T>(v: T): T {
  return structuredCloneJson(v);
}

function structuredCloneJson<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => structuredCloneJson(x)) as unknown as T;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v as Record<string, unknown>)) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined) out[k] = structuredCloneJson(x);
  }
  return out as T;
}

export function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const k of Object.keys(v as Record<string, unknown>)) deepFreeze((v as Record<string, unknown>)[k]);
  }
  return v;
}
