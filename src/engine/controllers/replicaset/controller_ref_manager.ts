// Mirrors pkg/controller/controller_ref_manager.go (BaseControllerRefManager.ClaimObject):
// which objects a controller owns, adopts (orphans that match its selector) or releases
// (owned objects that stopped matching). Owners are compared by UID, never by name: a new
// Deployment "web" is not the owner of pods left behind by a deleted Deployment "web".
import type { KubeObject, OwnerReference } from '../../api/meta';
import { controllerOf, deepCopy } from '../../api/meta';
import type { Selector } from '../../api/labels';
import { matches } from '../../api/labels';
import type { APIServer, GVR } from '../../apiserver/apiserver';
import { isNotFound } from '../../apiserver/errors';

export interface ControllerIdentity {
  apiVersion: string;
  kind: string;
  metadata: { name?: string; namespace?: string; uid?: string; deletionTimestamp?: string };
}

export interface ClaimPlan<T extends KubeObject> {
  /** Objects that are (or are about to be) ours. */
  claimed: T[];
  adopt: T[];
  release: T[];
}

/** NewControllerRef: the ownerReference a controller puts on what it creates or adopts. */
export function newControllerRef(owner: ControllerIdentity): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name ?? '',
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

/**
 * ClaimObject, for a list, as a pure decision:
 *  - controlled by someone else → ignore;
 *  - controlled by us and matching → keep; not matching → release (unless we are being deleted);
 *  - orphan, matching, not being deleted, same namespace, and we are not being deleted → adopt.
 */
export function planClaims<T extends KubeObject>(owner: ControllerIdentity, selector: Selector | null, objs: readonly T[]): ClaimPlan<T> {
  const plan: ClaimPlan<T> = { claimed: [], adopt: [], release: [] };
  const uid = owner.metadata.uid;
  const deleting = !!owner.metadata.deletionTimestamp;
  const match = (o: T) => selector !== null && matches(selector, o.metadata.labels);
  for (const o of objs) {
    const ref = controllerOf(o);
    if (ref) {
      if (ref.uid !== uid) continue;
      if (match(o)) plan.claimed.push(o);
      else if (!deleting) plan.release.push(o);
      continue;
    }
    if (deleting || !match(o) || o.metadata.deletionTimestamp) continue;
    if (owner.metadata.namespace && owner.metadata.namespace !== o.metadata.namespace) continue;
    plan.adopt.push(o);
    plan.claimed.push(o);
  }
  return plan;
}

/** Add our controller ref to an orphan (AdoptPod / AdoptReplicaSet). Returns false if it vanished. */
export function adopt(api: APIServer, gvr: GVR, owner: ControllerIdentity, obj: KubeObject, user: string): boolean {
  const copy = deepCopy(obj);
  copy.metadata.ownerReferences = [...(copy.metadata.ownerReferences ?? []), newControllerRef(owner)];
  try {
    api.update(gvr, copy.metadata.namespace ?? '', copy, { user });
    return true;
  } catch (e) {
    if (isNotFound(e)) return false;
    throw e;
  }
}

/** Remove our owner ref (ReleasePod / ReleaseReplicaSet). */
export function release(api: APIServer, gvr: GVR, owner: ControllerIdentity, obj: KubeObject, user: string): boolean {
  const copy = deepCopy(obj);
  copy.metadata.ownerReferences = (copy.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid);
  if (copy.metadata.ownerReferences.length === 0) delete copy.metadata.ownerReferences;
  try {
    api.update(gvr, copy.metadata.namespace ?? '', copy, { user });
    return true;
  } catch (e) {
    if (isNotFound(e)) return false;
    throw e;
  }
}
