// A container's environment: mirrors pkg/kubelet/kubelet_pods.go makeEnvironmentVariables (with
// podFieldSelectorRuntimeValue, containerResourceRuntimeValue) and pkg/kubelet/envvars (the
// Service variables). Evaluated when the container is created, in upstream's order:
//   1. envFrom (configMapRef / secretRef, each key optionally prefixed), in list order;
//   2. env, in list order: `value` (with $(VAR) expansion), or valueFrom configMapKeyRef,
//      secretKeyRef, fieldRef, resourceFieldRef — a later name overrides an earlier one;
//   3. the Service variables (KUBERNETES_SERVICE_HOST, …) that the container did not define.
// A missing ConfigMap/Secret or key that is not `optional` is an error: the kubelet reports the
// container as waiting with CreateContainerConfigError and that message, e.g.
//   configmap "special-config" not found
//   couldn't find key special.how in ConfigMap default/special-config
//
// HOOK for the Services work: `serviceEnvVars` is the one place Service variables come from
// (getServiceEnvVarMap + envvars.FromServices). It receives the pod and a lookup of the Services
// visible to it; today only the `kubernetes` Service's variables are produced. Extend it (or pass
// another `ServiceEnvSource` to makeEnvironmentVariables) to add `<SVC>_SERVICE_HOST`, … for every
// Service in the pod's namespace when `enableServiceLinks` is not false.
import type { ConfigMap, Secret } from '../api/config';
import type { Container, EnvVar, Pod } from '../api/core';
import { decodeBase64 } from '../api/base64';
import { parseQuantityExact } from '../apiserver/validation/quantity';
import { isRelaxedEnvVarName } from '../apiserver/validation/names';

/** What the environment builder may read (the kubelet's ConfigMap/Secret managers). */
export interface EnvLookups {
  configMap(namespace: string, name: string): ConfigMap | undefined;
  secret(namespace: string, name: string): Secret | undefined;
}

/** Facts about the running pod that fieldRef/resourceFieldRef read. */
export interface PodRuntimeInfo {
  podIP: string;
  hostIP: string;
  nodeName: string;
  /** Node allocatable, the value of a resourceFieldRef whose limit is not set. */
  nodeAllocatable: { cpu?: string | number; memory?: string | number; 'ephemeral-storage'?: string | number };
}

/** Service variables for a pod, in the order a container sees them. */
export type ServiceEnvSource = (pod: Pod) => [string, string][];

export interface EnvResult {
  env: [string, string][];
  /** Set when the container cannot be created (CreateContainerConfigError). */
  error?: string;
  /** envFrom keys skipped as invalid variable names, for the InvalidEnvironmentVariableNames event. */
  invalidKeys?: { kind: 'configMap' | 'secret'; namespace: string; name: string; keys: string[] }[];
}

/** The kubelet's manager errors: `configmap "x" not found` (singular, lower case). */
export const configMapNotFound = (name: string) => `configmap "${name}" not found`;
export const secretNotFound = (name: string) => `secret "${name}" not found`;

/**
 * The `kubernetes` Service's variables (the master service every pod gets, even with
 * enableServiceLinks: false). With the default service CIDR 10.96.0.0/16 its IP is 10.96.0.1.
 */
export function kubernetesServiceEnv(serviceCIDR: string): [string, string][] {
  const ip = serviceCIDR.replace(/\.0\/\d+$/, '.1');
  return [
    ['KUBERNETES_SERVICE_HOST', ip], ['KUBERNETES_SERVICE_PORT', '443'], ['KUBERNETES_SERVICE_PORT_HTTPS', '443'],
    ['KUBERNETES_PORT', `tcp://${ip}:443`], ['KUBERNETES_PORT_443_TCP', `tcp://${ip}:443`], ['KUBERNETES_PORT_443_TCP_PROTO', 'tcp'],
    ['KUBERNETES_PORT_443_TCP_PORT', '443'], ['KUBERNETES_PORT_443_TCP_ADDR', ip],
  ];
}

/** The default ServiceEnvSource: the `kubernetes` Service only (see the HOOK note above). */
export function serviceEnvVars(serviceCIDR: string): ServiceEnvSource {
  return () => kubernetesServiceEnv(serviceCIDR);
}

/**
 * expansion.Expand: `$(VAR)` is replaced by VAR's value if defined (earlier in env, or a Service
 * variable), otherwise left as written; `$$(VAR)` escapes to the literal `$(VAR)`.
 */
