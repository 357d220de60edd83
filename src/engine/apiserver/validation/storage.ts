// Validation of PersistentVolume, PersistentVolumeClaim (pkg/apis/core/validation/validation.go
// ValidatePersistentVolume*, ValidatePersistentVolumeClaim*) and StorageClass
// (pkg/apis/storage/validation/validation.go). Only the rules a student is likely to trip over.
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '../../api/storage';
import { isQuantity } from '../../api/quantity';
import { forbidden, invalid, notSupported, required, type FieldError } from './field';
import { validateLabelSelector } from './labelselector';
import { canonicalJSON } from './generic';

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const RECLAIM_POLICIES = ['Delete', 'Recycle', 'Retain'];
const SC_RECLAIM_POLICIES = ['Delete', 'Retain'];
const BINDING_MODES = ['Immediate', 'WaitForFirstConsumer'];

function validateAccessModes(modes: string[] | undefined, path: string): FieldError[] {
  if (!modes?.length) return [required(path, 'at least 1 access mode is required')];
  const errs: FieldError[] = [];
  for (const m of modes) if (!ACCESS_MODES.includes(m)) errs.push(notSupported(path, m, ACCESS_MODES));
  if (modes.includes('ReadWriteOncePod') && modes.length > 1) errs.push(forbidden(path, 'may not use ReadWriteOncePod with other access modes'));
  return errs;
}

export function validatePersistentVolumeClaim(c: PersistentVolumeClaim): FieldError[] {
  const errs = validateAccessModes(c.spec?.accessModes, 'spec.accessModes');
  if (c.spec?.selector) errs.push(...validateLabelSelector(c.spec.selector, 'spec.selector'));
  const storage = c.spec?.resources?.requests?.storage;
  if (storage === undefined) errs.push(required('spec.resources[storage]', ''));
  else if (!isQuantity(storage)) errs.push(invalid('spec.resources.requests[storage]', storage, 'must be a valid quantity'));
  return errs;
}

/**
 * ValidatePersistentVolumeClaimUpdate: once created, a claim's spec may only grow its storage
 * request (and a controller may fill in spec.volumeName when binding).
 */
export function validatePersistentVolumeClaimUpdate(c: PersistentVolumeClaim, old: PersistentVolumeClaim): FieldError[] {
  const errs = validatePersistentVolumeClaim(c);
  const strip = (x: PersistentVolumeClaim) => {
    const s = { ...x.spec, resources: { ...x.spec.resources, requests: undefined } } as Record<string, unknown>;
    if (!old.spec.volumeName) delete s.volumeName;
    delete s.volumeAttributesClassName;
    return canonicalJSON(s);
  };
  if (strip(c) !== strip(old)) {
    errs.push(forbidden('spec', 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims'));
  }
  return errs;
}

/** A PV must name exactly one volume source (hostPath, local, nfs, csi, …). */
const NON_SOURCE_FIELDS = new Set([
  'capacity', 'accessModes', 'persistentVolumeReclaimPolicy', 'storageClassName', 'volumeMode', 'claimRef', 'nodeAffinity', 'mountOptions', 'volumeAttributesClassName',
]);

export function validatePersistentVolume(v: PersistentVolume): FieldError[] {
  const errs = validateAccessModes(v.spec?.accessModes, 'spec.accessModes');
  const cap = v.spec?.capacity ?? {};
  if (Object.keys(cap).length === 0) errs.push(required('spec.capacity', ''));
  else if (cap.storage === undefined || Object.keys(cap).length > 1) errs.push(notSupported('spec.capacity', cap, ['storage']));
  else if (!isQuantity(cap.storage)) errs.push(invalid('spec.capacity[storage]', cap.storage, 'must be a valid quantity'));
  const policy = v.spec?.persistentVolumeReclaimPolicy;
  if (policy && !RECLAIM_POLICIES.includes(policy)) errs.push(notSupported('spec.persistentVolumeReclaimPolicy', policy, RECLAIM_POLICIES));
  const sources = Object.keys(v.spec ?? {}).filter((k) => !NON_SOURCE_FIELDS.has(k) && v.spec[k] !== undefined);
  if (sources.length === 0) errs.push(required('spec', 'must specify a volume type'));
  else if (sources.length > 1) errs.push(forbidden(`spec.${sources[1]}`, 'may not specify more than 1 volume type'));
  if (v.spec?.hostPath && !v.spec.hostPath.path) errs.push(required('spec.hostPath.path', ''));
  return errs;
}

export function validatePersistentVolumeUpdate(v: PersistentVolume, old: PersistentVolume): FieldError[] {
  const errs = validatePersistentVolume(v);
  const src = (x: PersistentVolume) => canonicalJSON(Object.fromEntries(Object.entries(x.spec).filter(([k]) => !NON_SOURCE_FIELDS.has(k))));
  if (src(v) !== src(old)) errs.push(forbidden('spec.persistentvolumesource', 'spec.persistentvolumesource is forbidden.'));
  if (old.spec.nodeAffinity && canonicalJSON(old.spec.nodeAffinity) !== canonicalJSON(v.spec.nodeAffinity)) {
    errs.push(forbidden('spec.nodeAffinity', 'field is immutable once set'));
  }
  return errs;
}

export function validateStorageClass(sc: StorageClass): FieldError[] {
  const errs: FieldError[] = [];
  if (!sc.provisioner) errs.push(required('provisioner', ''));
  if (sc.reclaimPolicy && !SC_RECLAIM_POLICIES.includes(sc.reclaimPolicy)) errs.push(notSupported('reclaimPolicy', sc.reclaimPolicy, SC_RECLAIM_POLICIES));
  if (sc.volumeBindingMode && !BINDING_MODES.includes(sc.volumeBindingMode)) errs.push(notSupported('volumeBindingMode', sc.volumeBindingMode, BINDING_MODES));
  return errs;
}

export function validateStorageClassUpdate(sc: StorageClass, old: StorageClass): FieldError[] {
  const errs = validateStorageClass(sc);
  if (canonicalJSON(sc.parameters ?? {}) !== canonicalJSON(old.parameters ?? {})) errs.push(forbidden('parameters', 'updates to parameters are forbidden.'));
  if (sc.provisioner !== old.provisioner) errs.push(forbidden('provisioner', 'updates to provisioner are forbidden.'));
  if (sc.reclaimPolicy !== old.reclaimPolicy) errs.push(forbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
  if (sc.volumeBindingMode !== old.volumeBindingMode) errs.push(forbidden('volumeBindingMode', 'field is immutable'));
  return errs;
}
