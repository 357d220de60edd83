// Decoding: before any defaulting or validation the API server decodes the JSON body into Go
// structs, and a value of the wrong JSON type fails there with a 400 BadRequest, e.g.
//   Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal array into Go struct
//   field NodeAffinity.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution
//   of type v1.NodeSelector
// (staging/src/k8s.io/apiserver/pkg/endpoints/handlers + encoding/json's UnmarshalTypeError:
// the innermost struct's name, then the field path from the root without list indices).
// We model the types of the pod-spec fields students write by hand, not the whole API.
import { QUANTITY_ERROR } from '../../api/quantity';
import { parseQuantityExact } from './quantity';

type GoType =
  | { k: 'struct'; go: string; fields: Record<string, GoType> }
  | { k: 'slice'; go: string; elem: GoType }
  | { k: 'map'; go: string }
  | { k: 'quantities'; go: string }
  | { k: 'string' }
  | { k: 'int'; go: 'int32' | 'int64' }
  | { k: 'bool' }
  | { k: 'intstr' };

const str: GoType = { k: 'string' };
const i32: GoType = { k: 'int', go: 'int32' };
const i64: GoType = { k: 'int', go: 'int64' };
const bool: GoType = { k: 'bool' };
const strs: GoType = { k: 'slice', go: '[]string', elem: str };
const struct = (go: string, fields: Record<string, GoType>): GoType => ({ k: 'struct', go, fields });
const slice = (elem: GoType): GoType => ({ k: 'slice', go: `[]${goName(elem)}`, elem });

const requirement = struct('v1.NodeSelectorRequirement', { key: str, operator: str, values: strs });
const term = struct('v1.NodeSelectorTerm', { matchExpressions: slice(requirement), matchFields: slice(requirement) });
const probe = struct('v1.Probe', {
  httpGet: struct('v1.HTTPGetAction', { path: str, port: { k: 'intstr' }, host: str, scheme: str }),
  tcpSocket: struct('v1.TCPSocketAction', { port: { k: 'intstr' }, host: str }),
  exec: struct('v1.ExecAction', { command: strs }),
  initialDelaySeconds: i32, timeoutSeconds: i32, periodSeconds: i32, successThreshold: i32, failureThreshold: i32,
  terminationGracePeriodSeconds: i64,
});
const container = struct('v1.Container', {
  name: str, image: str, command: strs, args: strs, workingDir: str, imagePullPolicy: str,
  ports: slice(struct('v1.ContainerPort', { name: str, containerPort: i32, hostPort: i32, protocol: str, hostIP: str })),
  env: slice(struct('v1.EnvVar', { name: str, value: str })),
  resources: struct('v1.ResourceRequirements', { limits: { k: 'quantities', go: 'v1.ResourceList' }, requests: { k: 'quantities', go: 'v1.ResourceList' } }),
  volumeMounts: slice(struct('v1.VolumeMount', { name: str, mountPath: str, readOnly: bool, subPath: str })),
  livenessProbe: probe, readinessProbe: probe, startupProbe: probe, stdin: bool, tty: bool,
});
const toleration = struct('v1.Toleration', { key: str, operator: str, value: str, effect: str, tolerationSeconds: i64 });
export const POD_SPEC: GoType = struct('v1.PodSpec', {
  containers: slice(container),
  initContainers: slice(container),
  volumes: slice(struct('v1.Volume', { name: str })),
  restartPolicy: str, dnsPolicy: str, nodeName: str, serviceAccountName: str, schedulerName: str, priorityClassName: str,
  hostname: str, subdomain: str, hostNetwork: bool,
  terminationGracePeriodSeconds: i64, activeDeadlineSeconds: i64,
  nodeSelector: { k: 'map', go: 'map[string]string' },
  tolerations: slice(toleration),
  affinity: struct('v1.Affinity', {
    nodeAffinity: struct('v1.NodeAffinity', {
      requiredDuringSchedulingIgnoredDuringExecution: struct('v1.NodeSelector', { nodeSelectorTerms: slice(term) }),
      preferredDuringSchedulingIgnoredDuringExecution: slice(struct('v1.PreferredSchedulingTerm', { weight: i32, preference: term })),
    }),
  }),
});

function jsonType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  return 'object';
}

function goName(t: GoType): string {
  switch (t.k) {
    case 'struct':
    case 'slice':
    case 'map':
    case 'quantities':
      return t.go;
    case 'int':
      return t.go;
    case 'intstr':
      return 'intstr.IntOrString';
    default:
      return t.k;
  }
}

/**
 * The decoding error for `value` at `path` (dot-separated, from the object root), or null.
 * `owner` is the Go struct holding the field (for the message).
 */