export function expand(input: string, lookup: (name: string) => string | undefined): string {
  let out = '';
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (c !== '$' || i + 1 >= input.length) {
      out += c;
      continue;
    }
    const n = input[i + 1];
    if (n === '$') {
      out += '$';
      i++;
      continue;
    }
    if (n === '(') {
      const close = input.indexOf(')', i + 2);
      if (close < 0) {
        out += input.slice(i);
        break;
      }
      const name = input.slice(i + 2, close);
      const v = lookup(name);
      out += v === undefined ? `$(${name})` : v;
      i = close;
      continue;
    }
    out += c;
  }
  return out;
}

/** podFieldSelectorRuntimeValue (+ ExtractFieldPathAsString for labels/annotations). */
export function podFieldValue(pod: Pod, path: string, rt: PodRuntimeInfo): string | { error: string } {
  const sub = /^metadata\.(labels|annotations)\['([^']*)'\]$/.exec(path);
  if (sub) return (sub[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[sub[2]] ?? '';
  switch (path) {
    case 'metadata.name': return pod.metadata.name ?? '';
    case 'metadata.namespace': return pod.metadata.namespace ?? '';
    case 'metadata.uid': return pod.metadata.uid ?? '';
    case 'metadata.labels': return mapText(pod.metadata.labels);
    case 'metadata.annotations': return mapText(pod.metadata.annotations);
    case 'spec.nodeName': return rt.nodeName;
    case 'spec.serviceAccountName': return pod.spec.serviceAccountName ?? '';
    case 'status.hostIP':
    case 'status.hostIPs': return rt.hostIP;
    case 'status.podIP':
    case 'status.podIPs': return rt.podIP;
    default: return { error: `unsupported fieldPath: ${path}` };
  }
}

/** FormatMap: `key="value"` lines, sorted, as the downward API writes labels. */
function mapText(m: Record<string, string> | undefined): string {
  return Object.keys(m ?? {}).sort().map((k) => `${k}=${JSON.stringify(m![k])}`).join('\n');
}

/**
 * containerResourceRuntimeValue: ceil(value / divisor). limits.cpu 500m with divisor 1 -> "1";
 * with divisor 1m -> "500"; limits.memory 64Mi with divisor 1Mi -> "64". A limit that is not
 * set reads as the node's allocatable.
 */
export function resourceFieldValue(container: Container | undefined, resource: string, divisor: string | number | undefined, rt: PodRuntimeInfo): string | { error: string } {
  if (!container) return { error: 'container not found' };
  const [kind, name] = resource.includes('.') ? resource.split('.', 2) : ['limits', resource];
  if (kind !== 'limits' && kind !== 'requests') return { error: `unsupported container resource : ${resource}` };
  if (!['cpu', 'memory', 'ephemeral-storage'].includes(name)) return { error: `unsupported container resource : ${resource}` };
  const list = kind === 'limits' ? container.resources?.limits : container.resources?.requests;
  let v = list?.[name];
  if (v === undefined && kind === 'limits') v = rt.nodeAllocatable[name as 'cpu'];
  if (v === undefined) v = kind === 'requests' ? 0 : undefined;
  const q = v === undefined ? undefined : parseQuantityExact(v);
  const d = parseQuantityExact(divisor ?? 1);
  if (!q || !d || d.nanos === 0n) return '0';
  const quotient = q.nanos / d.nanos + (q.nanos % d.nanos === 0n ? 0n : 1n);
  return String(quotient);
}

interface KeyRef {
  name?: string;
  key: string;
  optional?: boolean;
}

/** makeEnvironmentVariables for one container. Pure: all reads go through `lookups`. */
export function makeEnvironmentVariables(pod: Pod, container: Container, lookups: EnvLookups, rt: PodRuntimeInfo, services: ServiceEnvSource): EnvResult {
  const ns = pod.metadata.namespace ?? 'default';
  const serviceEnv = services(pod);
  const serviceMap = new Map(serviceEnv);
  const tmp = new Map<string, string>();
  const invalidKeys: NonNullable<EnvResult['invalidKeys']> = [];
  const fail = (error: string): EnvResult => ({ env: [], error });

  for (const from of container.envFrom ?? []) {
    const prefix = (from.prefix as string | undefined) ?? '';
    const cmRef = from.configMapRef as { name?: string; optional?: boolean } | undefined;
    const secRef = from.secretRef as { name?: string; optional?: boolean } | undefined;
    if (cmRef) {
      const cm = lookups.configMap(ns, cmRef.name ?? '');
      if (!cm) {
        if (cmRef.optional) continue;
        return fail(configMapNotFound(cmRef.name ?? ''));
      }
      const bad: string[] = [];
      for (const [k, v] of Object.entries(cm.data ?? {})) {
        const name = prefix + k;
        if (isRelaxedEnvVarName(name).length) bad.push(name);
        else tmp.set(name, v);
      }
      if (bad.length) invalidKeys.push({ kind: 'configMap', namespace: ns, name: cmRef.name ?? '', keys: bad.sort() });
    } else if (secRef) {
      const s = lookups.secret(ns, secRef.name ?? '');
      if (!s) {
        if (secRef.optional) continue;
        return fail(secretNotFound(secRef.name ?? ''));
      }
      const bad: string[] = [];
      for (const [k, v] of Object.entries(s.data ?? {})) {
        const name = prefix + k;
        if (isRelaxedEnvVarName(name).length) bad.push(name);
        else tmp.set(name, decodeBase64(v) ?? '');
      }
      if (bad.length) invalidKeys.push({ kind: 'secret', namespace: ns, name: secRef.name ?? '', keys: bad.sort() });
    }
  }

  const lookupVar = (n: string) => tmp.get(n) ?? serviceMap.get(n);
  for (const e of container.env ?? []) {
    const value = envValue(pod, container, e, ns, lookups, rt, lookupVar);
    if (value === undefined) continue;
    if (typeof value === 'object') return fail(value.error);
    tmp.set(e.name, value);
  }

  const env: [string, string][] = [...tmp.entries()];
  for (const [k, v] of serviceEnv) if (!tmp.has(k)) env.push([k, v]);
  return invalidKeys.length ? { env, invalidKeys } : { env };
}

/** One env entry's runtime value; undefined to skip it (an optional reference that is missing). */
function envValue(
  pod: Pod, container: Container, e: EnvVar, ns: string, lookups: EnvLookups, rt: PodRuntimeInfo, lookupVar: (n: string) => string | undefined,
): string | undefined | { error: string } {
  if (!e.valueFrom) return expand(e.value ?? '', lookupVar);
  const vf = e.valueFrom;
  if (vf.configMapKeyRef) {
    const ref = vf.configMapKeyRef as KeyRef;
    const cm = lookups.configMap(ns, ref.name ?? '');
    if (!cm) return ref.optional ? undefined : { error: configMapNotFound(ref.name ?? '') };
    const v = cm.data?.[ref.key] ?? (cm.binaryData?.[ref.key] !== undefined ? decodeBase64(cm.binaryData[ref.key]) : undefined);
    if (v === undefined) return ref.optional ? undefined : { error: `couldn't find key ${ref.key} in ConfigMap ${ns}/${ref.name ?? ''}` };
    return v;
  }
  if (vf.secretKeyRef) {
    const ref = vf.secretKeyRef as KeyRef;
    const s = lookups.secret(ns, ref.name ?? '');
    if (!s) return ref.optional ? undefined : { error: secretNotFound(ref.name ?? '') };
    const raw = s.data?.[ref.key];
    if (raw === undefined) return ref.optional ? undefined : { error: `couldn't find key ${ref.key} in Secret ${ns}/${ref.name ?? ''}` };
    return decodeBase64(raw) ?? '';
  }
  if (vf.fieldRef) {
    return podFieldValue(pod, (vf.fieldRef as { fieldPath?: string }).fieldPath ?? '', rt);
  }
  if (vf.resourceFieldRef) {
    const ref = vf.resourceFieldRef as { containerName?: string; resource: string; divisor?: string | number };
    const target = ref.containerName ? [...pod.spec.containers, ...(pod.spec.initContainers ?? [])].find((c) => c.name === ref.containerName) : container;
    return resourceFieldValue(target, ref.resource, ref.divisor, rt);
  }
  return '';
}

/** Does this pod read the named ConfigMap or Secret (env, envFrom or a volume)? Used to resync pods on changes. */
export function podReferences(pod: Pod, kind: 'configMap' | 'secret', name: string): boolean {
  const containers = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])];
  for (const c of containers) {
    for (const f of c.envFrom ?? []) {
      const ref = (kind === 'configMap' ? f.configMapRef : f.secretRef) as { name?: string } | undefined;
      if (ref?.name === name) return true;
    }
    for (const e of c.env ?? []) {
      const ref = (kind === 'configMap' ? e.valueFrom?.configMapKeyRef : e.valueFrom?.secretKeyRef) as { name?: string } | undefined;
      if (ref?.name === name) return true;
    }
  }
  for (const v of pod.spec.volumes ?? []) {
    const direct = kind === 'configMap' ? (v.configMap as { name?: string } | undefined)?.name : (v.secret as { secretName?: string } | undefined)?.secretName;
    if (direct === name) return true;
    const sources = (v.projected as { sources?: Record<string, { name?: string } | undefined>[] } | undefined)?.sources ?? [];
    if (sources.some((s) => s[kind]?.name === name)) return true;
  }
  return false;
}
