// kubectl rollout status|history|undo|restart|pause|resume for Deployments: mirrors
// staging/src/k8s.io/kubectl/pkg/cmd/rollout/*.go and polymorphichelpers (rollout_status.go,
// history.go, rollback.go, objectrestarter.go, objectpauser.go, objectresumer.go).
import type { Deployment, ReplicaSet } from '../../api/apps';
import type { KubeObject } from '../../api/meta';
import type { ResourceInfo } from '../../api/resources';
import {
  CHANGE_CAUSE_ANNOTATION,
  REASONS,
  equalIgnoreHash,
  revisionOf,
} from '../../controllers/deployment/util';
import { rollbackAnnotations, rollbackTemplate } from '../../controllers/deployment/rollback';
import { nameString } from '../builder';
import type { Ctx } from '../context';
import { AggregateError, KubectlError } from '../errors';
import type { FlagSpec } from '../flags';
import { describePodTemplate } from '../describe/helpers';
import { PrefixWriter } from '../describe/writer';
import { tabwrite } from '../printers/tabwriter';
import { selectObjects } from './scale';
import { waitFor } from './common';
import { STATUS_VIEWERS } from './rollout_apps_ext';

const COMMON: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'recursive', short: 'R', type: 'bool' },
];
export const ROLLOUT_STATUS_FLAGS: FlagSpec[] = [...COMMON, { name: 'watch', short: 'w', type: 'bool', default: true }, { name: 'revision', type: 'int', default: 0 }, { name: 'timeout', type: 'duration', default: 0 }];
export const ROLLOUT_HISTORY_FLAGS: FlagSpec[] = [...COMMON, { name: 'revision', type: 'int', default: 0 }, { name: 'output', short: 'o', type: 'string' }];
export const ROLLOUT_UNDO_FLAGS: FlagSpec[] = [...COMMON, { name: 'to-revision', type: 'int', default: 0 }, { name: 'dry-run', type: 'string', default: 'none' }, { name: 'output', short: 'o', type: 'string' }];
export const ROLLOUT_SIMPLE_FLAGS: FlagSpec[] = [...COMMON, { name: 'output', short: 'o', type: 'string' }, { name: 'field-manager', type: 'string' }];

const RS = { group: 'apps', resource: 'replicasets' };
/** Simulated wait cap for `rollout status` without --timeout (a real one waits forever). */
const DEFAULT_STATUS_CAP_MS = 15 * 60_000;

function targets(ctx: Ctx): { info: ResourceInfo; obj: KubeObject }[] {
  if (!ctx.flags.args.length && !ctx.flags.arr('filename').length) throw new KubectlError('error: required resource not specified');
  return selectObjects(ctx, ctx.flags.args);
}

function requireDeployment(info: ResourceInfo): void {
  if (info.kind !== 'Deployment') throw new KubectlError(`error: no ${'rollout'} support for kind "${info.kind}" in this simulator yet`);
}

function ownedReplicaSets(ctx: Ctx, d: KubeObject): ReplicaSet[] {
  return (ctx.api.list(RS, d.metadata.namespace).items as ReplicaSet[]).filter((rs) =>
    rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid),
  );
}