function check(value: unknown, t: GoType, owner: string, path: string): string | null {
  if (value === null || value === undefined) return null;
  const typeErr = () => `json: cannot unmarshal ${jsonType(value)} into Go struct field ${owner}.${path} of type ${goName(t)}`;
  switch (t.k) {
    case 'string':
      return typeof value === 'string' ? null : typeErr();
    case 'bool':
      return typeof value === 'boolean' ? null : typeErr();
    case 'int':
      if (typeof value !== 'number') return typeErr();
      return Number.isInteger(value) ? null : `json: cannot unmarshal number ${value} into Go struct field ${owner}.${path} of type ${t.go}`;
    case 'intstr':
      return typeof value === 'number' || typeof value === 'string' ? null : typeErr();
    case 'map':
      return jsonType(value) === 'object' ? null : typeErr();
    case 'quantities': {
      if (jsonType(value) !== 'object') return typeErr();
      for (const q of Object.values(value as Record<string, unknown>)) {
        if ((typeof q !== 'string' && typeof q !== 'number') || !parseQuantityExact(q)) return QUANTITY_ERROR;
      }
      return null;
    }
    case 'slice': {
      if (!Array.isArray(value)) return typeErr();
      for (const el of value) {
        const e = check(el, t.elem, owner, path);
        if (e) return e;
      }
      return null;
    }
    case 'struct': {
      if (jsonType(value) !== 'object') return typeErr();
      const structName = t.go.replace(/^v1\./, '');
      for (const [k, ft] of Object.entries(t.fields)) {
        const e = check((value as Record<string, unknown>)[k], ft, structName, `${path}.${k}`);
        if (e) return e;
      }
      return null;
    }
  }
}

/** Check a pod spec found at `path` (`spec`, `spec.template.spec`) inside `owner`'s struct. */
export function checkPodSpecDecoding(spec: unknown, owner: string, path: string): string | null {
  return check(spec, POD_SPEC, owner, path);
}

/** The BadRequest message: `Pod in version "v1" cannot be handled as a Pod: <decode error>`. */
export function decodeErrorMessage(kind: string, version: string, err: string): string {
  return `${kind} in version "${version}" cannot be handled as a ${kind}: ${err}`;
}

// The scalar fields of workload specs: a string where Go expects an int32 (`replicas: "three"`)
// fails decoding exactly like a pod-spec field does, before any controller could see it.
const labelSelector = struct('v1.LabelSelector', {
  matchLabels: { k: 'map', go: 'map[string]string' },
  matchExpressions: slice(struct('v1.LabelSelectorRequirement', { key: str, operator: str, values: strs })),
});
const rollingUpdate = (go: string) => struct(go, { maxSurge: { k: 'intstr' }, maxUnavailable: { k: 'intstr' }, partition: i32 });
export const WORKLOAD_SPECS: Record<string, GoType> = {
  Deployment: struct('v1.DeploymentSpec', {
    replicas: i32, minReadySeconds: i32, revisionHistoryLimit: i32, progressDeadlineSeconds: i32, paused: bool,
    selector: labelSelector,
    strategy: struct('v1.DeploymentStrategy', { type: str, rollingUpdate: rollingUpdate('v1.RollingUpdateDeployment') }),
  }),
  ReplicaSet: struct('v1.ReplicaSetSpec', { replicas: i32, minReadySeconds: i32, selector: labelSelector }),
  ReplicationController: struct('v1.ReplicationControllerSpec', { replicas: i32, minReadySeconds: i32, selector: { k: 'map', go: 'map[string]string' } }),
  DaemonSet: struct('v1.DaemonSetSpec', {
    minReadySeconds: i32, revisionHistoryLimit: i32, selector: labelSelector,
    updateStrategy: struct('v1.DaemonSetUpdateStrategy', { type: str, rollingUpdate: rollingUpdate('v1.RollingUpdateDaemonSet') }),
  }),
  StatefulSet: struct('v1.StatefulSetSpec', {
    replicas: i32, minReadySeconds: i32, revisionHistoryLimit: i32, serviceName: str, podManagementPolicy: str, selector: labelSelector,
    updateStrategy: struct('v1.StatefulSetUpdateStrategy', { type: str, rollingUpdate: rollingUpdate('v1.RollingUpdateStatefulSetStrategy') }),
  }),
  Job: struct('v1.JobSpec', {
    parallelism: i32, completions: i32, backoffLimit: i32, activeDeadlineSeconds: i64, ttlSecondsAfterFinished: i32,
    suspend: bool, completionMode: str, manualSelector: bool, selector: labelSelector,
  }),
};

/**
 * Check a workload's spec scalars (everything but the pod template, which
 * checkPodSpecDecoding covers). Returns the decode error or null.
 */
export function checkWorkloadSpecDecoding(kind: string, spec: unknown): string | null {
  const t = WORKLOAD_SPECS[kind];
  if (!t || t.k !== 'struct') return null;
  if (spec !== undefined && spec !== null && jsonType(spec) !== 'object') {
    return `json: cannot unmarshal ${jsonType(spec)} into Go struct field ${kind}.spec of type ${t.go}`;
  }
  return check(spec, t, t.go.replace(/^v1\./, ''), 'spec');
}
