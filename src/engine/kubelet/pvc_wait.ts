// The kubelet's volume manager for PersistentVolumeClaim volumes (pkg/kubelet/volumemanager,
// desired_state_of_world_populator.go getPVCExtractPV): a claim volume can only be mounted once the
// claim is Bound to a PersistentVolume. Until then the pod gets no sandbox and stays
// ContainerCreating. (Normally the scheduler binds the pod only after its claims are bound, so
// this matters for pods that name spec.nodeName themselves.) Not modelled: the 2m timeout that
// upstream reports as a FailedMount event, attach/detach, and mounting the volume's contents.
import type { Pod } from '../api/core';
import type { PersistentVolumeClaim } from '../api/storage';
import { podClaimNames } from '../api/storage';

/**
 * Why each unready claim blocks the pod, in the populator's words, e.g.
 * `PVC default/data has non-bound phase ("Pending") or empty pvc.Spec.VolumeName ("")`.
 */
export function unreadyClaims(pod: Pod, getClaim: (namespace: string, name: string) => PersistentVolumeClaim | undefined): string[] {
  const ns = pod.metadata.namespace ?? '';
  const out: string[] = [];
  for (const name of podClaimNames(pod.spec)) {
    const c = getClaim(ns, name);
    if (!c) out.push(`error processing PVC ${ns}/${name}: persistentvolumeclaim "${name}" not found`);
    else if (c.metadata.deletionTimestamp) out.push(`error processing PVC ${ns}/${name}: can't start pod because PVC ${ns}/${name} is being deleted`);
    else if (c.status?.phase !== 'Bound' || !c.spec.volumeName) {
      out.push(`PVC ${ns}/${name} has non-bound phase ("${c.status?.phase ?? ''}") or empty pvc.Spec.VolumeName ("${c.spec.volumeName ?? ''}")`);
    }
  }
  return out;
}
