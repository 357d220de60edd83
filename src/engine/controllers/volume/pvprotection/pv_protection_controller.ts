// PV protection controller: mirrors pkg/controller/volume/pvprotection/pv_protection_controller.go.
// A volume being deleted keeps kubernetes.io/pv-protection while it is Bound to a claim.
import { deepCopy } from '../../../api/meta';
import type { PersistentVolume } from '../../../api/storage';
import { PV_PROTECTION_FINALIZER } from '../../../api/storage';
import { isNotFound } from '../../../apiserver/errors';
import type { Informer } from '../../../client/informer';
import type { ComponentContext } from '../../../component';
import { Controller } from '../../controller';

const PVS = { group: '', resource: 'persistentvolumes' };

export class PVProtectionController extends Controller {
  private readonly volumes: Informer<PersistentVolume>;

  constructor(ctx: ComponentContext) {
    super('pv-protection-controller', ctx);
    this.volumes = ctx.informers.for<PersistentVolume>(PVS);
  }

  start(): void {
    const onVolume = (v: PersistentVolume) => {
      if (v.metadata.deletionTimestamp && v.metadata.finalizers?.includes(PV_PROTECTION_FINALIZER)) this.enqueue(v.metadata.name ?? '');
    };
    this.volumes.addHandler({ add: onVolume, update: (_o, v) => onVolume(v) });
  }

  protected sync(key: string): void {
    const v = this.volumes.get(key);
    if (!v || !v.metadata.deletionTimestamp || !v.metadata.finalizers?.includes(PV_PROTECTION_FINALIZER)) return;
    // isBeingUsed: a Bound volume is in use by its claim.
    if (v.status?.phase === 'Bound') {
      this.ctx.trace.record({ component: this.name, action: 'keep', object: { kind: 'PersistentVolume', name: key, uid: v.metadata.uid }, message: `Volume ${key} is being deleted but is still Bound to claim ${v.spec.claimRef?.namespace}/${v.spec.claimRef?.name}: it stays Terminating until the claim lets go.` });
      return;
    }
    const next = deepCopy(v);
    next.metadata.finalizers = (next.metadata.finalizers ?? []).filter((f) => f !== PV_PROTECTION_FINALIZER);
    try {
      this.ctx.api.update(PVS, '', next, { user: this.name });
    } catch (e) {
      if (isNotFound(e)) return;
      throw e;
    }
    this.ctx.trace.record({ component: this.name, action: 'release', object: { kind: 'PersistentVolume', name: key, uid: v.metadata.uid }, message: `Volume ${key} is not bound: removed the ${PV_PROTECTION_FINALIZER} finalizer, so the deletion completes.` });
  }
}
