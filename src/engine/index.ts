// Public engine API. The UI, lessons, scripts and tests import only from here.
import { Cluster, type ClusterOptions } from './cluster';

export type { ChangeBatch, ClusterOptions, CommandResult, ObjectChange, Snapshot } from './cluster';
export type { TraceEntry, ObjectRef } from './sim/trace';
export type { RequestEvent, TrafficStats } from './traffic/traffic';
export type { ControlPlaneStatus, ComponentState as ControlPlaneComponentState } from './sim/controlplane';
export type { KubeObject, ObjectMeta, OwnerReference, Condition } from './api/meta';
export type { Pod, Node, Namespace, Event, Container, ContainerStatus, ReplicationController } from './api/core';
export type { Deployment, ReplicaSet } from './api/apps';
export { Cluster, EPOCH } from './cluster';
export { complete as completeCommandLine, type Completion } from './kubectl/completion';
export { startWatch, type StartedWatch, type WatchHandle } from './kubectl/watch';
export { prepareEdit, finishEdit, type PreparedEdit, type EditTarget } from './kubectl/cmd/edit';
export { setExplainSchema, type ExplainSchema } from './kubectl/explain/schema';

export function createCluster(opts: ClusterOptions = {}): Cluster {
  return new Cluster(opts);
}