/** DeploymentStatusViewer.Status: the line to print and whether the rollout is done. */
export function deploymentStatus(d: Deployment): { line: string; done: boolean; error?: string } {
  const st = d.status ?? {};
  const name = d.metadata.name;
  if ((d.metadata.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const cond = st.conditions?.find((c) => c.type === 'Progressing');
    if (cond?.reason === REASONS.TimedOutReason) return { line: '', done: false, error: `error: deployment "${name}" exceeded its progress deadline` };
    const want = d.spec.replicas ?? 1;
    const updated = st.updatedReplicas ?? 0;
    if (updated < want) return { line: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${want} new replicas have been updated...`, done: false };
    if ((st.replicas ?? 0) > updated) return { line: `Waiting for deployment "${name}" rollout to finish: ${(st.replicas ?? 0) - updated} old replicas are pending termination...`, done: false };
    if ((st.availableReplicas ?? 0) < updated) return { line: `Waiting for deployment "${name}" rollout to finish: ${st.availableReplicas ?? 0} of ${updated} updated replicas are available...`, done: false };
    return { line: `deployment "${name}" successfully rolled out`, done: true };
  }
  return { line: 'Waiting for deployment spec update to be observed...', done: false };
}

export function runRolloutStatus(ctx: Ctx): void {
  const list = targets(ctx);
  for (const { info, obj } of list) {
    const viewer = STATUS_VIEWERS[info.kind];
    if (!viewer) requireDeployment(info);
    const ns = obj.metadata.namespace ?? '';
    const name = obj.metadata.name ?? '';
    let last = '';
    let result: { line: string; done: boolean; error?: string } = { line: '', done: false };
    const check = (): boolean => {
      const d = ctx.api.tryGet(info, ns, name) as Deployment | undefined;
      if (!d) {
        result = { line: '', done: false, error: `error: ${info.resource}.${info.group} "${name}" not found` };
        return true;
      }
      result = viewer ? viewer(d) : deploymentStatus(d);
      if (result.error) return true;
      // Print each new state once, as it is observed.
      if (result.line !== last) {
        ctx.out(result.line);
        last = result.line;
      }
      return result.done;
    };
    if (!ctx.flags.bool('watch')) {
      check();
      if (result.error) throw new KubectlError(result.error);
      continue;
    }
    const timeout = ctx.flags.ms('timeout') > 0 ? ctx.flags.ms('timeout') : DEFAULT_STATUS_CAP_MS;
    const ok = waitFor(ctx, check, timeout);
    if (result.error) throw new KubectlError(result.error);
    if (!ok) throw new KubectlError('error: timed out waiting for the condition');
  }
}

export function runRolloutHistory(ctx: Ctx): void {
  for (const { info, obj } of targets(ctx)) {
    requireDeployment(info);
    const rss = ownedReplicaSets(ctx, obj);
    const byRev = new Map<number, ReplicaSet>();
    for (const rs of rss) {
      const v = revisionOf(rs);
      if (v > 0) byRev.set(v, rs);
    }
    const rev = ctx.flags.int('revision');
    if (rev > 0) {
      const rs = byRev.get(rev);
      if (!rs) throw new KubectlError('error: unable to find the specified revision');
      const w = new PrefixWriter();
      const t = rs.spec.template ? { ...rs.spec.template } : undefined;
      describePodTemplate(w, t);
      ctx.out(`${nameString(info, obj.metadata.name ?? '')} with revision #${rev}`);
      ctx.out(w.toString());
      continue;
    }
    if (!byRev.size) {
      ctx.out(`${nameString(info, obj.metadata.name ?? '')}`);
      ctx.out('No rollout history found.');
      continue;
    }
    let text = 'REVISION\tCHANGE-CAUSE\n';
    for (const r of [...byRev.keys()].sort((a, b) => a - b)) {
      text += `${r}\t${byRev.get(r)!.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION] || '<none>'}\n`;
    }
    ctx.out(`${nameString(info, obj.metadata.name ?? '')} `);
    ctx.out(tabwrite(text, 2));
  }
}

export function runRolloutUndo(ctx: Ctx): void {
  const errors: unknown[] = [];
  for (const { info, obj } of targets(ctx)) {
    requireDeployment(info);
    const d = obj as Deployment;
    const label = nameString(info, d.metadata.name ?? '');
    try {
      if (d.spec.paused) throw new KubectlError("error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
      const toRevision = ctx.flags.int('to-revision');
      const rss = ownedReplicaSets(ctx, d);
      let target: ReplicaSet | undefined;
      if (toRevision > 0) {
        target = rss.find((rs) => revisionOf(rs) === toRevision);
        if (!target) throw new KubectlError(`error: unable to find specified revision ${toRevision} in history`);
      } else {
        // The previous revision: the second-highest one.
        let max = 0;
        let prev = 0;
        for (const rs of rss) {
          const v = revisionOf(rs);
          if (v > max) {
            prev = max;
            max = v;
          } else if (v > prev) prev = v;
        }
        target = prev > 0 ? rss.find((rs) => revisionOf(rs) === prev) : undefined;
        if (!target) throw new KubectlError(`error: no rollout history found for deployment "${d.metadata.name}"`);
      }
      if (equalIgnoreHash(target.spec.template, d.spec.template)) {
        ctx.out(`${label} skipped rollback (current template already matches revision ${toRevision})`);
        continue;
      }
      const template = rollbackTemplate(target);
      const annotations = rollbackAnnotations(d, target);
      ctx.api.patch(info, d.metadata.namespace ?? '', d.metadata.name ?? '', 'json', [
        { op: 'replace', path: '/spec/template', value: template },
        { op: 'replace', path: '/metadata/annotations', value: annotations },
      ]);
      ctx.out(`${label} rolled back`);
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length) throw errors.length === 1 ? errors[0] : new AggregateError(errors);
}

export function runRolloutRestart(ctx: Ctx): void {
  const errors: unknown[] = [];
  for (const { info, obj } of targets(ctx)) {
    if (!STATUS_VIEWERS[info.kind]) requireDeployment(info);
    const d = obj as Deployment;
    if (d.spec.paused) {
      errors.push(new KubectlError("error: can't restart paused deployment (run rollout resume first)"));
      continue;
    }
    const now = ctx.clock.iso(ctx.now());
    ctx.api.patch(info, d.metadata.namespace ?? '', d.metadata.name ?? '', 'strategic', {
      spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': now } } } },
    });
    ctx.out(`${nameString(info, d.metadata.name ?? '')} restarted`);
  }
  if (errors.length) throw errors.length === 1 ? errors[0] : new AggregateError(errors);
}

function setPaused(ctx: Ctx, paused: boolean): void {
  for (const { info, obj } of targets(ctx)) {
    requireDeployment(info);
    const d = obj as Deployment;
    const label = nameString(info, d.metadata.name ?? '');
    if (!!d.spec.paused === paused) {
      ctx.out(`${label} already ${paused ? 'paused' : 'resumed'}`);
      continue;
    }
    ctx.api.patch(info, d.metadata.namespace ?? '', d.metadata.name ?? '', 'merge', { spec: { paused: paused ? true : null } });
    ctx.out(`${label} ${paused ? 'paused' : 'resumed'}`);
  }
}

export const runRolloutPause = (ctx: Ctx): void => setPaused(ctx, true);
export const runRolloutResume = (ctx: Ctx): void => setPaused(ctx, false);
