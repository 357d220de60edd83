// kube-controller-manager: builds every controller, in a fixed order (the order work is done in
// each settle round, which keeps runs deterministic).
import type { Component, ComponentContext } from '../component';
import { GarbageCollector } from './garbagecollector/garbagecollector';
import { NodeLifecycleController } from './nodelifecycle/node_lifecycle_controller';
import { TaintEvictionController } from './tainteviction/taint_eviction';
import { PodGCController } from './podgc/gc_controller';

export function createControllers(ctx: ComponentContext): Component[] {
  return [
    // deployment, replicaset, replicationcontroller go first (added with those controllers).
    new GarbageCollector(ctx),
    new NodeLifecycleController(ctx),
    new TaintEvictionController(ctx),
    new PodGCController(ctx),
  ];
}
