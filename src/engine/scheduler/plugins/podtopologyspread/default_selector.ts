// DefaultSelector: mirrors pkg/scheduler/framework/plugins/helper/spread.go. The pods "like" this one
// are those its Services and its controlling RC / ReplicaSet / StatefulSet select. (Services do not
// exist in the simulator yet, so only the controller counts.)
import type { Pod } from '../../../api/core';
import { fromLabelSelector, fromSet, type Selector } from '../../../api/labels';
import { controllerOf } from '../../../api/meta';
import type { Handle } from '../../framework/handle';

/** The selector, or an empty list when the pod has no such owner (then no default spreading). */
export function defaultSelector(pod: Pod, handle: Handle): Selector {
  const owner = controllerOf(pod);
  if (!owner) return [];
  const ns = pod.metadata.namespace ?? '';
  if (owner.apiVersion === 'v1' && owner.kind === 'ReplicationController') {
    const rc = handle.getReplicationController(ns, owner.name);
    return rc ? fromSet(rc.spec.selector) : [];
  }
  if (owner.apiVersion === 'apps/v1' && owner.kind === 'ReplicaSet') {
    const rs = handle.getReplicaSet(ns, owner.name);
    return rs ? safeSelector(rs.spec.selector) : [];
  }
  if (owner.apiVersion === 'apps/v1' && owner.kind === 'StatefulSet') {
    const ss = handle.getStatefulSet(ns, owner.name);
    return ss ? safeSelector(ss.spec?.selector) : [];
  }
  return [];
}

function safeSelector(ls: Parameters<typeof fromLabelSelector>[0]): Selector {
  try {
    return fromLabelSelector(ls) ?? [];
  } catch {
    return [];
  }
}
