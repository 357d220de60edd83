// Quota evaluators: how much of each quota'd resource one object uses. Mirrors
// pkg/quota/v1/evaluator/core (pods.go, services.go, persistent_volume_claims.go) and
// staging/src/k8s.io/apiserver/pkg/quota/v1/generic (the object-count evaluator every other kind
// gets). The same functions serve the ResourceQuota admission plugin (charging a request) and the
// resource quota controller (recounting a namespace), as upstream.
import type { Container, Pod } from '../api/core';
import type { ResourceQuota } from '../api/config';
import { isTerminal } from './pods';
import { add, fromResourceList, ONE, qty, type Usage } from './resources';

export interface GroupResource {
  group: string;
  resource: string;
}

export interface Evaluator {
  gr: GroupResource;
  /** Does this operation change usage (pods: CREATE only; services and PVCs: CREATE and UPDATE)? */
  handles(operation: string, subresource: string | undefined): boolean;
  /** The subset of the given resource names this evaluator counts. */
  matchingResources(names: string[]): string[];
  /** Pods only: refuse a pod that does not state what a cpu/memory quota needs ("must specify …"). */
  constraints(required: string[], obj: unknown): string | undefined;
  /** Do the quota's scopes select this object? */
  matchesScopes(q: ResourceQuota, obj: unknown): boolean;
  usage(obj: unknown, now: number, parse: (ts: string | undefined) => number): Usage;
}

/** generic.ObjectCountQuotaResourceNameFor: `count/pods`, `count/deployments.apps`. */
export function objectCountName(gr: GroupResource): string {
  return gr.group ? `count/${gr.resource}.${gr.group}` : `count/${gr.resource}`;
}

/** The pre-`count/` names core kinds still accept (pkg/apis/core ResourceConfigMaps, …). */
const LEGACY_COUNT: Record<string, string> = {
  '/configmaps': 'configmaps',
  '/secrets': 'secrets',
  '/replicationcontrollers': 'replicationcontrollers',
  '/resourcequotas': 'resourcequotas',
};

function intersect(names: string[], known: Set<string>): string[] {
  return names.filter((n) => known.has(n));
}

function noScopes(q: ResourceQuota): boolean {
  return !(q.spec?.scopes?.length || q.spec?.scopeSelector?.matchExpressions?.length);
}

/** NewObjectCountEvaluator: one object uses 1 of `count/<resource>` (and of its legacy name). */
export function objectCountEvaluator(gr: GroupResource): Evaluator {
  const names = [objectCountName(gr)];
  const legacy = LEGACY_COUNT[`${gr.group}/${gr.resource}`];
  if (legacy) names.push(legacy);
  const known = new Set(names);
  return {
    gr,
    handles: (op) => op === 'CREATE',
    matchingResources: (n) => intersect(n, known),
    constraints: () => undefined,
    matchesScopes: noScopes,
    usage: () => new Map(names.map((n) => [n, ONE])),
  };
}

// ---------------------------------------------------------------- pods

const POD_RESOURCES = new Set([
  'count/pods', 'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage',
  'limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'pods',
]);

/**
 * "It was a mistake, but if a quota tracks cpu or memory related resources, the incoming pod is
 * required to have those values set" (pods.go validationSet).
 */
const VALIDATION_SET = new Set(['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory']);

/** podComputeUsageHelper: requests.cpu also counts as `cpu`, requests.memory as `memory`. */
function computeUsage(requests: Usage, limits: Usage): Usage {
  const out: Usage = new Map([['pods', ONE]]);
  for (const r of ['cpu', 'memory', 'ephemeral-storage']) {
    const req = requests.get(r);
    if (req) {
      out.set(r, req);
      out.set(`requests.${r}`, req);
    }
    const lim = limits.get(r);
    if (lim) out.set(`limits.${r}`, lim);
  }
  return out;
}

