// Mirrors pkg/controller/statefulset/stateful_pod_control.go: the StatefulSet controller's writes
// (claims before pods, identity fixes, deletes, claim owner references for the retention
// policy) with their exact Events:
//   SuccessfulCreate  create Claim www-web-0 Pod web-0 in StatefulSet web success
//   SuccessfulCreate  create Pod web-0 in StatefulSet web successful
//   SuccessfulDelete  delete Pod web-2 in StatefulSet web successful
import type { StatefulSet } from '../../api/apps';
import type { Pod } from '../../api/core';
import type { KubeObject, OwnerReference } from '../../api/meta';
import { deepCopy } from '../../api/meta';
import type { APIServer, GVR } from '../../apiserver/apiserver';
import { jsonEqual } from '../../apiserver/apiserver';
import { isAlreadyExists, isNotFound } from '../../apiserver/errors';
import type { Recorder } from '../../client/recorder';
import type { Trace } from '../../sim/trace';
import type { StatefulPodControl } from './stateful_set_control';
import { getOrdinal, getPersistentVolumeClaims, updateIdentityLabels } from './stateful_set_utils';

export const PVCS: GVR = { group: '', resource: 'persistentvolumeclaims' };
const PODS: GVR = { group: '', resource: 'pods' };

export class RealStatefulPodControl implements StatefulPodControl {
  constructor(
    private readonly api: APIServer,
    private readonly recorder: Recorder,
    private readonly trace: Trace,
    private readonly user: string,
    /** The claim informer's lookup (undefined while the API serves no PersistentVolumeClaims). */
    private readonly getClaim?: (namespace: string, name: string) => KubeObject | undefined,
  ) {}

  private ref(o: KubeObject) {
    return { kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name ?? '', uid: o.metadata.uid };
  }

  private claimsServed(): boolean {
    return !!this.getClaim;
  }

  /** createPersistentVolumeClaims: every missing claim; a claim being deleted is an error. */
  private createClaims(set: StatefulSet, pod: Pod): void {
    const claims = getPersistentVolumeClaims(set, getOrdinal(pod));
    if (!claims.length || !this.claimsServed()) return;
    for (const { claim } of claims) {
      const existing = this.getClaim!(claim.metadata.namespace ?? '', claim.metadata.name ?? '');
      if (existing) {
        if (existing.metadata.deletionTimestamp) throw new Error(`pvc ${claim.metadata.name} is being deleted`);
        continue;
      }
      this.setClaimOwners(set, pod, claim, false);
      try {
        const created = this.api.create(PVCS, claim.metadata.namespace ?? '', claim, { user: this.user });
        this.recorder.event(set, 'Normal', 'SuccessfulCreate', `create Claim ${created.metadata.name} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} success`);
        this.trace.record({
          component: this.user, action: 'create-claim', object: this.ref(created), cause: this.ref(set),
          message: `StatefulSet ${set.metadata.name}: pod ${pod.metadata.name} needs claim ${created.metadata.name} (template ${claim.metadata.name?.split('-')[0]}) → created it before the pod`,
        });
      } catch (e) {
        if (isAlreadyExists(e)) continue;
        this.recorder.event(set, 'Warning', 'FailedCreate', `create Claim ${claim.metadata.name} for Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${e instanceof Error ? e.message : String(e)}`);
        throw e;
      }
    }
  }

  createStatefulPod(set: StatefulSet, pod: Pod): void {
    this.createClaims(set, pod);
    try {
      const created = this.api.create(PODS, set.metadata.namespace ?? '', pod, { user: this.user });
      this.recorder.event(set, 'Normal', 'SuccessfulCreate', `create Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`);
      this.trace.record({
        component: this.user, action: 'create', object: this.ref(created), cause: this.ref(set),
        message: `StatefulSet ${set.metadata.name}: ordinal ${getOrdinal(pod)} has no pod → created ${pod.metadata.name} (hostname ${pod.spec.hostname}${pod.spec.subdomain ? `, subdomain ${pod.spec.subdomain}` : ''})`,
      });
    } catch (e) {
      if (isAlreadyExists(e)) return;
      this.recorder.event(set, 'Warning', 'FailedCreate', `create Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${e instanceof Error ? e.message : String(e)}`);
      throw e;
    }
  }

