// kubectl rollout history: mirrors staging/src/k8s.io/kubectl/pkg/cmd/rollout/rollout_history.go
// and the history viewers of polymorphichelpers/history.go.
//
// A Deployment's history is its ReplicaSets (revision in the `deployment.kubernetes.io/revision`
// annotation); a DaemonSet's or StatefulSet's is its ControllerRevisions (apps/v1), which their
// controllers write: one per distinct pod template, numbered 1, 2, 3…, each holding the patch
// that restores that template. CHANGE-CAUSE is the revision's `kubernetes.io/change-cause`
// annotation (the controllers copy the owner's annotations onto a new revision).
import type { ControllerRevision, DaemonSet, ReplicaSet, StatefulSet } from '../../api/apps';
import type { PodTemplateSpec } from '../../api/core';
import type { KubeObject } from '../../api/meta';
import { deepCopy } from '../../api/meta';
import { fromLabelSelector, matches } from '../../api/labels';
import type { ResourceInfo } from '../../api/resources';
import { CHANGE_CAUSE_ANNOTATION, revisionOf } from '../../controllers/deployment/util';
import { CONTROLLER_REVISIONS, templateFromRevision } from '../../controllers/history/controller_history';
import { groupKindString, nameString } from '../builder';
import type { Ctx } from '../context';
import { AggregateError, KubectlError } from '../errors';
import { describePodTemplate } from '../describe/helpers';
import { PrefixWriter } from '../describe/writer';
import { parseOutputFormat, printObjects } from '../printers/output';
import { tabwrite } from '../printers/tabwriter';
import { ownedReplicaSets, rolloutTargets } from './rollout';

/** What a kind's rollout history is made of: revision number → the object of that revision. */
interface HistoryViewer {
  /** The text after `<kind>/<name> ` (a table, one template, or "No rollout history found."). */
  viewHistory(owner: KubeObject, revision: number): string;
  /** GetHistory (for -o): Deployment → its ReplicaSets; DaemonSet/StatefulSet → the owner as of each revision. */
  getHistory(owner: KubeObject): Map<number, KubeObject>;
}

/** printTemplate: describe's `Pod Template:` block, tabs unaligned (see PrefixWriter.raw). */
export function printTemplate(t: PodTemplateSpec | undefined): string {
  const w = new PrefixWriter();
  describePodTemplate(w, t ? deepCopy(t) : undefined);
  return w.raw();
}

/**
 * controlledHistory: the ControllerRevisions in the owner's namespace that its selector matches
 * and that it controls (ownerReference with controller: true and the owner's uid).
 */
export function controlledHistory(ctx: Ctx, owner: DaemonSet | StatefulSet): ControllerRevision[] {
  const sel = fromLabelSelector(owner.spec.selector);
  const all = ctx.api.list(CONTROLLER_REVISIONS, owner.metadata.namespace ?? '').items as ControllerRevision[];
  return all.filter((h) => sel !== null && matches(sel, h.metadata.labels) && h.metadata.ownerReferences?.some((r) => r.controller && r.uid === owner.metadata.uid));
}

/**
 * applyDaemonSetHistory / applyStatefulSetHistory: the owner with the revision's patch applied.
 * The patch is `{spec: {template: {…, $patch: replace}}}`, so that is the owner with its
 * template replaced by the revision's.
 */
export function applyHistory<T extends DaemonSet | StatefulSet>(owner: T, h: ControllerRevision): T {
  const c = deepCopy(owner);
  const t = templateFromRevision(h);
  if (t) c.spec.template = t;
  return c;
}

/** printHistory (DaemonSet, StatefulSet): the table, or the template of one revision. */
function printHistory(history: ControllerRevision[], revision: number, podTemplate: (h: ControllerRevision) => PodTemplateSpec | undefined): string {
  // Revisions are assumed not to overlap; a later one of the same number wins, as in upstream's map.
  const byRev = new Map<number, ControllerRevision>();
  for (const h of history) byRev.set(h.revision, h);
  if (!byRev.size) return 'No rollout history found.';
  if (revision > 0) {
    const h = byRev.get(revision);
    if (!h) throw new KubectlError('error: unable to find the specified revision');
    return printTemplate(podTemplate(h));
  }
  return changeCauseTable([...byRev].map(([r, h]) => [r, h.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION]]));
}

/** REVISION / CHANGE-CAUSE, sorted by revision, `<none>` for a revision without a cause. */
function changeCauseTable(rows: [number, string | undefined][]): string {
  let text = 'REVISION\tCHANGE-CAUSE\n';
  for (const [r, cause] of [...rows].sort((a, b) => a[0] - b[0])) text += `${r}\t${cause || '<none>'}\n`;
  return tabwrite(text, 2);
}

