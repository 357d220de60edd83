// kubectl rollout status|restart|pause|resume: mirrors staging/src/k8s.io/kubectl/pkg/cmd/rollout/*.go
// and polymorphichelpers (rollout_status.go, objectrestarter.go, objectpauser.go,
// objectresumer.go). history and undo live in rollout_history.ts and rollout_undo.ts.
import type { Deployment, ReplicaSet } from '../../api/apps';
import type { KubeObject } from '../../api/meta';
import type { ResourceInfo } from '../../api/resources';
import { REASONS } from '../../controllers/deployment/util';
import { groupKindString, nameString } from '../builder';
import type { Ctx } from '../context';
import { AggregateError, KubectlError } from '../errors';
import type { FlagSpec } from '../flags';
import { selectObjects } from './scale';
import { waitFor } from './common';
import { STATUS_VIEWERS } from './rollout_apps_ext';

const COMMON: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'recursive', short: 'R', type: 'bool' },
];
export const ROLLOUT_STATUS_FLAGS: FlagSpec[] = [...COMMON, { name: 'watch', short: 'w', type: 'bool', default: true }, { name: 'revision', type: 'int', default: 0 }, { name: 'timeout', type: 'duration', default: 0 }];
export const ROLLOUT_HISTORY_FLAGS: FlagSpec[] = [...COMMON, { name: 'revision', type: 'int', default: 0, help: 'Show the pod template of this revision.' }, { name: 'output', short: 'o', type: 'string' }];
export const ROLLOUT_UNDO_FLAGS: FlagSpec[] = [...COMMON, { name: 'to-revision', type: 'int', default: 0 }, { name: 'dry-run', type: 'string', default: 'none' }, { name: 'output', short: 'o', type: 'string' }];
export const ROLLOUT_SIMPLE_FLAGS: FlagSpec[] = [...COMMON, { name: 'output', short: 'o', type: 'string' }, { name: 'field-manager', type: 'string' }];

const RS = { group: 'apps', resource: 'replicasets' };
/** Simulated wait cap for `rollout status` without --timeout (a real one waits forever). */
const DEFAULT_STATUS_CAP_MS = 15 * 60_000;

/** The objects named on the command line (TYPE NAME, TYPE/NAME, -f, -l): ResourceTypeOrNameArgs. */
export function rolloutTargets(ctx: Ctx): { info: ResourceInfo; obj: KubeObject }[] {
  if (!ctx.flags.args.length && !ctx.flags.arr('filename').length) throw new KubectlError('error: required resource not specified');
  return selectObjects(ctx, ctx.flags.args);
}

/** The ReplicaSets a Deployment controls (GetAllReplicaSets): its rollout history. */
export function ownedReplicaSets(ctx: Ctx, d: KubeObject): ReplicaSet[] {
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
  const list = rolloutTargets(ctx);
  for (const { info, obj } of list) {
    const viewer = STATUS_VIEWERS[info.kind];
    // StatusViewerFor: Deployments, DaemonSets and StatefulSets (%v of the GroupKind, unquoted).
    if (!viewer && !(info.group === 'apps' && info.kind === 'Deployment')) throw new KubectlError(`error: no status viewer has been implemented for ${groupKindString(info)}`);
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

/**
 * How pause, resume and restart report an object they cannot patch (set.CalculatePatches):
 * `error: <resource>.<group> "<name>" <reason>`, e.g.
 *   error: deployments.apps "web" is already paused
 *   error: daemonsets.apps "fluentd" pausing is not supported
 * The other objects are still patched; the errors come out together at the end.
 */
function patchError(info: ResourceInfo, name: string, reason: string): KubectlError {
  return new KubectlError(`error: ${info.group ? `${info.resource}.${info.group}` : info.resource} "${name}" ${reason}`);
}

/** objectrestarter: Deployments (unless paused), DaemonSets and StatefulSets get a restartedAt annotation. */
export function runRolloutRestart(ctx: Ctx): void {
  const errors: unknown[] = [];
  for (const { info, obj } of rolloutTargets(ctx)) {
    const name = obj.metadata.name ?? '';
    if (info.group !== 'apps' || !(info.kind === 'Deployment' || STATUS_VIEWERS[info.kind])) {
      errors.push(patchError(info, name, 'restarting is not supported'));
      continue;
    }
    if ((obj as Deployment).spec.paused) {
      errors.push(patchError(info, name, "can't restart paused deployment (run rollout resume first)"));
      continue;
    }
    const now = ctx.clock.iso(ctx.now());
    ctx.api.patch(info, obj.metadata.namespace ?? '', name, 'strategic', {
      spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': now } } } },
    });
    ctx.out(`${nameString(info, name)} restarted`);
  }
  if (errors.length) throw errors.length === 1 ? errors[0] : new AggregateError(errors);
}

/** objectpauser / objectresumer: only Deployments pause; pausing twice is an error, not a no-op. */
function setPaused(ctx: Ctx, paused: boolean): void {
  const errors: unknown[] = [];
  for (const { info, obj } of rolloutTargets(ctx)) {
    const name = obj.metadata.name ?? '';
    if (info.group !== 'apps' || info.kind !== 'Deployment') {
      errors.push(patchError(info, name, paused ? 'pausing is not supported' : 'resuming is not supported'));
      continue;
    }
    if (!!(obj as Deployment).spec.paused === paused) {
      errors.push(patchError(info, name, paused ? 'is already paused' : 'is not paused'));
      continue;
    }
    ctx.api.patch(info, obj.metadata.namespace ?? '', name, 'merge', { spec: { paused: paused ? true : null } });
    ctx.out(`${nameString(info, name)} ${paused ? 'paused' : 'resumed'}`);
  }
  if (errors.length) throw errors.length === 1 ? errors[0] : new AggregateError(errors);
}

export const runRolloutPause = (ctx: Ctx): void => setPaused(ctx, true);
export const runRolloutResume = (ctx: Ctx): void => setPaused(ctx, false);
