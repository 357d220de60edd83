// PersistentVolume controller ("persistentvolume-binder"): mirrors
// pkg/controller/volume/persistentvolume/pv_controller.go (syncClaim, syncUnboundClaim,
// syncBoundClaim, syncVolume, bind, provisionClaim for external provisioners, reclaimVolume).
// Claims and volumes are synced level-triggered from keys `claim:<ns>/<name>` and `volume:<name>`.
import type { Pod } from '../../../api/core';
import { deepCopy, keyOf } from '../../../api/meta';
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '../../../api/storage';
import {
  ANN_BETA_STORAGE_PROVISIONER,
  ANN_BIND_COMPLETED,
  ANN_BOUND_BY_CONTROLLER,
  ANN_DYNAMICALLY_PROVISIONED,
  ANN_SELECTED_NODE,
  ANN_STORAGE_PROVISIONER,
  NOT_SUPPORTED_PROVISIONER,
  claimClass,
  podClaimNames,
} from '../../../api/storage';
import { isNotFound } from '../../../apiserver/errors';
import type { Informer } from '../../../client/informer';
import type { Recorder } from '../../../client/recorder';
import type { ComponentContext } from '../../../component';
import { Controller } from '../../controller';
import { findMatchingVolume } from './index';

export const PVCS = { group: '', resource: 'persistentvolumeclaims' };
export const PVS = { group: '', resource: 'persistentvolumes' };
export const STORAGE_CLASSES = { group: 'storage.k8s.io', resource: 'storageclasses' };
const PODS = { group: '', resource: 'pods' };

/** The event texts, as pkg/controller/volume/events and pv_controller.go write them. */
export const MSG_WAIT_FOR_FIRST_CONSUMER = 'waiting for first consumer to be created before binding';
export const MSG_NO_CLASS = 'no persistent volumes available for this claim and no storage class is set';
export function msgExternalProvisioning(provisioner: string): string {
  return `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`;
}

export class PersistentVolumeController extends Controller {
  private readonly claims: Informer<PersistentVolumeClaim>;
  private readonly volumes: Informer<PersistentVolume>;
  private readonly classes: Informer<StorageClass>;
  private readonly pods: Informer<Pod>;
  private readonly recorder: Recorder;

  constructor(ctx: ComponentContext) {
    super('persistentvolume-controller', ctx);
    this.claims = ctx.informers.for<PersistentVolumeClaim>(PVCS);
    this.volumes = ctx.informers.for<PersistentVolume>(PVS);
    this.classes = ctx.informers.for<StorageClass>(STORAGE_CLASSES);
    this.pods = ctx.informers.for<Pod>(PODS);
    this.recorder = ctx.events.for({ component: 'persistentvolume-controller' });
  }

  start(): void {
    const onClaim = (c: PersistentVolumeClaim) => {
      this.enqueue(`claim:${keyOf(c)}`);
      if (c.spec?.volumeName) this.enqueue(`volume:${c.spec.volumeName}`);
    };
    this.claims.addHandler({ add: onClaim, update: (_o, c) => onClaim(c), delete: onClaim });
    const onVolume = (v: PersistentVolume) => {
      this.enqueue(`volume:${v.metadata.name}`);
      // A new or freed volume may satisfy a waiting claim.
      this.enqueuePendingClaims();
    };
    this.volumes.addHandler({ add: onVolume, update: (_o, v) => onVolume(v), delete: onVolume });
    this.classes.addHandler({ add: () => this.enqueuePendingClaims(), update: () => this.enqueuePendingClaims() });
    // A pod that uses a WaitForFirstConsumer claim changes the claim's waiting event.
    const onPod = (p: Pod) => {
      for (const name of podClaimNames(p.spec)) this.enqueue(`claim:${p.metadata.namespace}/${name}`);
    };
    this.pods.addHandler({ add: onPod });
  }

  private enqueuePendingClaims(): void {
    for (const c of this.claims.list()) if (c.status?.phase !== 'Bound') this.enqueue(`claim:${keyOf(c)}`);
  }

  protected sync(key: string): void {
    if (key.startsWith('claim:')) this.syncClaim(key.slice(6));
    else if (key.startsWith('volume:')) this.syncVolume(key.slice(7));
  }

  // ------------------------------------------------------------------ claims

  private syncClaim(key: string): void {
    const claim = this.claims.get(key);
    if (!claim) return;
    if (claim.metadata.annotations?.[ANN_BIND_COMPLETED] !== 'yes') this.syncUnboundClaim(claim);
    else this.syncBoundClaim(claim);
  }

