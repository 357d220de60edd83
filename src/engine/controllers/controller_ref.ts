// Controller references from a pod to its owner (pkg/controller/controller_utils.go and each
// workload controller's addPod/updatePod/deletePod): which owners a pod event should re-sync.
import type { LabelSelector, KubeObject, OwnerReference } from '../api/meta';
import { controllerOf, objectKey } from '../api/meta';
import { fromLabelSelector, matches } from '../api/labels';
import type { Informer } from '../client/informer';
import { BY_NAMESPACE } from '../client/informer';

type Owner = KubeObject & { spec: { selector?: LabelSelector } };

/** resolveControllerRef: the cached owner a reference names, if its uid still matches. */
export function resolveControllerRef<T extends KubeObject>(owners: Informer<T>, kind: string, namespace: string | undefined, ref: OwnerReference | undefined): T | undefined {
  if (!ref || ref.kind !== kind) return undefined;
  const o = owners.get(objectKey(namespace, ref.name));
  return o && o.metadata.uid === ref.uid ? o : undefined;
}

/**
 * Owners to re-sync for a pod event: its former controller when the reference changed, then its
 * controller; an orphan wakes every owner of that kind whose selector matches it (to adopt it).
 */
export function ownersToSync<T extends Owner>(owners: Informer<T>, kind: string, pod: KubeObject, old: KubeObject | undefined): T[] {
  const out: T[] = [];
  const ref = controllerOf(pod);
  const oldRef = old ? controllerOf(old) : undefined;
  if (oldRef && oldRef.uid !== ref?.uid) {
    const prev = resolveControllerRef(owners, kind, old!.metadata.namespace, oldRef);
    if (prev) out.push(prev);
  }
  if (ref) {
    const cur = resolveControllerRef(owners, kind, pod.metadata.namespace, ref);
    if (cur) out.push(cur);
    return out;
  }
  for (const o of owners.byIndex(BY_NAMESPACE, pod.metadata.namespace ?? '')) {
    const sel = fromLabelSelector(o.spec.selector);
    if (sel && sel.length && matches(sel, pod.metadata.labels)) out.push(o);
  }
  return out;
}
