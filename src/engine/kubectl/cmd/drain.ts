// kubectl cordon, uncordon and drain: mirrors staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go
// and pkg/drain (cordon.go, filters.go, drain.go). Pods are evicted through the Eviction API
// (evict.ts: PodDisruptionBudgets are respected, refusals retried every 5 s), or deleted with
// --disable-eviction; drain then waits, advancing simulated time, until each pod is gone.
import type { Node, Pod } from '../../api/core';
import { controllerOf } from '../../api/meta';
import type { Ctx } from '../context';
import { KubectlError } from '../errors';
import type { FlagSpec } from '../flags';
import { waitFor } from './common';
import { evictPods } from './evict';

const NODES = { group: '', resource: 'nodes' };
const PODS = { group: '', resource: 'pods' };

export const CORDON_FLAGS: FlagSpec[] = [
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'dry-run', type: 'string', default: 'none' },
];
export const DRAIN_FLAGS: FlagSpec[] = [
  ...CORDON_FLAGS,
  { name: 'force', type: 'bool' },
  { name: 'ignore-daemonsets', type: 'bool' },
  { name: 'delete-emptydir-data', type: 'bool' },
  { name: 'delete-local-data', type: 'bool' },
  { name: 'grace-period', type: 'int', default: -1 },
  { name: 'timeout', type: 'duration', default: 0 },
  { name: 'pod-selector', type: 'string' },
  { name: 'disable-eviction', type: 'bool' },
  { name: 'skip-wait-for-delete-timeout', type: 'int', default: 0 },
  { name: 'chunk-size', type: 'int', default: 500 },
];

function nodeArg(ctx: Ctx, verb: string): Node {
  if (ctx.flags.args.length !== 1) throw new KubectlError(`error: USAGE: ${verb} NODE [flags]\nSee 'kubectl ${verb} -h' for help and examples`);
  return ctx.api.get(NODES, '', ctx.flags.args[0]) as Node;
}

/** Set spec.unschedulable; print `node/x cordoned` or `node/x already cordoned`. */
function cordon(ctx: Ctx, node: Node, desired: boolean): void {
  const name = node.metadata.name;
  const word = desired ? 'cordoned' : 'uncordoned';
  if (!!node.spec?.unschedulable === desired) {
    ctx.out(`node/${name} already ${word}`);
    return;
  }
  ctx.api.patch(NODES, '', name ?? '', 'strategic', { spec: { unschedulable: desired ? true : null } });
  ctx.out(`node/${name} ${word}`);
}

export function runCordon(ctx: Ctx): void {
  cordon(ctx, nodeArg(ctx, 'cordon'), true);
}

export function runUncordon(ctx: Ctx): void {
  cordon(ctx, nodeArg(ctx, 'uncordon'), false);
}

interface PodDecision {
  pod: Pod;
  action: 'delete' | 'skip' | 'warn' | 'error';
  message?: string;
}

/** pkg/drain filters.go: which pods drain deletes, skips, warns about or refuses. */
function classify(ctx: Ctx, pod: Pod): PodDecision {
  const f = ctx.flags;
  if (pod.metadata.annotations?.['kubernetes.io/config.mirror']) return { pod, action: 'skip' };
  const finished = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
  const ctrl = controllerOf(pod);
  if (ctrl?.kind === 'DaemonSet') {
    if (f.bool('ignore-daemonsets')) return { pod, action: 'warn', message: 'ignoring DaemonSet-managed Pods' };
    return { pod, action: 'error', message: 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)' };
  }
  if (!ctrl && !finished) {
    if (!f.bool('force')) return { pod, action: 'error', message: 'cannot delete Pods that declare no controller (use --force to override)' };
    return { pod, action: 'warn', message: 'deleting Pods that declare no controller' };
  }
  const hasEmptyDir = (pod.spec.volumes ?? []).some((v) => v.emptyDir !== undefined);
  if (hasEmptyDir && !finished) {
    if (!f.bool('delete-emptydir-data') && !f.bool('delete-local-data')) return { pod, action: 'error', message: 'Pods with local storage (use --delete-emptydir-data to override)' };
    return { pod, action: 'warn', message: 'deleting Pods with local storage' };
  }
  return { pod, action: 'delete' };
}