  /** IsDelayBindingMode: the claim's class exists and says WaitForFirstConsumer. */
  private delayBinding(claim: PersistentVolumeClaim): boolean {
    const name = claimClass(claim);
    return !!name && this.classes.get(name)?.volumeBindingMode === 'WaitForFirstConsumer';
  }

  private syncUnboundClaim(claim: PersistentVolumeClaim): void {
    if (claim.spec.volumeName) {
      // The user (or the scheduler) named the volume: bind to it if it is free or already ours.
      const volume = this.volumes.get(claim.spec.volumeName);
      if (!volume) return this.updateClaimPhase(claim, 'Pending');
      const ref = volume.spec.claimRef;
      if (!ref || (ref.namespace === claim.metadata.namespace && ref.name === claim.metadata.name && (!ref.uid || ref.uid === claim.metadata.uid))) {
        this.bind(volume, claim);
        return;
      }
      this.recorder.event(claim, 'Warning', 'FailedBinding', `volume "${volume.metadata.name}" already bound to a different claim.`);
      return this.updateClaimPhase(claim, 'Pending');
    }
    const delay = this.delayBinding(claim);
    const volume = findMatchingVolume(claim, this.volumes.list(), undefined, delay);
    if (volume) {
      this.bind(volume, claim);
      return;
    }
    const className = claimClass(claim);
    if (delay && !claim.metadata.annotations?.[ANN_SELECTED_NODE]) {
      this.emitEventForUnboundDelayBindingClaim(claim);
    } else if (className) {
      this.provisionClaim(claim, className);
    } else {
      this.recorder.event(claim, 'Normal', 'FailedBinding', MSG_NO_CLASS);
      this.trace(claim, 'pending', `No PersistentVolume matches claim ${keyOf(claim)} and it names no storage class, so nothing can provision one: it stays Pending until an administrator creates a matching volume.`);
    }
    this.updateClaimPhase(claim, 'Pending');
  }

  /** Which pods wait for this claim: their names decide between two events. */
  private emitEventForUnboundDelayBindingClaim(claim: PersistentVolumeClaim): void {
    const waiting = this.pods
      .byIndex('namespace', claim.metadata.namespace ?? '')
      .filter((p) => !p.spec.nodeName && !p.metadata.deletionTimestamp && podClaimNames(p.spec).includes(claim.metadata.name ?? ''))
      .map((p) => p.metadata.name ?? '')
      .sort();
    if (waiting.length) {
      const msg = waiting.length > 1 ? `waiting for pods ${waiting.join(',')} to be scheduled` : `waiting for pod ${waiting[0]} to be scheduled`;
      this.recorder.event(claim, 'Normal', 'WaitForPodScheduled', msg);
      return;
    }
    this.recorder.event(claim, 'Normal', 'WaitForFirstConsumer', MSG_WAIT_FOR_FIRST_CONSUMER);
    this.trace(claim, 'wait', `Claim ${keyOf(claim)} uses a WaitForFirstConsumer class: nothing is bound or provisioned until a pod that uses it is scheduled, so the volume can be created on that pod's node.`);
  }

