// Pod volumes: mirrors ValidateVolumes and the "exactly one volume type" rule of
// validateVolumeSource in pkg/apis/core/validation/validation.go (source contents are not checked).
import type { Volume } from '../../api/core';
import type { FieldError } from './field';
import { duplicate, forbidden, required } from './field';
import { validateDNS1123Label } from './generic';

/** The volume source fields of core/v1 VolumeSource, in upstream's checking order. */
export const VOLUME_SOURCES = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi',
  'glusterfs', 'flocker', 'persistentVolumeClaim', 'rbd', 'quobyte', 'cinder', 'cephfs', 'flexVolume',
  'downwardAPI', 'fc', 'azureFile', 'configMap', 'vsphereVolume', 'azureDisk', 'photonPersistentDisk',
  'portworxVolume', 'scaleIO', 'storageos', 'csi', 'ephemeral', 'image', 'projected',
];

/** Returns the errors and the names of the valid volumes (what volumeMounts may refer to). */
export function validateVolumes(volumes: Volume[] | undefined, path: string): { errs: FieldError[]; names: Set<string> } {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (volumes ?? []).forEach((v, i) => {
    const p = `${path}[${i}]`;
    const el: FieldError[] = [];
    const sources = VOLUME_SOURCES.filter((s) => v[s] !== undefined && v[s] !== null);
    if (sources.length === 0) el.push(required(p, 'must specify a volume type'));
    for (const s of sources.slice(1)) el.push(forbidden(`${p}.${s}`, 'may not specify more than 1 volume type'));
    if (!v.name) el.push(required(`${p}.name`));
    else el.push(...validateDNS1123Label(v.name, `${p}.name`));
    if (names.has(v.name)) el.push(duplicate(`${p}.name`, v.name));
    if (el.length === 0) names.add(v.name);
    else errs.push(...el);
  });
  return { errs, names };
}
