// kubectl logs: mirrors staging/src/k8s.io/kubectl/pkg/cmd/logs/logs.go. The kubelet renders the
// container's own output lazily (kubelet.logs); web servers' access-log lines for simulated
// requests are appended (traffic/access_log.ts keeps the last 100 per container instance).
import type { Pod } from '../../api/core';
import { newBadRequest, newNotFound } from '../../apiserver/errors';
import { fromLabelSelector, fromSet, matches, parseSelector, type Selector } from '../../api/labels';
import type { LabelSelector } from '../../api/meta';
import { resolveType } from '../builder';
import type { Ctx } from '../context';
import { KubectlError } from '../errors';
import type { FlagSpec } from '../flags';

export const LOGS_FLAGS: FlagSpec[] = [
  { name: 'container', short: 'c', type: 'string' },
  { name: 'previous', short: 'p', type: 'bool' },
  { name: 'tail', type: 'int', default: -1 },
  { name: 'follow', short: 'f', type: 'bool' },
  { name: 'timestamps', type: 'bool' },
  { name: 'all-containers', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'prefix', type: 'bool' },
];

const PODS = { group: '', resource: 'pods' };

/** podutils.ByLogging: assigned, Running, ready, more restarts, then older pods first. */
function byLogging(a: Pod, b: Pod): number {
  const rank = (p: Pod) => ({ Running: 0, Unknown: 1, Pending: 2 } as Record<string, number>)[p.status?.phase ?? 'Pending'] ?? 3;
  const ready = (p: Pod) => (p.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True' ? 0 : 1);
  const restarts = (p: Pod) => Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
  return (
    Number(!a.spec.nodeName) - Number(!b.spec.nodeName) || rank(a) - rank(b) || ready(a) - ready(b) || restarts(b) - restarts(a) ||
    (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '')
  );
}

function podsMatching(ctx: Ctx, sel: Selector): Pod[] {
  return (ctx.api.list(PODS, ctx.namespace).items as Pod[]).filter((p) => matches(sel, p.metadata.labels));
}

/**
 * `kubectl logs job/pi` (deployment/, statefulset/, service/ …): the workload's selector picks
 * its pods and the first one by podutils.ByLogging is used (polymorphichelpers.AttachablePodForObject).
 */
function podForObject(ctx: Ctx, arg: string): string {
  const i = arg.indexOf('/');
  const type = arg.slice(0, i);
  const name = arg.slice(i + 1);
  const info = resolveType(ctx, type);
  if (info.resource === 'pods') return name;
  const o = ctx.api.tryGet({ group: info.group, resource: info.resource }, ctx.namespace, name) as { spec?: { selector?: LabelSelector | Record<string, string> } } | undefined;
  if (!o) throw newNotFound({ group: info.group, resource: info.resource }, name);
  const raw = o.spec?.selector;
  const sel = info.resource === 'services' || info.resource === 'replicationcontrollers' ? fromSet(raw as Record<string, string>) : fromLabelSelector(raw as LabelSelector);
  if (!sel) throw new KubectlError(`error: cannot attach to ${info.kind.toLowerCase()}: selector for ${name} is empty`);
  const pods = podsMatching(ctx, sel).sort(byLogging);
  if (!pods.length) throw new KubectlError(`error: timed out waiting for the condition`);
  if (pods.length > 1) ctx.err(`Found ${pods.length} pods, using pod/${pods[0].metadata.name}`);
  return pods[0].metadata.name ?? '';
}

export function runLogs(ctx: Ctx): void {
  const args = ctx.flags.args;
  const selector = ctx.flags.str('selector');
  if (selector && !args.length) {
    // -l: every matching pod's log, one after the other (kubectl's default --max-log-requests 5).
    const pods = podsMatching(ctx, parseSelector(selector)).sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
    if (pods.length > 5) throw new KubectlError(`error: you are attempting to follow ${pods.length} log streams, but maximum allowed concurrency is 5, use --max-log-requests to increase the limit`);
    for (const p of pods) logsOfPod(ctx, p.metadata.name ?? '', ctx.flags.bool('prefix') ? `[pod/${p.metadata.name}/${ctx.flags.str('container') || p.spec.containers[0]?.name}] ` : '');
    return;
  }
  if (args.length !== 1 || selector) {
    throw new KubectlError(`error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples`);
  }
  logsOfPod(ctx, args[0].includes('/') ? podForObject(ctx, args[0]) : args[0], '');
}

function logsOfPod(ctx: Ctx, name: string, prefix: string): void {
  const ns = ctx.namespace;
  const pod = ctx.api.tryGet(PODS, ns, name) as Pod | undefined;
  if (!pod) throw newNotFound(PODS, name);
  let container = ctx.flags.str('container') || undefined;
  if (!container && pod.spec.containers.length > 1) {
    container = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'] ?? pod.spec.containers[0].name;
    ctx.err(`Defaulted container "${container}" out of: ${pod.spec.containers.map((c) => c.name).join(', ')}`);
  }
  const previous = ctx.flags.bool('previous');
  const kubelet = ctx.cluster.kubelets.get(pod.spec.nodeName ?? '');
  if (!kubelet) {
    const c = container ?? pod.spec.containers[0]?.name ?? '';
    if (previous) throw newBadRequest(`previous terminated container "${c}" in pod "${name}" not found`);
    throw newBadRequest(`container "${c}" in pod "${name}" is waiting to start: ContainerCreating`);
  }
  let lines = kubelet.logs(ns, name, container, previous);
  const cname = container ?? pod.spec.containers[0]?.name ?? '';
  const r = kubelet.records[`${ns}/${name}`]?.containers[cname];
  const inst = previous ? (r?.current && r.current.finishedAt !== undefined && r.waiting ? r.current : r?.previous) : r?.current;
  if (inst) lines = [...lines, ...ctx.cluster.traffic.accessLog(`${ns}/${name}`, cname, inst.id).filter((l) => l.at <= ctx.now()).map((l) => l.text)];
  const tail = ctx.flags.int('tail');
  if (tail >= 0) lines = tail === 0 ? [] : lines.slice(-tail);
  for (const l of lines) ctx.out(prefix + l);
}