const deploymentHistory = (ctx: Ctx): HistoryViewer => {
  const byRevision = (d: KubeObject): Map<number, ReplicaSet> => {
    const m = new Map<number, ReplicaSet>();
    for (const rs of ownedReplicaSets(ctx, d)) {
      const v = revisionOf(rs);
      if (v > 0) m.set(v, rs);
    }
    return m;
  };
  return {
    viewHistory(d, revision) {
      const m = byRevision(d);
      if (!m.size) return 'No rollout history found.';
      if (revision > 0) {
        const rs = m.get(revision);
        if (!rs) throw new KubectlError('error: unable to find the specified revision');
        return printTemplate(rs.spec.template);
      }
      return changeCauseTable([...m].map(([r, rs]) => [r, rs.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION]]));
    },
    getHistory: (d) => byRevision(d),
  };
};

const controllerRevisionHistory = (ctx: Ctx): HistoryViewer => ({
  viewHistory(owner, revision) {
    const o = owner as DaemonSet | StatefulSet;
    return printHistory(controlledHistory(ctx, o), revision, (h) => applyHistory(o, h).spec.template);
  },
  getHistory(owner) {
    const o = owner as DaemonSet | StatefulSet;
    const m = new Map<number, KubeObject>();
    for (const h of controlledHistory(ctx, o)) m.set(h.revision, applyHistory(o, h));
    return m;
  },
});

/** HistoryViewerFor: Deployments, DaemonSets and StatefulSets have a history; nothing else. */
function historyViewerFor(ctx: Ctx, info: ResourceInfo): HistoryViewer {
  if (info.group === 'apps' && info.kind === 'Deployment') return deploymentHistory(ctx);
  if (info.group === 'apps' && (info.kind === 'DaemonSet' || info.kind === 'StatefulSet')) return controllerRevisionHistory(ctx);
  throw new KubectlError(`error: no history viewer has been implemented for "${groupKindString(info)}"`);
}

/**
 * kubectl rollout history (TYPE NAME | TYPE/NAME) [--revision=N] [-o FORMAT]
 *   daemonset.apps/fluentd
 *   REVISION  CHANGE-CAUSE
 *   1         <none>
 *   2         kubectl set image ds/fluentd fluentd=fluentd:v2
 * The name line ends in a space: kubectl prints `<kind>/<name> <operation>` with an empty
 * "with revision" part.
 */
export function runRolloutHistory(ctx: Ctx): void {
  const revision = ctx.flags.int('revision');
  if (!ctx.flags.args.length && !ctx.flags.arr('filename').length) throw new KubectlError('error: required resource not specified');
  if (revision < 0) throw new KubectlError(`error: revision must be a positive integer: ${revision}`);
  const output = ctx.flags.str('output');
  const format = output ? parseOutputFormat(output, false) : '';
  const errors: unknown[] = [];
  // YAMLPrinter writes `---` before every object after the first, across all targets.
  let printed = 0;
  const print = (info: ResourceInfo, obj: KubeObject) => {
    if (format === 'name') ctx.out(nameString(info, obj.metadata.name ?? ''));
    else if (format === 'yaml') ctx.out((printed++ ? '---\n' : '') + printObjects([obj], 'yaml', false).replace(/\n$/, ''));
    else ctx.out(printObjects([obj], 'json', false).replace(/\n$/, ''));
  };
  for (const { info, obj } of rolloutTargets(ctx)) {
    try {
      const viewer = historyViewerFor(ctx, info);
      if (format) {
        const history = viewer.getHistory(obj);
        // Each object prints as its own kind: ReplicaSets for a Deployment, the owner otherwise.
        const infoOf = (o: KubeObject) => (o.kind === 'ReplicaSet' ? ctx.api.catalogue.get('apps', 'replicasets')! : info);
        if (revision > 0) {
          const o = history.get(revision);
          if (!o) throw new KubectlError('error: unable to find the specified revision');
          print(infoOf(o), o);
        } else {
          for (const r of [...history.keys()].sort((a, b) => a - b)) print(infoOf(history.get(r)!), history.get(r)!);
        }
        continue;
      }
      const text = viewer.viewHistory(obj, revision);
      const withRevision = revision > 0 ? `with revision #${revision}` : '';
      ctx.out(`${nameString(info, obj.metadata.name ?? '')} ${withRevision}\n${text}`);
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length) throw errors.length === 1 ? errors[0] : new AggregateError(errors);
}