function grouped(ds: PodDecision[]): string[] {
  const by = new Map<string, string[]>();
  for (const d of ds) by.set(d.message!, [...(by.get(d.message!) ?? []), `${d.pod.metadata.namespace}/${d.pod.metadata.name}`]);
  return [...by].map(([m, pods]) => `${m}: ${pods.join(', ')}`);
}

export function runDrain(ctx: Ctx): void {
  const node = nodeArg(ctx, 'drain');
  const name = node.metadata.name ?? '';
  cordon(ctx, node, true);
  let pods = (ctx.api.list(PODS, undefined).items as Pod[]).filter((p) => p.spec.nodeName === name);
  if (ctx.flags.str('pod-selector')) {
    const sel = new Set(ctx.api.list(PODS, undefined, { labelSelector: ctx.flags.str('pod-selector') }).items.map((p) => p.metadata.uid));
    pods = pods.filter((p) => sel.has(p.metadata.uid));
  }
  const decisions = pods.map((p) => classify(ctx, p));
  const errs = decisions.filter((d) => d.action === 'error');
  if (errs.length) {
    const msgs = grouped(errs).map((m) => `cannot delete ${m}`);
    const joined = msgs.length === 1 ? msgs[0] : `[${msgs.join(', ')}]`;
    ctx.err(`error: unable to drain node "${name}" due to error: ${joined}, continuing command...`);
    ctx.err('There are pending nodes to be drained:');
    ctx.err(` ${name}`);
    throw new KubectlError(msgs.length === 1 ? `error: ${msgs[0]}` : msgs.join('\n'));
  }
  const warnings = grouped(decisions.filter((d) => d.action === 'warn'));
  if (warnings.length) ctx.err(`Warning: ${warnings.join('; ')}`);
  const victims = decisions.filter((d) => d.action === 'delete' || (d.action === 'warn' && d.message !== 'ignoring DaemonSet-managed Pods')).map((d) => d.pod);
  const grace = ctx.flags.int('grace-period');
  const timeout = ctx.flags.ms('timeout') > 0 ? ctx.flags.ms('timeout') : 10 * 60_000;
  if (!ctx.flags.bool('disable-eviction')) {
    evictPods(ctx, name, victims, grace, timeout);
    ctx.out(`node/${name} drained`);
    return;
  }
  for (const p of victims) {
    ctx.out(`evicting pod ${p.metadata.namespace}/${p.metadata.name}`);
    try {
      ctx.api.delete(PODS, p.metadata.namespace ?? '', p.metadata.name ?? '', grace >= 0 ? { gracePeriodSeconds: grace } : {});
    } catch (e) {
      if ((e as { reason?: string }).reason !== 'NotFound') throw e;
    }
  }
  const pending = new Set(victims.map((p) => p.metadata.uid));
  const check = () => {
    for (const p of victims) {
      if (!pending.has(p.metadata.uid)) continue;
      const cur = ctx.api.tryGet(PODS, p.metadata.namespace ?? '', p.metadata.name ?? '');
      if (!cur || cur.metadata.uid !== p.metadata.uid) {
        pending.delete(p.metadata.uid);
        ctx.out(`pod/${p.metadata.name} evicted`);
      }
    }
    return pending.size === 0;
  };
  if (!waitFor(ctx, check, timeout)) {
    const left = victims.filter((p) => pending.has(p.metadata.uid)).map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
    ctx.err(`There are pending pods in node "${name}" when an error occurred: error when waiting for pod "${left[0].split('/')[1]}" in namespace "${left[0].split('/')[0]}" to terminate: global timeout reached: ${Math.round(timeout / 1000)}s`);
    throw new KubectlError(`error: unable to drain node "${name}" due to error: global timeout reached, continuing command...`);
  }
  ctx.out(`node/${name} drained`);
}