function maxUsage(a: Usage, b: Usage): Usage {
  const out: Usage = new Map(a);
  for (const [k, v] of b) if (!out.has(k) || out.get(k)!.nanos < v.nanos) out.set(k, v);
  return out;
}

/**
 * PodRequests / PodLimits (pkg/api/v1/resource): the sum over containers (and restartable
 * sidecars), then at least the largest init container. Two containers asking 200m and 300m cpu
 * with one init container asking 400m: max(200m+300m, 400m) = 500m.
 */
export function podRequestsAndLimits(pod: Pod): { requests: Usage; limits: Usage } {
  let requests: Usage = new Map();
  let limits: Usage = new Map();
  const inits = pod.spec?.initContainers ?? [];
  for (const c of [...(pod.spec?.containers ?? []), ...inits.filter((i) => i.restartPolicy === 'Always')]) {
    requests = add(requests, fromResourceList(c.resources?.requests));
    limits = add(limits, fromResourceList(c.resources?.limits));
  }
  for (const c of inits.filter((i) => i.restartPolicy !== 'Always')) {
    requests = maxUsage(requests, fromResourceList(c.resources?.requests));
    limits = maxUsage(limits, fromResourceList(c.resources?.limits));
  }
  return { requests, limits };
}

/**
 * QuotaV1Pod: terminal pods (Succeeded/Failed) are not charged for compute resources, nor are
 * pods whose deletion grace period has run out; `count/pods` counts every stored pod.
 */
export function podUsage(pod: Pod, now: number, parse: (ts: string | undefined) => number): Usage {
  const count: Usage = new Map([['count/pods', ONE]]);
  if (isTerminal(pod)) return count;
  const del = pod.metadata.deletionTimestamp;
  const grace = pod.metadata.deletionGracePeriodSeconds;
  if (del && grace !== undefined && now > parse(del) + grace * 1000) return count;
  const { requests, limits } = podRequestsAndLimits(pod);
  return add(count, computeUsage(requests, limits));
}

function containerMissing(c: Container, required: Set<string>, missing: Map<string, Set<string>>): void {
  const have = computeUsage(fromResourceList(c.resources?.requests), fromResourceList(c.resources?.limits));
  for (const r of required) {
    if (have.has(r)) continue;
    if (!missing.has(r)) missing.set(r, new Set());
    missing.get(r)!.add(c.name);
  }
}

function podMatchesScope(scope: string, op: string, values: string[] | undefined, pod: Pod): boolean {
  const terminating = pod.spec?.activeDeadlineSeconds !== undefined && pod.spec.activeDeadlineSeconds >= 0;
  const bestEffort = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].every(
    (c) => !Object.keys(c.resources?.requests ?? {}).some((k) => k === 'cpu' || k === 'memory') && !Object.keys(c.resources?.limits ?? {}).some((k) => k === 'cpu' || k === 'memory'),
  );
  switch (scope) {
    case 'Terminating': return terminating;
    case 'NotTerminating': return !terminating;
    case 'BestEffort': return bestEffort;
    case 'NotBestEffort': return !bestEffort;
    case 'PriorityClass': {
      const pc = pod.spec?.priorityClassName ?? '';
      if (op === 'Exists') return pc !== '';
      if (op === 'DoesNotExist') return pc === '';
      if (op === 'In') return pc !== '' && (values ?? []).includes(pc);
      if (op === 'NotIn') return pc === '' || !(values ?? []).includes(pc);
      return false;
    }
    default: return false;
  }
}

