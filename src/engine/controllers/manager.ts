// kube-controller-manager: builds every controller, in a fixed order (the order work is done in
// each settle round, which keeps runs deterministic).
import type { Component, ComponentContext } from '../component';
import { GarbageCollector } from './garbagecollector/garbagecollector';
import { NodeLifecycleController } from './nodelifecycle/node_lifecycle_controller';
import { TaintEvictionController } from './tainteviction/taint_eviction';
import { PodGCController } from './podgc/gc_controller';
import { DeploymentController } from './deployment/deployment_controller';
import { ReplicaSetController } from './replicaset/replica_set';
import { ReplicationManager } from './replicaset/replication_controller';

export function createControllers(ctx: ComponentContext): Component[] {
  return [
    // Workload controllers first: a Deployment change becomes ReplicaSet changes, which become
    // pod creates/deletes, in one settle round.
    new DeploymentController(ctx),
    new ReplicaSetController(ctx),
    new ReplicationManager(ctx),
    new GarbageCollector(ctx),
    new NodeLifecycleController(ctx),
    new TaintEvictionController(ctx),
    new PodGCController(ctx),
  ];
}
