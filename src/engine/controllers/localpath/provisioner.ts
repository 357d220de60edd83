// A simulated rancher/local-path-provisioner (kind's default storage): mirrors provisioner.go of
// github.com/rancher/local-path-provisioner and the claim loop of
// sigs.k8s.io/sig-storage-lib-external-provisioner (controller.go shouldProvision/provisionClaimOperation).
// In a real kind cluster it runs as the local-path-provisioner pod in local-path-storage; here it
// is a component with that name. It provisions claims whose volume.kubernetes.io/storage-provisioner
// annotation names rancher.io/local-path — for WaitForFirstConsumer classes only after the scheduler
// wrote volume.kubernetes.io/selected-node — by creating `pvc-<claim uid>`: a hostPath directory
// on that node, pinned there with node affinity. Released volumes with reclaimPolicy Delete are
// removed again (the real provisioner runs a helper pod that deletes the directory first).
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '../../api/storage';
import { ANN_DYNAMICALLY_PROVISIONED, ANN_SELECTED_NODE, ANN_STORAGE_PROVISIONER, claimClass } from '../../api/storage';
import { keyOf } from '../../api/meta';
import { isAlreadyExists, isNotFound } from '../../apiserver/errors';
import type { Informer } from '../../client/informer';
import type { Recorder } from '../../client/recorder';
import type { ComponentContext } from '../../component';
import { Controller } from '../controller';

export const LOCAL_PATH_PROVISIONER = 'rancher.io/local-path';
export const LOCAL_PATH_BASE = '/var/local-path-provisioner';
/** The helper pod that creates (or removes) the directory takes a few seconds: drawn from this range. */
export const HELPER_POD_MS: [number, number] = [2000, 4000];

const PVCS = { group: '', resource: 'persistentvolumeclaims' };
const PVS = { group: '', resource: 'persistentvolumes' };
const STORAGE_CLASSES = { group: 'storage.k8s.io', resource: 'storageclasses' };

/** What the provisioner decides for one claim (pure). */
export type ProvisionDecision =
  | { kind: 'skip' }
  | { kind: 'fail'; message: string }
  | { kind: 'provision'; node: string };

/**
 * shouldProvision + the local-path checks: the claim is unbound and addressed to us; a
 * WaitForFirstConsumer class needs the selected node; only RWO/RWOP access modes and no selector.
 */
export function decideProvision(claim: PersistentVolumeClaim, sc: StorageClass | undefined): ProvisionDecision {
  if (claim.spec.volumeName || claim.metadata.deletionTimestamp) return { kind: 'skip' };
  if (claim.metadata.annotations?.[ANN_STORAGE_PROVISIONER] !== LOCAL_PATH_PROVISIONER) return { kind: 'skip' };
  if (!sc || sc.provisioner !== LOCAL_PATH_PROVISIONER) return { kind: 'skip' };
  const node = claim.metadata.annotations?.[ANN_SELECTED_NODE];
  if (sc.volumeBindingMode === 'WaitForFirstConsumer' && !node) return { kind: 'skip' };
  if (claim.spec.selector) return { kind: 'fail', message: 'claim.Spec.Selector is not supported' };
  for (const m of claim.spec.accessModes ?? []) {
    if (m !== 'ReadWriteOnce' && m !== 'ReadWriteOncePod') return { kind: 'fail', message: 'NodePath only supports ReadWriteOnce and ReadWriteOncePod (1.22+) access modes' };
  }
  if (!node) return { kind: 'fail', message: 'configuration error, no node was specified' };
  return { kind: 'provision', node };
}

/** The PV local-path creates: `pvc-<uid>`, a hostPath dir on the node, pinned there by node affinity. */
export function localPathVolume(claim: PersistentVolumeClaim, sc: StorageClass, node: string): PersistentVolume {
  const name = `pvc-${claim.metadata.uid}`;
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name, annotations: { [ANN_DYNAMICALLY_PROVISIONED]: LOCAL_PATH_PROVISIONER, 'local.path.provisioner/selected-node': node } },
    spec: {
      accessModes: [...(claim.spec.accessModes ?? ['ReadWriteOnce'])],
      capacity: { storage: claim.spec.resources?.requests?.storage ?? '0' },
      claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace: claim.metadata.namespace, name: claim.metadata.name, uid: claim.metadata.uid, resourceVersion: claim.metadata.resourceVersion },
      hostPath: { path: `${LOCAL_PATH_BASE}/${name}_${claim.metadata.namespace}_${claim.metadata.name}`, type: 'DirectoryOrCreate' },
      nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } },
      persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
      storageClassName: sc.metadata.name,
      volumeMode: claim.spec.volumeMode ?? 'Filesystem',
    },
  };
}

interface SavedState {
  provisioning: [string, number][];
  deleting: [string, number][];
}

export class LocalPathProvisioner extends Controller {
  private readonly claims: Informer<PersistentVolumeClaim>;
  private readonly volumes: Informer<PersistentVolume>;
  private readonly classes: Informer<StorageClass>;
  private readonly recorder: Recorder;
  /** claim key -> when its helper pod finishes and the PV is created. */
  private provisioning = new Map<string, number>();
  /** PV name -> when its directory is gone and the PV is deleted. */
  private deleting = new Map<string, number>();

