// Mirrors pkg/controller/daemon/util/daemonset_util.go and the node predicates of
// pkg/controller/daemon/daemon_controller.go (NodeShouldRunDaemonPod): pure helpers that decide
// which nodes a DaemonSet wants and what its pods look like.
import type { DaemonSet } from '../../api/apps';
import type { Affinity, Node, Pod, PodSpec, PodTemplateSpec, Taint, Toleration } from '../../api/core';
import { deepCopy } from '../../api/meta';
import { scaledValue } from '../../api/intstr';
import { getRequiredNodeAffinity, requiredMatches } from '../../scheduler/plugins/nodeaffinity/node_selector';
import { toleratesTaint } from '../tainteviction/tolerations';
import { TEMPLATE_GENERATION_ANNOTATION } from '../../apiserver/registry/apps/daemonset/strategy';

/** apps.DefaultDaemonSetUniqueLabelKey: the revision hash on each pod (and on the revision). */
export const CONTROLLER_REVISION_HASH_LABEL = 'controller-revision-hash';
/** extensions.DaemonSetTemplateGenerationKey */
export const POD_TEMPLATE_GENERATION_LABEL = 'pod-template-generation';
export { TEMPLATE_GENERATION_ANNOTATION };

/**
 * The tolerations every daemon pod gets (AddOrUpdateDaemonPodTolerations), all `Exists` and with
 * no tolerationSeconds: a node agent must survive its node going NotReady or unreachable (it is
 * never evicted), and must land on nodes under pressure or cordoned. hostNetwork pods also
 * tolerate network-unavailable (they are often the network plugin that makes it available).
 */
export function daemonPodTolerations(hostNetwork: boolean): Toleration[] {
  const t: Toleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ];
  if (hostNetwork) t.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  return t;
}

/**
 * AddOrUpdateTolerationInPodSpec for each daemon toleration: one that matches an existing
 * toleration (same key, operator, value, effect) replaces it in place; otherwise it is appended.
 */
export function addOrUpdateDaemonPodTolerations(spec: PodSpec): void {
  const list = [...(spec.tolerations ?? [])];
  for (const t of daemonPodTolerations(!!spec.hostNetwork)) {
    const i = list.findIndex((x) => (x.key ?? '') === t.key && (x.operator || 'Equal') === t.operator && (x.value ?? '') === '' && (x.effect ?? '') === t.effect);
    if (i >= 0) list[i] = t;
    else list.push(t);
  }
  spec.tolerations = list;
}

/**
 * ReplaceDaemonSetPodNodeNameNodeAffinity: the pod may only go to `nodeName` (required
 * matchFields metadata.name In [node]); the default scheduler then binds it. Any required terms of
 * the template are replaced (the controller has already checked them); preferred ones stay.
 */
export function replaceDaemonSetPodNodeNameNodeAffinity(affinity: Affinity | undefined, nodeName: string): Affinity {
  const a = deepCopy(affinity ?? {});
  a.nodeAffinity ??= {};
  a.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = {
    nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }],
  };
  return a;
}

/**
 * GetTargetNodeName: the node a daemon pod is for: spec.nodeName once bound, else the single
 * value of its matchFields metadata.name term.
 */
export function getTargetNodeName(pod: Pod): string | undefined {
  if (pod.spec.nodeName) return pod.spec.nodeName;
  for (const term of pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) {
    for (const f of term.matchFields ?? []) {
      if (f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1) return f.values[0];
    }
  }
  return undefined;
}

/** The DaemonSet's template generation (annotation deprecated.daemonset.template.generation). */
export function templateGeneration(ds: DaemonSet): string | undefined {
  return ds.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
}

/** CreatePodTemplate: the template plus daemon tolerations and the generation + hash labels. */
export function createPodTemplate(ds: DaemonSet, hash: string): PodTemplateSpec {
  const t = deepCopy(ds.spec.template);
  t.spec ??= { containers: [] };
  addOrUpdateDaemonPodTolerations(t.spec);
  t.metadata ??= {};
  t.metadata.labels = { ...(t.metadata.labels ?? {}) };
  const gen = templateGeneration(ds);
  if (gen !== undefined) t.metadata.labels[POD_TEMPLATE_GENERATION_LABEL] = gen;
  if (hash) t.metadata.labels[CONTROLLER_REVISION_HASH_LABEL] = hash;
  return t;
}

