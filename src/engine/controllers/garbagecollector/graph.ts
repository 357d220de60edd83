// Pure decisions of the garbage collector: mirrors classifyReferences and the switch in
// attemptToDeleteItem (pkg/controller/garbagecollector/garbagecollector.go).
import type { OwnerReference } from '../../api/meta';

export const FINALIZER_ORPHAN = 'orphan';
export const FINALIZER_DELETE_DEPENDENTS = 'foregroundDeletion';

/**
 * What an ownerReference points at right now:
 * - solid: the owner exists with that uid and is not waiting for its dependents;
 * - dangling: no object with that name, or one with another uid (a recreated owner is a stranger);
 * - waiting: the owner is being deleted in the foreground (deletionTimestamp + foregroundDeletion);
 * - unknown: a kind this API server does not serve (yet): treated as solid, nothing is deleted.
 */
export type OwnerState = 'solid' | 'dangling' | 'waiting' | 'unknown';

export interface ClassifiedRef {
  ref: OwnerReference;
  state: OwnerState;
}

export type AttemptToDeleteDecision =
  | { kind: 'keep' }
  /** Some owners are solid: just drop the references to dangling/waiting owners. */
  | { kind: 'removeRefs'; uids: string[] }
  | { kind: 'delete'; policy: 'Background' | 'Foreground' | 'Orphan' };

/**
 * Worked example: a Pod owned by ReplicaSet web-5d4f (uid A).
 * - A exists → keep.
 * - A deleted (or `web-5d4f` now has uid B) → delete the Pod, Background.
 * - A has deletionTimestamp + foregroundDeletion → delete the Pod (Background: it has no
 *   dependents); a ReplicaSet in the same place (it has Pods) is deleted Foreground, so the
 *   Deployment waits for the whole tree.
 * - Pod also owned by solid owner C → only the reference to A is removed.
 */
export function decideAttemptToDelete(refs: ClassifiedRef[], hasDependents: boolean, finalizers: string[]): AttemptToDeleteDecision {
  if (refs.length === 0) return { kind: 'keep' };
  const solid = refs.filter((r) => r.state === 'solid' || r.state === 'unknown');
  const dangling = refs.filter((r) => r.state === 'dangling');
  const waiting = refs.filter((r) => r.state === 'waiting');
  if (solid.length > 0) {
    if (dangling.length === 0 && waiting.length === 0) return { kind: 'keep' };
    return { kind: 'removeRefs', uids: [...dangling, ...waiting].map((r) => r.ref.uid) };
  }
  if (waiting.length > 0 && hasDependents) return { kind: 'delete', policy: 'Foreground' };
  if (finalizers.includes(FINALIZER_ORPHAN)) return { kind: 'delete', policy: 'Orphan' };
  if (finalizers.includes(FINALIZER_DELETE_DEPENDENTS)) return { kind: 'delete', policy: 'Foreground' };
  return { kind: 'delete', policy: 'Background' };
}

/** A dependent blocks its owner's foreground deletion when its reference says blockOwnerDeletion. */
export function blocksOwner(dependentRefs: OwnerReference[] | undefined, ownerUid: string): boolean {
  return (dependentRefs ?? []).some((r) => r.uid === ownerUid && r.blockOwnerDeletion === true);
}