  constructor(ctx: ComponentContext) {
    super('local-path-provisioner', ctx);
    this.claims = ctx.informers.for<PersistentVolumeClaim>(PVCS);
    this.volumes = ctx.informers.for<PersistentVolume>(PVS);
    this.classes = ctx.informers.for<StorageClass>(STORAGE_CLASSES);
    this.recorder = ctx.events.for({ component: `${LOCAL_PATH_PROVISIONER}_local-path-provisioner` });
  }

  start(): void {
    const onClaim = (c: PersistentVolumeClaim) => this.enqueue(`claim:${keyOf(c)}`);
    this.claims.addHandler({ add: onClaim, update: (_o, c) => onClaim(c) });
    const onVolume = (v: PersistentVolume) => {
      if (v.metadata.annotations?.[ANN_DYNAMICALLY_PROVISIONED] === LOCAL_PATH_PROVISIONER) this.enqueue(`volume:${v.metadata.name}`);
    };
    this.volumes.addHandler({ add: onVolume, update: (_o, v) => onVolume(v) });
  }

  protected sync(key: string): void {
    if (key.startsWith('claim:')) this.syncClaim(key.slice(6));
    else if (key.startsWith('volume:')) this.syncVolume(key.slice(7));
  }

  private syncClaim(key: string): void {
    const claim = this.claims.get(key);
    const sc = claim ? this.classes.get(claimClass(claim)) : undefined;
    const d = claim ? decideProvision(claim, sc) : { kind: 'skip' as const };
    if (!claim || d.kind === 'skip') {
      this.provisioning.delete(key);
      return;
    }
    if (d.kind === 'fail') {
      this.recorder.event(claim, 'Warning', 'ProvisioningFailed', `failed to provision volume with StorageClass "${sc?.metadata.name}": ${d.message}`);
      return;
    }
    const now = this.ctx.clock.now();
    const due = this.provisioning.get(key);
    if (due === undefined) {
      // Provisioning starts: the helper pod creates the directory on the selected node.
      const ms = Math.round(HELPER_POD_MS[0] + (HELPER_POD_MS[1] - HELPER_POD_MS[0]) * this.ctx.rng.next());
      this.provisioning.set(key, now + ms);
      this.enqueueAfter(`claim:${key}`, ms);
      this.recorder.event(claim, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${key}"`);
      this.ctx.trace.record({ component: this.name, action: 'provision', object: claimRef(claim), message: `Creating directory ${LOCAL_PATH_BASE}/pvc-${claim.metadata.uid}_${claim.metadata.namespace}_${claim.metadata.name} on node ${d.node} for claim ${key} (a helper pod runs there for ${(ms / 1000).toFixed(1)} s).` });
      return;
    }
    if (due > now) return;
    this.provisioning.delete(key);
    const pv = localPathVolume(claim, sc!, d.node);
    try {
      this.ctx.api.create(PVS, '', pv, { user: this.name });
    } catch (e) {
      if (!isAlreadyExists(e)) throw e;
    }
    this.recorder.event(claim, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${pv.metadata.name}`);
    this.ctx.trace.record({ component: this.name, action: 'create', object: { kind: 'PersistentVolume', name: pv.metadata.name ?? '' }, cause: claimRef(claim), message: `Created PersistentVolume ${pv.metadata.name} (${pv.spec.capacity?.storage}, node affinity kubernetes.io/hostname=${d.node}) pre-bound to claim ${key}; the PV controller completes the binding.` });
  }

  private syncVolume(name: string): void {
    const v = this.volumes.get(name);
    const wants = !!v && v.status?.phase === 'Released' && v.spec.persistentVolumeReclaimPolicy === 'Delete' && !v.metadata.deletionTimestamp;
    if (!v || !wants) {
      this.deleting.delete(name);
      return;
    }
    const now = this.ctx.clock.now();
    const due = this.deleting.get(name);
    if (due === undefined) {
      const ms = Math.round(HELPER_POD_MS[0] + (HELPER_POD_MS[1] - HELPER_POD_MS[0]) * this.ctx.rng.next());
      this.deleting.set(name, now + ms);
      this.enqueueAfter(`volume:${name}`, ms);
      this.ctx.trace.record({ component: this.name, action: 'delete', object: { kind: 'PersistentVolume', name, uid: v.metadata.uid }, message: `Volume ${name} is Released with reclaim policy Delete: removing ${v.spec.hostPath?.path ?? 'its directory'} (helper pod, ${(ms / 1000).toFixed(1)} s), then the PersistentVolume.` });
      return;
    }
    if (due > now) return;
    this.deleting.delete(name);
    try {
      this.ctx.api.delete(PVS, '', name, { user: this.name });
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }

  protected override saveExtra(): SavedState {
    return { provisioning: [...this.provisioning.entries()], deleting: [...this.deleting.entries()] };
  }

  protected override loadExtra(s: unknown): void {
    const st = (s as SavedState | null) ?? { provisioning: [], deleting: [] };
    this.provisioning = new Map(st.provisioning);
    this.deleting = new Map(st.deleting);
  }
}

function claimRef(c: PersistentVolumeClaim) {
  return { kind: 'PersistentVolumeClaim', namespace: c.metadata.namespace, name: c.metadata.name ?? '', uid: c.metadata.uid };
}