  /**
   * provisionClaim for an external provisioner (every CSI driver, and rancher.io/local-path): the
   * controller only writes the volume.kubernetes.io/storage-provisioner annotation and waits; the
   * provisioner watching for that annotation creates the PV.
   */
  private provisionClaim(claim: PersistentVolumeClaim, className: string): void {
    const sc = this.classes.get(className);
    if (!sc) {
      this.recorder.event(claim, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${className}" not found`);
      this.trace(claim, 'pending', `Claim ${keyOf(claim)} names storage class "${className}", which does not exist, and no PersistentVolume of that class matches: it stays Pending.`);
      return;
    }
    if (sc.provisioner === NOT_SUPPORTED_PROVISIONER) {
      this.recorder.event(claim, 'Normal', 'FailedBinding', MSG_NO_CLASS);
      return;
    }
    const ann = claim.metadata.annotations ?? {};
    if (ann[ANN_STORAGE_PROVISIONER] !== sc.provisioner) {
      const next = deepCopy(claim);
      next.metadata.annotations = { ...ann, [ANN_BETA_STORAGE_PROVISIONER]: sc.provisioner, [ANN_STORAGE_PROVISIONER]: sc.provisioner };
      this.write(() => this.ctx.api.update(PVCS, claim.metadata.namespace ?? '', next, { user: this.name }));
    }
    this.recorder.event(claim, 'Normal', 'ExternalProvisioning', msgExternalProvisioning(sc.provisioner));
    this.trace(claim, 'provision', `Claim ${keyOf(claim)} matches no existing volume; its class "${className}" names the external provisioner ${sc.provisioner}, which is asked to create one.`);
  }

  private syncBoundClaim(claim: PersistentVolumeClaim): void {
    const name = claim.spec.volumeName ?? '';
    const volume = this.volumes.get(name);
    if (!volume) {
      if (claim.status?.phase !== 'Lost') {
        this.recorder.event(claim, 'Warning', 'ClaimLost', 'Bound claim has lost its PersistentVolume. Data on the volume is lost!');
        this.updateClaimPhase(claim, 'Lost');
      }
      return;
    }
    const ref = volume.spec.claimRef;
    if (!ref?.uid || ref.uid === claim.metadata.uid) this.bind(volume, claim);
    else {
      this.recorder.event(claim, 'Warning', 'ClaimMisbound', 'Two claims are bound to the same volume, this one is bound incorrectly');
      this.updateClaimPhase(claim, 'Lost');
    }
  }

  /**
   * bind: four writes, each idempotent, so a sync interrupted half-way finishes next time.
   * 1. volume.spec.claimRef → the claim (with its uid); 2. volume phase Bound;
   * 3. claim.spec.volumeName + bind-completed annotation; 4. claim phase Bound with capacity and modes.
   */
  private bind(volume: PersistentVolume, claim: PersistentVolumeClaim): void {
    let v = volume;
    const ref = v.spec.claimRef;
    if (!ref || ref.uid !== claim.metadata.uid || ref.name !== claim.metadata.name) {
      const next = deepCopy(v);
      next.spec.claimRef = { kind: 'PersistentVolumeClaim', namespace: claim.metadata.namespace, name: claim.metadata.name, uid: claim.metadata.uid, apiVersion: 'v1', resourceVersion: claim.metadata.resourceVersion };
      if (!ref) next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [ANN_BOUND_BY_CONTROLLER]: 'yes' };
      const r = this.write(() => this.ctx.api.update(PVS, '', next, { user: this.name }));
      if (!r) return;
      v = r as PersistentVolume;
    }
    if (v.status?.phase !== 'Bound') {
      const r = this.write(() => this.ctx.api.update(PVS, '', { ...v, status: { ...(v.status ?? {}), phase: 'Bound', lastPhaseTransitionTime: this.ctx.clock.iso() } } as PersistentVolume, { user: this.name, subresource: 'status' }));
      if (!r) return;
    }
    let c = claim;
    const ann = c.metadata.annotations ?? {};
    if (c.spec.volumeName !== v.metadata.name || ann[ANN_BIND_COMPLETED] !== 'yes') {
      const next = deepCopy(c);
      const byController = !c.spec.volumeName;
      next.spec.volumeName = v.metadata.name;
      next.metadata.annotations = { ...ann, [ANN_BIND_COMPLETED]: 'yes', ...(byController ? { [ANN_BOUND_BY_CONTROLLER]: 'yes' } : {}) };
      const r = this.write(() => this.ctx.api.update(PVCS, c.metadata.namespace ?? '', next, { user: this.name }));
      if (!r) return;
      c = r as PersistentVolumeClaim;
    }
    if (c.status?.phase !== 'Bound') {
      const status = { ...(c.status ?? {}), phase: 'Bound' as const, accessModes: [...(v.spec.accessModes ?? [])], capacity: { ...(v.spec.capacity ?? {}) } };
      const r = this.write(() => this.ctx.api.update(PVCS, c.metadata.namespace ?? '', { ...c, status } as PersistentVolumeClaim, { user: this.name, subresource: 'status' }));
      if (!r) return;
      this.trace(c, 'bind', `Bound claim ${keyOf(c)} (asks ${c.spec.resources?.requests?.storage ?? '?'} ${(c.spec.accessModes ?? []).join(',')}) to volume ${v.metadata.name} (${v.spec.capacity?.storage ?? '?'}, class "${v.spec.storageClassName ?? ''}").`, { kind: 'PersistentVolume', name: v.metadata.name ?? '' });
    }
  }

  private updateClaimPhase(claim: PersistentVolumeClaim, phase: 'Pending' | 'Lost'): void {
    if (claim.status?.phase === phase) return;
    this.write(() => this.ctx.api.update(PVCS, claim.metadata.namespace ?? '', { ...claim, status: { ...(claim.status ?? {}), phase } } as PersistentVolumeClaim, { user: this.name, subresource: 'status' }));
  }

