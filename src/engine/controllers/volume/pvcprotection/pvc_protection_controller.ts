// PVC protection controller: mirrors pkg/controller/volume/pvcprotection/pvc_protection_controller.go.
// A claim being deleted keeps its kubernetes.io/pvc-protection finalizer (and so stays
// Terminating) while any scheduled pod still mounts it; when the last such pod is gone the
// finalizer is removed and the API server deletes the claim.
import type { Pod } from '../../../api/core';
import { deepCopy, keyOf } from '../../../api/meta';
import type { PersistentVolumeClaim } from '../../../api/storage';
import { PVC_PROTECTION_FINALIZER, podClaimNames } from '../../../api/storage';
import { isNotFound } from '../../../apiserver/errors';
import type { Informer } from '../../../client/informer';
import type { ComponentContext } from '../../../component';
import { Controller } from '../../controller';

const PVCS = { group: '', resource: 'persistentvolumeclaims' };
const PODS = { group: '', resource: 'pods' };

/**
 * podUsesPVC: only scheduled pods count — the kubelet refuses to start a pod whose claim is being
 * deleted, so an unscheduled pod cannot start using it any more.
 */
export function podUsesPVC(pod: Pod, claimName: string): boolean {
  return !!pod.spec.nodeName && podClaimNames(pod.spec).includes(claimName);
}

export class PVCProtectionController extends Controller {
  private readonly claims: Informer<PersistentVolumeClaim>;
  private readonly pods: Informer<Pod>;

  constructor(ctx: ComponentContext) {
    super('pvc-protection-controller', ctx);
    this.claims = ctx.informers.for<PersistentVolumeClaim>(PVCS);
    this.pods = ctx.informers.for<Pod>(PODS);
  }

  start(): void {
    const onClaim = (c: PersistentVolumeClaim) => {
      if (c.metadata.deletionTimestamp && c.metadata.finalizers?.includes(PVC_PROTECTION_FINALIZER)) this.enqueue(keyOf(c));
    };
    this.claims.addHandler({ add: onClaim, update: (_o, c) => onClaim(c) });
    // A pod going away (or finishing its move off a node) may release a terminating claim.
    const onPod = (p: Pod) => {
      for (const name of podClaimNames(p.spec)) {
        const c = this.claims.get(`${p.metadata.namespace}/${name}`);
        if (c) onClaim(c);
      }
    };
    this.pods.addHandler({ update: (_o, p) => onPod(p), delete: onPod });
  }

  protected sync(key: string): void {
    const claim = this.claims.get(key);
    if (!claim || !claim.metadata.deletionTimestamp || !claim.metadata.finalizers?.includes(PVC_PROTECTION_FINALIZER)) return;
    const users = this.pods
      .byIndex('namespace', claim.metadata.namespace ?? '')
      .filter((p) => podUsesPVC(p, claim.metadata.name ?? ''))
      .map((p) => p.metadata.name ?? '')
      .sort();
    if (users.length) {
      this.ctx.trace.record({
        component: this.name,
        action: 'keep',
        object: { kind: 'PersistentVolumeClaim', namespace: claim.metadata.namespace, name: claim.metadata.name ?? '', uid: claim.metadata.uid },
        message: `Claim ${key} is being deleted but pod ${users.join(', ')} still uses it: it stays Terminating until no pod mounts it.`,
      });
      return;
    }
    const next = deepCopy(claim);
    next.metadata.finalizers = (next.metadata.finalizers ?? []).filter((f) => f !== PVC_PROTECTION_FINALIZER);
    try {
      this.ctx.api.update(PVCS, claim.metadata.namespace ?? '', next, { user: this.name });
    } catch (e) {
      if (isNotFound(e)) return;
      throw e;
    }
    this.ctx.trace.record({
      component: this.name,
      action: 'release',
      object: { kind: 'PersistentVolumeClaim', namespace: claim.metadata.namespace, name: claim.metadata.name ?? '', uid: claim.metadata.uid },
      message: `No pod uses claim ${key} any more: removed the ${PVC_PROTECTION_FINALIZER} finalizer, so the deletion completes.`,
    });
  }
}