/** IsPodUpdated: the pod carries the current hash, or (older pods) the current template generation. */
export function isPodUpdated(pod: Pod, hash: string, generation: string | undefined): boolean {
  const labels = pod.metadata.labels ?? {};
  const templateMatches = generation !== undefined && labels[POD_TEMPLATE_GENERATION_LABEL] === generation;
  const hashMatches = hash.length > 0 && labels[CONTROLLER_REVISION_HASH_LABEL] === hash;
  return hashMatches || templateMatches;
}

export interface ShouldRun {
  /** A daemon pod should be created here if missing. */
  shouldRun: boolean;
  /** An existing daemon pod may stay (true whenever shouldRun is). */
  shouldContinueRunning: boolean;
  /** Plain words, for the trace. */
  reason: string;
}

function untolerated(taints: readonly Taint[], tolerations: readonly Toleration[], effects: readonly string[]): Taint | undefined {
  return taints.find((tn) => effects.includes(tn.effect) && !tolerations.some((t) => toleratesTaint(t, tn)));
}

/**
 * NodeShouldRunDaemonPod: simulate the pod (template + daemon tolerations) against the node:
 *  - spec.nodeName set to another node, or nodeSelector / required node affinity not matching
 *    → neither run nor keep;
 *  - an untolerated NoSchedule or NoExecute taint → do not start one; keep an existing one only if
 *    no NoExecute taint is untolerated (a NoSchedule taint added later does not evict);
 *  - otherwise run.
 * kind-control-plane is tainted node-role.kubernetes.io/control-plane:NoSchedule, so a DaemonSet
 * without that toleration runs on the 3 workers only (desired 3), kube-proxy's `Exists` runs on 4.
 */
export function nodeShouldRunDaemonPod(node: Node, ds: DaemonSet): ShouldRun {
  const spec = deepCopy(ds.spec.template?.spec ?? { containers: [] });
  addOrUpdateDaemonPodTolerations(spec);
  const name = node.metadata.name ?? '';
  if (spec.nodeName && spec.nodeName !== name) return { shouldRun: false, shouldContinueRunning: false, reason: `the template asks for node ${spec.nodeName}` };
  const pod = { spec, metadata: {} } as Pod;
  if (!requiredMatches(getRequiredNodeAffinity(pod), node)) {
    return { shouldRun: false, shouldContinueRunning: false, reason: "the node does not match the template's nodeSelector/node affinity" };
  }
  const taints = node.spec?.taints ?? [];
  const blocking = untolerated(taints, spec.tolerations ?? [], ['NoSchedule', 'NoExecute']);
  if (blocking) {
    const evicting = untolerated(taints, spec.tolerations ?? [], ['NoExecute']);
    const t = `${blocking.key}${blocking.value ? `=${blocking.value}` : ''}:${blocking.effect}`;
    return { shouldRun: false, shouldContinueRunning: !evicting, reason: `the node has taint ${t}, which the pods do not tolerate` };
  }
  return { shouldRun: true, shouldContinueRunning: true, reason: 'the node matches and every taint is tolerated' };
}

/**
 * UnavailableCount / SurgeCount: maxUnavailable and maxSurge against the number of nodes that
 * want a pod, percentages rounded up (10 nodes, 25% → 3). With both 0 (impossible after
 * validation, but possible after rounding) one node at a time is replaced.
 */
export function rollingCounts(ds: DaemonSet, desiredNumberScheduled: number): { maxSurge: number; maxUnavailable: number } {
  const ru = ds.spec.updateStrategy?.type === 'OnDelete' ? undefined : ds.spec.updateStrategy?.rollingUpdate;
  let maxUnavailable = ru ? scaledValue(ru.maxUnavailable ?? 0, desiredNumberScheduled, true) : 0;
  const maxSurge = ru ? scaledValue(ru.maxSurge ?? 0, desiredNumberScheduled, true) : 0;
  if (desiredNumberScheduled > 0 && maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable };
}

/** podByCreationTimestampAndPhase: Running-phase pods before others, then oldest first, then name. */
export function byCreationTimestampAndPhase(a: Pod, b: Pod): number {
  const ra = a.status?.phase === 'Running' ? 0 : 1;
  const rb = b.status?.phase === 'Running' ? 0 : 1;
  if (ra !== rb) return ra - rb;
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
}