  createMissingPersistentVolumeClaims(set: StatefulSet, pod: Pod): void {
    this.createClaims(set, pod);
  }

  updateStatefulPod(set: StatefulSet, pod: Pod): void {
    const copy = deepCopy(pod);
    updateIdentityLabels(set, copy);
    try {
      this.api.update(PODS, pod.metadata.namespace ?? '', copy, { user: this.user });
      this.recorder.event(set, 'Normal', 'SuccessfulUpdate', `update Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`);
    } catch (e) {
      if (isNotFound(e)) return;
      this.recorder.event(set, 'Warning', 'FailedUpdate', `update Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${e instanceof Error ? e.message : String(e)}`);
      throw e;
    }
  }

  deleteStatefulPod(set: StatefulSet, pod: Pod, why: string): void {
    try {
      this.api.delete(PODS, pod.metadata.namespace ?? '', pod.metadata.name ?? '', { user: this.user });
      this.recorder.event(set, 'Normal', 'SuccessfulDelete', `delete Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`);
      this.trace.record({ component: this.user, action: 'delete', object: this.ref(pod), cause: this.ref(set), message: `StatefulSet ${set.metadata.name}: deleted ${pod.metadata.name} because ${why}` });
    } catch (e) {
      if (isNotFound(e)) return;
      this.recorder.event(set, 'Warning', 'FailedDelete', `delete Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${e instanceof Error ? e.message : String(e)}`);
      throw e;
    }
  }

  /**
   * The retention policy as owner references (StatefulSetAutoDeletePVC, on in v1.32): whenDeleted
   * Delete → the set owns the claim (the garbage collector deletes it with the set); whenScaled
   * Delete → a condemned pod owns its claim (deleted with the pod). Retain → no such owner.
   */
  private setClaimOwners(set: StatefulSet, pod: Pod, claim: KubeObject, condemned: boolean): boolean {
    const policy = set.spec.persistentVolumeClaimRetentionPolicy ?? {};
    const refs: OwnerReference[] = (claim.metadata.ownerReferences ?? []).filter((r) => r.uid !== set.metadata.uid && !(r.kind === 'Pod' && r.name === pod.metadata.name));
    if (policy.whenDeleted === 'Delete' && set.metadata.uid) refs.push({ apiVersion: 'apps/v1', kind: 'StatefulSet', name: set.metadata.name ?? '', uid: set.metadata.uid });
    if (condemned && policy.whenScaled === 'Delete' && pod.metadata.uid) refs.push({ apiVersion: 'v1', kind: 'Pod', name: pod.metadata.name ?? '', uid: pod.metadata.uid });
    const before = claim.metadata.ownerReferences ?? [];
    if (refs.length) claim.metadata.ownerReferences = refs;
    else delete claim.metadata.ownerReferences;
    return !jsonEqual(before, refs);
  }

  updatePodClaimForRetentionPolicy(set: StatefulSet, pod: Pod, condemned: boolean): void {
    if (!this.claimsServed()) return;
    for (const { claim } of getPersistentVolumeClaims(set, getOrdinal(pod))) {
      const existing = this.getClaim!(claim.metadata.namespace ?? '', claim.metadata.name ?? '');
      if (!existing || existing.metadata.deletionTimestamp) continue;
      const copy = deepCopy(existing);
      if (!this.setClaimOwners(set, pod, copy, condemned)) continue;
      this.api.update(PVCS, copy.metadata.namespace ?? '', copy, { user: this.user });
    }
  }

  waiting(set: StatefulSet, pod: Pod | undefined, message: string): void {
    this.trace.record({ component: this.user, action: 'wait', object: pod ? this.ref(pod) : this.ref(set), cause: this.ref(set), message: `StatefulSet ${set.metadata.name}: ${message}` });
  }
}