export const podEvaluator: Evaluator = {
  gr: { group: '', resource: 'pods' },
  handles: (op, sub) => op === 'CREATE' && !sub,
  matchingResources: (n) => intersect(n, POD_RESOURCES),
  constraints(required, obj) {
    const pod = obj as Pod;
    const req = new Set(required.filter((r) => VALIDATION_SET.has(r)));
    if (!req.size) return undefined;
    const missing = new Map<string, Set<string>>();
    for (const c of pod.spec?.containers ?? []) containerMissing(c, req, missing);
    for (const c of pod.spec?.initContainers ?? []) containerMissing(c, req, missing);
    if (!missing.size) return undefined;
    // `must specify cpu for: nginx; memory for: nginx` (resources and containers sorted).
    const parts = [...missing.keys()].sort().map((r) => `${r} for: ${[...missing.get(r)!].sort().join(',')}`);
    return `must specify ${parts.join('; ')}`;
  },
  matchesScopes(q, obj) {
    const selectors = [
      ...(q.spec?.scopes ?? []).map((s) => ({ scopeName: s, operator: 'Exists', values: undefined as string[] | undefined })),
      ...(q.spec?.scopeSelector?.matchExpressions ?? []),
    ];
    return selectors.every((s) => podMatchesScope(s.scopeName, s.operator, s.values, obj as Pod));
  },
  usage: (obj, now, parse) => podUsage(obj as Pod, now, parse),
};

// ---------------------------------------------------------------- services

const SERVICE_RESOURCES = new Set(['count/services', 'services', 'services.loadbalancers', 'services.nodeports']);

interface ServiceLike {
  spec?: { type?: string; ports?: { nodePort?: number }[] };
}

export const serviceEvaluator: Evaluator = {
  gr: { group: '', resource: 'services' },
  handles: (op) => op === 'CREATE' || op === 'UPDATE',
  matchingResources: (n) => intersect(n, SERVICE_RESOURCES),
  constraints: () => undefined,
  matchesScopes: noScopes,
  usage(obj) {
    const s = obj as ServiceLike;
    const type = s.spec?.type ?? 'ClusterIP';
    const ports = s.spec?.ports?.length ?? 0;
    const u: Usage = new Map([['services', ONE], ['count/services', ONE]]);
    u.set('services.loadbalancers', type === 'LoadBalancer' ? ONE : qty(0));
    u.set('services.nodeports', type === 'NodePort' || type === 'LoadBalancer' ? qty(ports) : qty(0));
    return u;
  },
};

// ---------------------------------------------------------------- persistentvolumeclaims

const STORAGE_CLASS_SUFFIX = '.storageclass.storage.k8s.io/';

interface PVCLike {
  spec?: { storageClassName?: string; resources?: { requests?: { storage?: string } } };
}

export const pvcEvaluator: Evaluator = {
  gr: { group: '', resource: 'persistentvolumeclaims' },
  handles: (op) => op === 'CREATE' || op === 'UPDATE',
  matchingResources: (n) =>
    n.filter((r) => ['persistentvolumeclaims', 'count/persistentvolumeclaims', 'requests.storage'].includes(r) || r.includes(STORAGE_CLASS_SUFFIX)),
  constraints: () => undefined,
  matchesScopes: noScopes,
  usage(obj) {
    const p = obj as PVCLike;
    const storage = qty(p.spec?.resources?.requests?.storage ?? 0);
    const u: Usage = new Map([['persistentvolumeclaims', ONE], ['count/persistentvolumeclaims', ONE], ['requests.storage', storage]]);
    const cls = p.spec?.storageClassName;
    if (cls) {
      u.set(`${cls}${STORAGE_CLASS_SUFFIX}persistentvolumeclaims`, ONE);
      u.set(`${cls}${STORAGE_CLASS_SUFFIX}requests.storage`, storage);
    }
    return u;
  },
};

/** Kinds quota never tracks (pkg/quota/v1/install: events). */
export const IGNORED_RESOURCES = new Set(['/events']);

/** The registry: a special evaluator for pods, services and PVCs; object counting for the rest. */
export function evaluatorFor(gr: GroupResource): Evaluator {
  if (gr.group === '') {
    if (gr.resource === 'pods') return podEvaluator;
    if (gr.resource === 'services') return serviceEvaluator;
    if (gr.resource === 'persistentvolumeclaims') return pvcEvaluator;
  }
  return objectCountEvaluator(gr);
}
