// Mirrors the rollback half of pkg/controller/deployment (SetNewReplicaSetAnnotations in
// util/deployment_util.go; rollback.go itself only served the removed extensions/v1beta1
// rollbackTo field). In apps/v1 a rollback is client side: `kubectl rollout undo` copies an old
// ReplicaSet's template back into the Deployment. The controller then finds that old RS as the
// "new" one (same template ignoring the hash) and bumps its revision:
//   revisions 1 (nginx:1.25), 2 (nginx:1.26); undo → the 1.25 RS becomes revision 3 and gets
//   revision-history "1", so `rollout history` lists 2 and 3, never 1 again.
import type { Deployment, ReplicaSet } from '../../api/apps';
import type { PodTemplateSpec } from '../../api/core';
import { deepCopy } from '../../api/meta';
import {
  ANNOTATIONS_TO_SKIP,
  MAX_REV_HISTORY_LENGTH_IN_CHARS,
  POD_TEMPLATE_HASH_LABEL,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  maxSurgeOf,
  replicasOf,
  revisionOf,
  setReplicasAnnotations,
} from './util';

/** copyDeploymentAnnotationsToReplicaSet: every Deployment annotation except the skip list. */
export function copyDeploymentAnnotationsToReplicaSet(d: Deployment, rs: ReplicaSet): boolean {
  const a = (rs.metadata.annotations ??= {});
  let changed = false;
  for (const k of Object.keys(d.metadata.annotations ?? {}).sort()) {
    const v = d.metadata.annotations![k];
    if (ANNOTATIONS_TO_SKIP.has(k) || a[k] === v) continue;
    a[k] = v;
    changed = true;
  }
  return changed;
}

/**
 * SetNewReplicaSetAnnotations (mutates rs, a copy): copy the Deployment's annotations, raise the
 * revision to `newRevision` if it is higher, and, when an RS that already had a revision is
 * raised (a rollback or a template reverted by hand), append its old number to revision-history
 * (capped at 2000 characters, dropping the oldest). A brand-new RS also gets the replica
 * annotations. Returns true when anything changed.
 */
export function setNewReplicaSetAnnotations(d: Deployment, rs: ReplicaSet, newRevision: number, exists: boolean): boolean {
  let changed = copyDeploymentAnnotationsToReplicaSet(d, rs);
  const a = (rs.metadata.annotations ??= {});
  const oldRevision = a[REVISION_ANNOTATION];
  const had = oldRevision !== undefined;
  if (had && !/^\d+$/.test(oldRevision)) return false;
  const oldInt = had ? Number(oldRevision) : 0;
  if (oldInt < newRevision) {
    a[REVISION_ANNOTATION] = String(newRevision);
    changed = true;
  }
  if (had && oldInt < newRevision) {
    const hist = a[REVISION_HISTORY_ANNOTATION] ?? '';
    let olds = hist.split(',');
    if (olds[0].length === 0) {
      a[REVISION_HISTORY_ANNOTATION] = oldRevision;
    } else {
      let totalLen = hist.length + oldRevision.length + 1;
      let start = 0;
      while (totalLen > MAX_REV_HISTORY_LENGTH_IN_CHARS && start < olds.length) {
        totalLen -= olds[start].length + 1;
        start++;
      }
      if (totalLen <= MAX_REV_HISTORY_LENGTH_IN_CHARS) {
        olds = [...olds.slice(start), oldRevision];
        a[REVISION_HISTORY_ANNOTATION] = olds.join(',');
      }
    }
  }
  if (!exists && setReplicasAnnotations(rs, replicasOf(d), replicasOf(d) + maxSurgeOf(d))) changed = true;
  return changed;
}

/** SetDeploymentRevision: the Deployment mirrors its new RS's revision. */
export function setDeploymentRevision(d: Deployment, revision: string): boolean {
  const a = (d.metadata.annotations ??= {});
  if (a[REVISION_ANNOTATION] === revision) return false;
  a[REVISION_ANNOTATION] = revision;
  return true;
}

// ------------------------------------------------------------------ helpers for `kubectl rollout undo`

/** The RS recorded as `revision` (undefined if the history no longer has it). */
export function findRevision(rsList: readonly ReplicaSet[], revision: number): ReplicaSet | undefined {
  return rsList.find((rs) => revisionOf(rs) === revision);
}

/** The template to write back into the Deployment: the RS's, without the pod-template-hash label. */
export function rollbackTemplate(rs: ReplicaSet): PodTemplateSpec | undefined {
  if (!rs.spec.template) return undefined;
  const t = deepCopy(rs.spec.template);
  if (t.metadata?.labels) delete t.metadata.labels[POD_TEMPLATE_HASH_LABEL];
  return t;
}

/**
 * kubectl's rollback patch annotations: keep the Deployment's own skip-list annotations, take
 * every other annotation from the RS (so `kubernetes.io/change-cause` comes back with it).
 */
export function rollbackAnnotations(d: Deployment, rs: ReplicaSet): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ANNOTATIONS_TO_SKIP) {
    const v = d.metadata.annotations?.[k];
    if (v !== undefined) out[k] = v;
  }
  for (const [k, v] of Object.entries(rs.metadata.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) out[k] = v;
  return out;
}
