// VolumeBinding's Reserve/PreBind half: mirrors AssumePodVolumes/BindPodVolumes in
// pkg/scheduler/framework/plugins/volumebinding/binder.go. Upstream the binding cycle of the pod
// blocks (in its own goroutine, up to bindTimeoutSeconds = 600 s) until every claim is Bound; the
// pod stays Pending with no node meanwhile. Here the scheduler parks the pod in `waiting` and
// finishes the binding when the claims' informer reports them Bound.
import type { Node, Pod } from '../../../api/core';
import { deepCopy, keyOf } from '../../../api/meta';
import { ANN_SELECTED_NODE } from '../../../api/storage';
import type { APIServer } from '../../../apiserver/apiserver';
import type { VolumeBinding } from './volume_binding';

const PVCS = { group: '', resource: 'persistentvolumeclaims' };
const PVS = { group: '', resource: 'persistentvolumes' };

export class PreBindWaiter {
  /** pod key -> the node it was assigned to, waiting for its claims. */
  waiting = new Map<string, string>();

  constructor(private readonly plugin: VolumeBinding, private readonly api: APIServer, private readonly user: string) {}

  has(key: string): boolean {
    return this.waiting.has(key);
  }

  /**
   * BindPodVolumes: pre-bind chosen static PVs (claimRef) and mark claims to provision with
   * volume.kubernetes.io/selected-node. Returns a plain-words summary when the pod must wait, or
   * undefined when every claim is already Bound (or the pod has none).
   */
  preBind(pod: Pod, node: Node): string | undefined {
    const todo = this.plugin.volumesToBind(pod, node);
    if (!todo || this.plugin.allBound(pod)) return undefined;
    const nodeName = node.metadata.name ?? '';
    const did: string[] = [];
    for (const { claim, volume } of todo.staticBindings) {
      const next = deepCopy(volume);
      next.spec.claimRef = { kind: 'PersistentVolumeClaim', apiVersion: 'v1', namespace: claim.metadata.namespace, name: claim.metadata.name, uid: claim.metadata.uid, resourceVersion: claim.metadata.resourceVersion };
      next.metadata.annotations = { ...(next.metadata.annotations ?? {}), 'pv.kubernetes.io/bound-by-controller': 'yes' };
      this.api.update(PVS, '', next, { user: this.user });
      did.push(`pre-bound volume ${volume.metadata.name} to claim ${claim.metadata.name}`);
    }
    for (const claim of todo.dynamicProvisions) {
      if (claim.metadata.annotations?.[ANN_SELECTED_NODE] === nodeName) continue;
      const next = deepCopy(claim);
      next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [ANN_SELECTED_NODE]: nodeName };
      this.api.update(PVCS, claim.metadata.namespace ?? '', next, { user: this.user });
      did.push(`asked for claim ${claim.metadata.name} to be provisioned on ${nodeName} (${ANN_SELECTED_NODE})`);
    }
    this.waiting.set(keyOf(pod), nodeName);
    return did.length ? did.join('; ') : 'waiting for its claims to be bound';
  }

  /** Pods whose claims are all Bound now (removed from `waiting`), or gone (dropped). */
  takeReady(getPod: (key: string) => Pod | undefined): { pod: Pod; node: string }[] {
    const out: { pod: Pod; node: string }[] = [];
    for (const [key, node] of [...this.waiting.entries()]) {
      const pod = getPod(key);
      if (!pod || pod.spec.nodeName || pod.metadata.deletionTimestamp) {
        this.waiting.delete(key);
        continue;
      }
      if (!this.plugin.allBound(pod)) continue;
      this.waiting.delete(key);
      out.push({ pod, node });
    }
    return out;
  }

  save(): [string, string][] {
    return [...this.waiting.entries()];
  }

  load(s: [string, string][] | undefined): void {
    this.waiting = new Map(s ?? []);
  }
}
