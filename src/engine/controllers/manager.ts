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
import { JobController } from './job/job_controller';
import { CronJobController } from './cronjob/cronjob_controller';
import { TTLAfterFinishedController } from './ttlafterfinished/ttlafterfinished_controller';
import { HorizontalController } from './podautoscaler/horizontal';
import { MetricsServer } from '../metrics/metrics_server';
import { DaemonSetsController } from './daemon/daemon_controller';
import { StatefulSetController } from './statefulset/stateful_set';
import { EndpointSliceController } from './endpointslice/endpointslice_controller';
import { EndpointsController } from './endpoint/endpoints_controller';
import { ServiceController } from './service/service_controller';
import { PersistentVolumeController } from './volume/persistentvolume/pv_controller';
import { PVCProtectionController } from './volume/pvcprotection/pvc_protection_controller';
import { PVProtectionController } from './volume/pvprotection/pv_protection_controller';
import { DisruptionController } from './disruption/disruption';
import { LocalPathProvisioner } from './localpath/provisioner';
import { NamespaceController } from './namespace/namespace_controller';
import { ResourceQuotaController } from './resourcequota/resource_quota_controller';
import { RootCACertPublisher } from './rootcacertpublisher/publisher';

export function createControllers(ctx: ComponentContext): Component[] {
  return [
    // Workload controllers first: a Deployment change becomes ReplicaSet changes, which become
    // pod creates/deletes, in one settle round.
    new DeploymentController(ctx),
    new ReplicaSetController(ctx),
    new ReplicationManager(ctx),
    // CronJob → Job → pods; the TTL controller deletes finished Jobs; the HPA scales workloads
    // from the metrics server's (simulated) pod CPU usage.
    new CronJobController(ctx),
    new JobController(ctx),
    new TTLAfterFinishedController(ctx),
    ctx.metrics ?? (ctx.metrics = new MetricsServer(ctx)),
    new HorizontalController(ctx),
    new DaemonSetsController(ctx),
    new StatefulSetController(ctx),
    new GarbageCollector(ctx),
    new NodeLifecycleController(ctx),
    new TaintEvictionController(ctx),
    new PodGCController(ctx),
    // Service discovery: EndpointSlices and legacy Endpoints from Services and pods, and the
    // simulated cloud's service controller (cloud-controller-manager) for LoadBalancer IPs.
    new EndpointSliceController(ctx),
    new EndpointsController(ctx),
    new ServiceController(ctx),
    // Storage: claim/volume binding, the in-use protection finalizers, and kind's local-path
    // provisioner (really a pod in local-path-storage; simulated here as a component).
    new PersistentVolumeController(ctx),
    new PVCProtectionController(ctx),
    new PVProtectionController(ctx),
    new LocalPathProvisioner(ctx),
    new DisruptionController(ctx),
    // Namespaces and policy: namespace deletion, quota usage, the kube-root-ca.crt ConfigMaps.
    new NamespaceController(ctx),
    new ResourceQuotaController(ctx),
    new RootCACertPublisher(ctx),
  ];
}