  // ------------------------------------------------------------------ volumes

  private syncVolume(name: string): void {
    const volume = this.volumes.get(name);
    if (!volume) return;
    const ref = volume.spec.claimRef;
    if (!ref) return this.updateVolumePhase(volume, 'Available');
    const claim = this.claims.get(`${ref.namespace ?? ''}/${ref.name ?? ''}`);
    if (!ref.uid) {
      // Pre-bound by name by an administrator: the claim sync does the binding.
      if (claim) this.enqueue(`claim:${keyOf(claim)}`);
      return this.updateVolumePhase(volume, 'Available');
    }
    if (!claim || claim.metadata.uid !== ref.uid) {
      // The claim is gone: the volume is Released and its reclaim policy decides what happens.
      if (volume.status?.phase !== 'Released' && volume.status?.phase !== 'Failed') {
        this.updateVolumePhase(volume, 'Released');
        this.trace(volume, 'release', `Volume ${name} was bound to claim ${ref.namespace}/${ref.name}, which no longer exists: it is Released (reclaim policy ${volume.spec.persistentVolumeReclaimPolicy ?? 'Retain'}).`);
      }
      this.reclaimVolume(volume);
      return;
    }
    if (!claim.spec.volumeName) {
      // Half-bound (we wrote the volume, not yet the claim): finish it from the claim side.
      this.enqueue(`claim:${keyOf(claim)}`);
      return;
    }
    if (claim.spec.volumeName === name) return this.updateVolumePhase(volume, 'Bound');
    // The claim was bound to another volume: if we bound this one, undo it; else it is Released.
    if (volume.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER] === 'yes') {
      const next = deepCopy(volume);
      delete next.spec.claimRef;
      this.write(() => this.ctx.api.update(PVS, '', next, { user: this.name }));
    } else {
      this.updateVolumePhase(volume, 'Released');
    }
  }

  /**
   * reclaimVolume: Retain keeps the Released volume (its data needs a human); Delete removes it —
   * for an externally provisioned volume that is the provisioner's job (it also removes the
   * storage), for any other volume the controller needs an in-tree deleter, which hostPath/local
   * volumes lack, so it reports VolumeFailedDelete.
   */
  private reclaimVolume(volume: PersistentVolume): void {
    const policy = volume.spec.persistentVolumeReclaimPolicy ?? 'Retain';
    if (policy !== 'Delete' || volume.metadata.deletionTimestamp) return;
    const provisionedBy = volume.metadata.annotations?.[ANN_DYNAMICALLY_PROVISIONED];
    if (provisionedBy && !provisionedBy.startsWith('kubernetes.io/')) {
      this.trace(volume, 'reclaim', `Volume ${volume.metadata.name} has reclaim policy Delete and was provisioned by ${provisionedBy}: that provisioner deletes the storage and then the PersistentVolume.`);
      return;
    }
    if (volume.status?.phase === 'Failed') return;
    this.recorder.event(volume, 'Warning', 'VolumeFailedDelete', 'error getting deleter volume plugin for volume "' + (volume.metadata.name ?? '') + '": no deletable volume plugin matched');
    this.updateVolumePhase(volume, 'Failed');
  }

  private updateVolumePhase(volume: PersistentVolume, phase: NonNullable<PersistentVolume['status']>['phase']): void {
    if (volume.status?.phase === phase) return;
    this.write(() =>
      this.ctx.api.update(PVS, '', { ...volume, status: { ...(volume.status ?? {}), phase, lastPhaseTransitionTime: this.ctx.clock.iso() } } as PersistentVolume, { user: this.name, subresource: 'status' }),
    );
  }

  // ------------------------------------------------------------------ helpers

  /** A write that may lose a race (NotFound, Conflict): the next sync sees the new state and retries. */
  private write<T>(fn: () => T): T | undefined {
    try {
      return fn();
    } catch (e) {
      if (isNotFound(e) || (e as { reason?: string }).reason === 'Conflict') return undefined;
      throw e;
    }
  }

  private trace(obj: PersistentVolumeClaim | PersistentVolume, action: string, message: string, cause?: { kind: string; name: string }): void {
    const isClaim = obj.kind === 'PersistentVolumeClaim';
    this.ctx.trace.record({
      component: this.name,
      action,
      object: { kind: isClaim ? 'PersistentVolumeClaim' : 'PersistentVolume', namespace: obj.metadata.namespace, name: obj.metadata.name ?? '', uid: obj.metadata.uid },
      cause,
      message,
    });
  }
}
