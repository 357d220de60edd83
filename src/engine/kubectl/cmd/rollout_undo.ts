// kubectl rollout undo: mirrors staging/src/k8s.io/kubectl/pkg/cmd/rollout/rollout_undo.go and
// the rollbackers of polymorphichelpers/rollback.go.
//
// A rollback is client side. For a Deployment kubectl copies an old ReplicaSet's template back
// (a JSON patch). For a DaemonSet or StatefulSet it sends the chosen ControllerRevision's data,
// `{spec: {template: {…, $patch: replace}}}`, as a strategic merge patch; the controller then
// finds that old revision equal to the template and renumbers it to max+1:
//   revisions 1 (fluentd:v1), 2 (fluentd:v2); `rollout undo ds/fluentd` → revision 1 becomes 3,
//   so `rollout history` lists 2 and 3.
import type { ControllerRevision, DaemonSet, Deployment, ReplicaSet, StatefulSet } from '../../api/apps';
import type { KubeObject } from '../../api/meta';
import type { ResourceInfo } from '../../api/resources';
import { StatusError } from '../../apiserver/errors';
import { canonicalJson, equalIgnoreHash, revisionOf } from '../../controllers/deployment/util';
import { rollbackAnnotations, rollbackTemplate } from '../../controllers/deployment/rollback';
import { templatePatch } from '../../controllers/history/controller_history';
import { groupKindString, nameString } from '../builder';
import type { Ctx } from '../context';
import { AggregateError, KubectlError } from '../errors';
import { parseOutputFormat, printObjects } from '../printers/output';
import { dryRunMode, dryRunSuffix } from './apply';
import { applyHistory, controlledHistory, printTemplate } from './rollout_history';
import { ownedReplicaSets, rolloutTargets } from './rollout';

type DryRun = 'none' | 'client' | 'server';

/** Rollback returns the word the name printer appends: `rolled back`, `skipped rollback (…)`. */
type Rollbacker = (ctx: Ctx, info: ResourceInfo, obj: KubeObject, toRevision: number, dryRun: DryRun) => string;

const ROLLBACK_SUCCESS = 'rolled back';
const ROLLBACK_SKIPPED = 'skipped rollback';

const revisionNotFound = (r: number) => new KubectlError(`error: unable to find specified revision ${r} in history`);

/** The API server's error, wrapped the way kubectl wraps it (%v: printed as a plain error). */
function failedRestoring(toRevision: number, e: unknown): unknown {
  if (e instanceof StatusError) return new KubectlError(`error: failed restoring revision ${toRevision}: ${e.status.message}`);
  return e;
}

/**
 * deploymentRevision: --to-revision=N picks the ReplicaSet of revision N; 0 picks the second
 * newest (revisions 3, 5, 6 → 5).
 */
function deploymentRevision(d: Deployment, rss: ReplicaSet[], toRevision: number): ReplicaSet {
  if (toRevision > 0) {
    const rs = rss.find((x) => revisionOf(x) === toRevision);
    if (!rs) throw revisionNotFound(toRevision);
    return rs;
  }
  let latest = -1;
  let previous = -1;
  let previousRS: ReplicaSet | undefined;
  let latestRS: ReplicaSet | undefined;
  for (const rs of rss) {
    const v = revisionOf(rs);
    if (latest < v) {
      previous = latest;
      previousRS = latestRS;
      latest = v;
      latestRS = rs;
    } else if (previous < v) {
      previous = v;
      previousRS = rs;
    }
  }
  if (!previousRS) throw new KubectlError(`error: no rollout history found for deployment "${d.metadata.name}"`);
  return previousRS;
}

