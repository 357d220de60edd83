// framework.Handle: what plugins may read besides the pod and the node (pkg/scheduler/framework/interface.go).
import type { ReplicationController } from '../../api/core';
import type { ReplicaSet } from '../../api/apps';
import type { KubeObject, LabelSelector } from '../../api/meta';
import type { NodeInfo } from './node_info';
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '../../api/storage';

export interface StatefulSetLike extends KubeObject {
  spec?: { selector?: LabelSelector };
}

export interface Handle {
  /** SnapshotSharedLister().NodeInfos().List(): every schedulable-or-not node, in a stable order. */
  nodeInfos(): readonly NodeInfo[];
  /** Listers used by PodTopologySpread's DefaultSelector. */
  getReplicaSet(namespace: string, name: string): ReplicaSet | undefined;
  getReplicationController(namespace: string, name: string): ReplicationController | undefined;
  getStatefulSet(namespace: string, name: string): StatefulSetLike | undefined;
  /** Listers used by VolumeBinding (absent in plugin tests that need no storage). */
  getPersistentVolumeClaim?(namespace: string, name: string): PersistentVolumeClaim | undefined;
  getPersistentVolume?(name: string): PersistentVolume | undefined;
  listPersistentVolumes?(): readonly PersistentVolume[];
  getStorageClass?(name: string): StorageClass | undefined;
}

/** A Handle for plugin tests: the given nodes and no workloads. */
export function staticHandle(nodes: readonly NodeInfo[], objs: { replicaSets?: ReplicaSet[]; rcs?: ReplicationController[]; statefulSets?: StatefulSetLike[] } = {}): Handle {
  const find = <T extends KubeObject>(list: T[] | undefined, ns: string, name: string) =>
    list?.find((o) => o.metadata.namespace === ns && o.metadata.name === name);
  return {
    nodeInfos: () => nodes,
    getReplicaSet: (ns, name) => find(objs.replicaSets, ns, name),
    getReplicationController: (ns, name) => find(objs.rcs, ns, name),
    getStatefulSet: (ns, name) => find(objs.statefulSets, ns, name),
  };
}
