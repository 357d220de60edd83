// Mirrors pkg/controller/history/controller_history.go: ControllerRevisions, the rollout history
// of DaemonSets and StatefulSets. A revision is an immutable snapshot (`data`) of the owner's pod
// template plus a number (`revision`); the owner's "current" template is whichever revision has
// equal data. Rolling back to an old template therefore does not create a new object: the
// matching old revision is renumbered to max+1 (revision 1, 2, 3 → undo to 1 → revisions 2, 3, 4).
import type { ControllerRevision } from '../../api/apps';
import type { PodTemplateSpec } from '../../api/core';
import type { KubeObject } from '../../api/meta';
import { deepCopy } from '../../api/meta';
import { canonicalJson, fnv1a32, safeEncodeString } from '../deployment/util';
import { jsonEqual } from '../../apiserver/apiserver';
import { newControllerRef, type ControllerIdentity } from '../replicaset/controller_ref_manager';

export const CONTROLLER_REVISIONS = { group: 'apps', resource: 'controllerrevisions' };
/** history.ControllerRevisionHashLabel: the hash of a revision's data, on the revision (StatefulSet). */
export const CONTROLLER_REVISION_HASH_LABEL = 'controller.kubernetes.io/hash';

/**
 * ControllerRevisionName: `<owner>-<hash>`; a prefix longer than 223 characters is cut so the
 * name stays within 253 (web + 2960130612 → "web-6f4b44b7f6").
 */
export function controllerRevisionName(prefix: string, hash: string): string {
  return `${prefix.length > 223 ? prefix.slice(0, 223) : prefix}-${hash}`;
}

/**
 * HashControllerRevision: FNV-1a-32 of the revision's data (here its canonical JSON; upstream the
 * raw bytes), plus the collision count, SafeEncoded like every other hash in Kubernetes.
 */
export function hashControllerRevision(data: unknown, collisionCount?: number): string {
  let h = fnv1a32(new TextEncoder().encode(canonicalJson(data)));
  if (collisionCount !== undefined && collisionCount !== null) {
    const buf = new Uint8Array(8);
    new DataView(buf.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv1a32(buf, h);
  }
  return safeEncodeString(String(h));
}

/**
 * getPatch (daemon and statefulset): the strategic-merge patch that restores the owner's
 * template. `$patch: replace` makes applying it replace the whole template, not merge into it.
 */
export function templatePatch(template: PodTemplateSpec | undefined): unknown {
  const t = deepCopy(template ?? {}) as Record<string, unknown>;
  t.$patch = 'replace';
  return { spec: { template: t } };
}

/** The template stored in a revision's data (the inverse of templatePatch). */
export function templateFromRevision(cr: ControllerRevision): PodTemplateSpec | undefined {
  const t = (cr.data as { spec?: { template?: Record<string, unknown> } } | undefined)?.spec?.template;
  if (!t) return undefined;
  const c = deepCopy(t);
  delete c.$patch;
  return c as unknown as PodTemplateSpec;
}

/** NewControllerRevision: a revision owned (controller ref) by `parent`, labelled like the pods. */
export function newControllerRevision(
  parent: ControllerIdentity,
  templateLabels: Record<string, string> | undefined,
  data: unknown,
  revision: number,
  name: string,
  extraLabels: Record<string, string> = {},
): ControllerRevision {
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name,
      namespace: parent.metadata.namespace,
      labels: { ...(templateLabels ?? {}), ...extraLabels },
      ownerReferences: [newControllerRef(parent)],
    },
    data,
    revision,
  };
}

function creationMs(o: KubeObject): number {
  const t = o.metadata.creationTimestamp ? Date.parse(o.metadata.creationTimestamp) : NaN;
  return Number.isNaN(t) ? 0 : t;
}

/** SortControllerRevisions: by revision, then creation time, then name (oldest first). */
export function sortControllerRevisions(list: readonly ControllerRevision[]): ControllerRevision[] {
  return [...list].sort((a, b) => {
    if (a.revision !== b.revision) return a.revision - b.revision;
    const d = creationMs(a) - creationMs(b);
    if (d !== 0) return d;
    return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : (a.metadata.name ?? '') > (b.metadata.name ?? '') ? 1 : 0;
  });
}

/** EqualRevision: same data (the hash labels, when both have one, must agree too). */
export function equalRevision(a: ControllerRevision | undefined, b: ControllerRevision | undefined): boolean {
  if (!a || !b) return a === b;
  const ha = a.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL];
  const hb = b.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL];
  if (ha !== undefined && hb !== undefined && ha !== hb) return false;
  return jsonEqual(canonicalJson(a.data), canonicalJson(b.data));
}

/** FindEqualRevisions: every revision whose data equals `needle`'s, in the given order. */
export function findEqualRevisions(list: readonly ControllerRevision[], needle: ControllerRevision): ControllerRevision[] {
  return list.filter((r) => equalRevision(r, needle));
}

/** nextRevision: one more than the highest revision number (1 for an empty history). */
export function nextRevision(sorted: readonly ControllerRevision[]): number {
  return sorted.length ? sorted[sorted.length - 1].revision + 1 : 1;
}