const rollbackDeployment: Rollbacker = (ctx, info, obj, toRevision, dryRun) => {
  if (toRevision < 0) throw revisionNotFound(toRevision);
  const d = obj as Deployment;
  const target = deploymentRevision(d, ownedReplicaSets(ctx, d), toRevision);
  // Client dry run prints the template alone (no "will roll back to", unlike DaemonSets).
  if (dryRun === 'client') return printTemplate(target.spec.template);
  if (d.spec.paused) throw new KubectlError("error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
  // The message names --to-revision as given: 0 when it was left out.
  if (equalIgnoreHash(target.spec.template, d.spec.template)) return `${ROLLBACK_SKIPPED} (current template already matches revision ${toRevision})`;
  try {
    ctx.api.patch(
      info,
      d.metadata.namespace ?? '',
      d.metadata.name ?? '',
      'json',
      [
        { op: 'replace', path: '/spec/template', value: rollbackTemplate(target) },
        { op: 'replace', path: '/metadata/annotations', value: rollbackAnnotations(d, target) },
      ],
      { dryRun: dryRun === 'server' },
    );
  } catch (e) {
    throw failedRestoring(toRevision, e);
  }
  return ROLLBACK_SUCCESS;
};

/**
 * findHistory: --to-revision=N is the revision numbered N; 0 is the second highest number (the
 * template before the current one).
 */
function findHistory(toRevision: number, all: ControllerRevision[]): ControllerRevision | undefined {
  if (toRevision === 0) {
    if (all.length <= 1) return undefined;
    const sorted = [...all].sort((a, b) => a.revision - b.revision);
    return sorted[sorted.length - 2];
  }
  return all.find((h) => h.revision === toRevision);
}

/** DaemonSetRollbacker and StatefulSetRollbacker: the same steps on ControllerRevisions. */
const rollbackControllerRevisions: Rollbacker = (ctx, info, obj, toRevision, dryRun) => {
  if (toRevision < 0) throw revisionNotFound(toRevision);
  // daemonSetHistory/statefulSetHistory read the owner afresh, as kubectl GETs it again.
  const owner = ctx.api.get(info, obj.metadata.namespace ?? '', obj.metadata.name ?? '') as DaemonSet | StatefulSet;
  const history = controlledHistory(ctx, owner);
  if (toRevision === 0 && history.length <= 1) throw new KubectlError('error: no last revision to roll back to');
  const to = findHistory(toRevision, history);
  if (!to) throw revisionNotFound(toRevision);
  if (dryRun === 'client') return `will roll back to ${printTemplate(applyHistory(owner, to).spec.template)}`;
  // daemonSetMatch/statefulsetMatch: the owner's own patch, byte for byte the revision's data.
  if (canonicalJson(templatePatch(owner.spec.template)) === canonicalJson(to.data)) {
    return `${ROLLBACK_SKIPPED} (current template already matches revision ${toRevision})`;
  }
  try {
    ctx.api.patch(info, owner.metadata.namespace ?? '', owner.metadata.name ?? '', 'strategic', to.data, { dryRun: dryRun === 'server' });
  } catch (e) {
    throw failedRestoring(toRevision, e);
  }
  return ROLLBACK_SUCCESS;
};

/** RollbackerFor: Deployments, DaemonSets and StatefulSets can be rolled back; nothing else. */
function rollbackerFor(info: ResourceInfo): Rollbacker {
  if (info.group === 'apps' && info.kind === 'Deployment') return rollbackDeployment;
  if (info.group === 'apps' && (info.kind === 'DaemonSet' || info.kind === 'StatefulSet')) return rollbackControllerRevisions;
  throw new KubectlError(`error: no rollbacker has been implemented for "${groupKindString(info)}"`);
}

/**
 * kubectl rollout undo (TYPE NAME | TYPE/NAME) [--to-revision=N] [--dry-run=client|server]
 *   daemonset.apps/fluentd rolled back
 *   daemonset.apps/fluentd skipped rollback (current template already matches revision 2)
 * With --dry-run=client nothing is sent; kubectl prints the template it would restore.
 */
export function runRolloutUndo(ctx: Ctx): void {
  // Complete() reads --dry-run before Validate() looks for a resource (kubectl v1.32).
  const dryRun = dryRunMode(ctx);
  if (!ctx.flags.args.length && !ctx.flags.arr('filename').length) throw new KubectlError('error: required resource not specified');
  const toRevision = ctx.flags.int('to-revision');
  const output = ctx.flags.str('output');
  const format = output ? parseOutputFormat(output, false) : '';
  const errors: unknown[] = [];
  for (const { info, obj } of rolloutTargets(ctx)) {
    try {
      const result = rollbackerFor(info)(ctx, info, obj, toRevision, dryRun);
      // The name printer: `<kind>/<name> <result>`, plus ` (dry run)` / ` (server dry run)`.
      // -o yaml|json prints the object as it was fetched, before the rollback.
      if (format === 'name') ctx.out(nameString(info, obj.metadata.name ?? ''));
      else if (format) ctx.out(printObjects([obj], format === 'json' ? 'json' : 'yaml', false).replace(/\n$/, ''));
      else ctx.out(`${nameString(info, obj.metadata.name ?? '')} ${result}${dryRunSuffix(dryRun)}`);
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length) throw errors.length === 1 ? errors[0] : new AggregateError(errors);
}
