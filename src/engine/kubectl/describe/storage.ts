// describe pvc / pv / storageclass / pdb: mirrors PersistentVolumeClaimDescriber,
// PersistentVolumeDescriber, StorageClassDescriber and PodDisruptionBudgetDescriber in
// staging/src/k8s.io/kubectl/pkg/describe/describe.go.
import type { Event, Pod } from '../../api/core';
import { labelSelectorString } from '../../api/labels';
import type { PodDisruptionBudget } from '../../api/policy';
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '../../api/storage';
import { claimClass, isDefaultClass, volumeClass } from '../../api/storage';
import { humanDuration } from '../duration';
import type { PrintContext } from '../printers/columns';
import { accessModesString } from '../printers/columns_storage';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './helpers';
import { LEVEL_0, LEVEL_1, LEVEL_2, PrefixWriter } from './writer';

/** Go's %v of a []string: `[a b]`. */
const goList = (xs: string[] | undefined) => `[${(xs ?? []).join(' ')}]`;

function terminatingFor(ts: string, p: PrintContext): string {
  return `Terminating (lasts ${humanDuration(p.now - p.parse(ts))})`;
}

export function describePersistentVolumeClaim(c: PersistentVolumeClaim, usedBy: Pod[], events: Event[], p: PrintContext): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${c.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${c.metadata.namespace}\n`);
  w.write(LEVEL_0, `StorageClass:\t${claimClass(c)}\n`);
  w.write(LEVEL_0, `Status:\t${c.metadata.deletionTimestamp ? terminatingFor(c.metadata.deletionTimestamp, p) : c.status?.phase ?? ''}\n`);
  w.write(LEVEL_0, `Volume:\t${c.spec.volumeName ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', c.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', c.metadata.annotations);
  w.write(LEVEL_0, `Finalizers:\t${goList(c.metadata.finalizers)}\n`);
  const bound = !!c.spec.volumeName;
  w.write(LEVEL_0, `Capacity:\t${bound ? c.status?.capacity?.storage ?? '' : ''}\n`);
  w.write(LEVEL_0, `Access Modes:\t${bound ? accessModesString(c.status?.accessModes) : ''}\n`);
  if (c.spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${c.spec.volumeMode}\n`);
  if (!usedBy.length) w.write(LEVEL_0, 'Used By:\t<none>\n');
  else usedBy.forEach((pod, i) => w.write(LEVEL_0, `${i === 0 ? 'Used By:\t' : '\t'}${pod.metadata.name}\n`));
  describeEvents(w, events, p);
  return w.toString();
}

export function describePersistentVolume(v: PersistentVolume, events: Event[], p: PrintContext): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${v.metadata.name}\n`);
  printLabelsMultiline(w, 'Labels', v.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', v.metadata.annotations);
  w.write(LEVEL_0, `Finalizers:\t${goList(v.metadata.finalizers)}\n`);
  w.write(LEVEL_0, `StorageClass:\t${volumeClass(v)}\n`);
  w.write(LEVEL_0, `Status:\t${v.metadata.deletionTimestamp ? terminatingFor(v.metadata.deletionTimestamp, p) : v.status?.phase ?? ''}\n`);
  w.write(LEVEL_0, `Claim:\t${v.spec.claimRef ? `${v.spec.claimRef.namespace}/${v.spec.claimRef.name}` : ''}\n`);
  w.write(LEVEL_0, `Reclaim Policy:\t${v.spec.persistentVolumeReclaimPolicy ?? ''}\n`);
  w.write(LEVEL_0, `Access Modes:\t${accessModesString(v.spec.accessModes)}\n`);
  if (v.spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${v.spec.volumeMode}\n`);
  w.write(LEVEL_0, `Capacity:\t${v.spec.capacity?.storage ?? ''}\n`);
  const terms = v.spec.nodeAffinity?.required?.nodeSelectorTerms;
  if (!terms) w.write(LEVEL_0, 'Node Affinity:\t<none>\n');
  else {
    w.write(LEVEL_0, 'Node Affinity:\t\n');
    w.write(LEVEL_1, 'Required Terms:\t\n');
    terms.forEach((t, i) => {
      const exprs = (t.matchExpressions ?? []).map((e) => `${e.key} ${e.operator.toLowerCase()} [${(e.values ?? []).join(' ')}]`);
      w.write(LEVEL_2, `Term ${i}:\t${exprs.join(', ')}\n`);
    });
  }
  w.write(LEVEL_0, `Message:\t${v.status?.message ?? ''}\n`);
  w.write(LEVEL_0, 'Source:\n');
  if (v.spec.hostPath) {
    w.write(LEVEL_1, 'Type:\tHostPath (bare host directory volume)\n');
    w.write(LEVEL_1, `Path:\t${v.spec.hostPath.path}\n`);
    w.write(LEVEL_1, `HostPathType:\t${v.spec.hostPath.type ?? ''}\n`);
  } else if (v.spec.local) {
    w.write(LEVEL_1, 'Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n');
    w.write(LEVEL_1, `Path:\t${v.spec.local.path}\n`);
  } else if (v.spec.nfs) {
    w.write(LEVEL_1, 'Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n');
    w.write(LEVEL_1, `Server:\t${v.spec.nfs.server}\n`);
    w.write(LEVEL_1, `Path:\t${v.spec.nfs.path}\n`);
    w.write(LEVEL_1, 'ReadOnly:\tfalse\n');
  }
  describeEvents(w, events, p);
  return w.toString();
}

export function describeStorageClass(sc: StorageClass, events: Event[], p: PrintContext): string {
  const w = new PrefixWriter();
  const kv = (m: Record<string, string> | undefined) => {
    const ks = Object.keys(m ?? {}).sort();
    return ks.length ? ks.map((k) => `${k}=${m![k]}`).join(',') : '<none>';
  };
  w.write(LEVEL_0, `Name:\t${sc.metadata.name}\n`);
  w.write(LEVEL_0, `IsDefaultClass:\t${isDefaultClass(sc) ? 'Yes' : 'No'}\n`);
  w.write(LEVEL_0, `Annotations:\t${kv(sc.metadata.annotations)}\n`);
  w.write(LEVEL_0, `Provisioner:\t${sc.provisioner}\n`);
  w.write(LEVEL_0, `Parameters:\t${kv(sc.parameters)}\n`);
  w.write(LEVEL_0, `AllowVolumeExpansion:\t${sc.allowVolumeExpansion === undefined ? '<unset>' : String(sc.allowVolumeExpansion)}\n`);
  w.write(LEVEL_0, `MountOptions:\t${sc.mountOptions?.length ? '' : '<none>'}\n`);
  for (const o of sc.mountOptions ?? []) w.write(LEVEL_1, `${o}\n`);
  w.write(LEVEL_0, `ReclaimPolicy:\t${sc.reclaimPolicy ?? ''}\n`);
  w.write(LEVEL_0, `VolumeBindingMode:\t${sc.volumeBindingMode ?? ''}\n`);
  describeEvents(w, events, p);
  return w.toString();
}

export function describePodDisruptionBudget(pdb: PodDisruptionBudget, events: Event[], p: PrintContext): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${pdb.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${pdb.metadata.namespace}\n`);
  if (pdb.spec.minAvailable !== undefined) w.write(LEVEL_0, `Min available:\t${pdb.spec.minAvailable}\n`);
  else if (pdb.spec.maxUnavailable !== undefined) w.write(LEVEL_0, `Max unavailable:\t${pdb.spec.maxUnavailable}\n`);
  w.write(LEVEL_0, `Selector:\t${pdb.spec.selector ? labelSelectorString(pdb.spec.selector) : '<unset>'}\n`);
  const st = pdb.status;
  w.write(LEVEL_0, 'Status:\n');
  w.write(LEVEL_2, `Allowed disruptions:\t${st?.disruptionsAllowed ?? 0}\n`);
  w.write(LEVEL_2, `Current:\t${st?.currentHealthy ?? 0}\n`);
  w.write(LEVEL_2, `Desired:\t${st?.desiredHealthy ?? 0}\n`);
  w.write(LEVEL_2, `Total:\t${st?.expectedPods ?? 0}\n`);
  describeEvents(w, events, p);
  return w.toString();
}
