// Registers every served resource's strategy (pkg/registry/<group>/<resource>/strategy.go) and
// field selectors, and the admission chain, with the API server: what kube-apiserver's
// pkg/controlplane/instance.go and its REST storage providers do at start-up.
import type { APIServer, FieldGetter } from '../apiserver';
import type { ClusterConfig } from '../../component';
import type { Strategy } from '../types';
import { admissionChain } from '../admission';
import { deploymentStrategy } from './apps/deployment/strategy';
import { jobStrategy } from './batch/job/strategy';
import { cronJobStrategy } from './batch/cronjob/strategy';
import { horizontalPodAutoscalerStrategy } from './autoscaling/horizontalpodautoscaler/strategy';
import { replicaSetFieldGetters, replicaSetStrategy } from './apps/replicaset/strategy';
import { daemonSetStrategy } from './apps/daemonset/strategy';
import { statefulSetStrategy } from './apps/statefulset/strategy';
import { controllerRevisionStrategy } from './apps/controllerrevision/strategy';
import { eventFieldGetters, eventStrategy } from './core/event/strategy';
import { namespaceFieldGetters, namespaceStrategy } from './core/namespace/strategy';
import { nodeFieldGetters, nodeStrategy } from './core/node/strategy';
import { podFieldGetters, podStrategy } from './core/pod/strategy';
import { replicationControllerFieldGetters, replicationControllerStrategy } from './core/replicationcontroller/strategy';
import { configMapStrategy } from './core/configmap/strategy';
import { secretFieldGetters, secretStrategy } from './core/secret/strategy';
import { resourceQuotaStrategy } from './core/resourcequota/strategy';
import { limitRangeStrategy } from './core/limitrange/strategy';
import { serviceStrategy } from './core/service/strategy';
import { persistentVolumeClaimFieldGetters, persistentVolumeClaimStrategy } from './core/persistentvolumeclaim/strategy';
import { persistentVolumeFieldGetters, persistentVolumeStrategy } from './core/persistentvolume/strategy';
import { storageClassStrategy } from './storage/storageclass/strategy';
import { podDisruptionBudgetStrategy } from './policy/poddisruptionbudget/strategy';
import { ingressStrategy } from './networking/ingress/strategy';
import { ingressClassStrategy } from './networking/ingressclass/strategy';
import { networkPolicyStrategy } from './networking/networkpolicy/strategy';

/** `group/resource` -> strategy and field getters. */
export const BUILTIN_REGISTRY: Record<string, { strategy: Strategy; fields?: Record<string, FieldGetter> }> = {
  '/pods': { strategy: podStrategy, fields: podFieldGetters },
  '/nodes': { strategy: nodeStrategy, fields: nodeFieldGetters },
  '/namespaces': { strategy: namespaceStrategy, fields: namespaceFieldGetters },
  '/events': { strategy: eventStrategy, fields: eventFieldGetters },
  '/replicationcontrollers': { strategy: replicationControllerStrategy, fields: replicationControllerFieldGetters },
  'apps/deployments': { strategy: deploymentStrategy },
  'apps/replicasets': { strategy: replicaSetStrategy, fields: replicaSetFieldGetters },
  'batch/jobs': { strategy: jobStrategy },
  'batch/cronjobs': { strategy: cronJobStrategy },
  'autoscaling/horizontalpodautoscalers': { strategy: horizontalPodAutoscalerStrategy },
  '/configmaps': { strategy: configMapStrategy },
  '/secrets': { strategy: secretStrategy, fields: secretFieldGetters },
  '/resourcequotas': { strategy: resourceQuotaStrategy },
  '/limitranges': { strategy: limitRangeStrategy },
  '/services': { strategy: serviceStrategy },
  '/persistentvolumeclaims': { strategy: persistentVolumeClaimStrategy, fields: persistentVolumeClaimFieldGetters },
  '/persistentvolumes': { strategy: persistentVolumeStrategy, fields: persistentVolumeFieldGetters },
  'storage.k8s.io/storageclasses': { strategy: storageClassStrategy },
  'policy/poddisruptionbudgets': { strategy: podDisruptionBudgetStrategy },
  'apps/daemonsets': { strategy: daemonSetStrategy },
  'apps/statefulsets': { strategy: statefulSetStrategy },
  'apps/controllerrevisions': { strategy: controllerRevisionStrategy },
  'networking.k8s.io/ingresses': { strategy: ingressStrategy },
  'networking.k8s.io/ingressclasses': { strategy: ingressClassStrategy },
  'networking.k8s.io/networkpolicies': { strategy: networkPolicyStrategy },
};

export function registerBuiltins(api: APIServer, config: ClusterConfig): void {
  for (const info of api.catalogue.all()) {
    const entry = BUILTIN_REGISTRY[`${info.group}/${info.resource}`];
    // Kinds added to the catalogue later register their own strategy; until then they get the generic one.
    api.register(info.group, info.resource, entry?.strategy ?? {}, entry?.fields ?? {});
  }
  for (const plugin of admissionChain(config)) api.addAdmission(plugin);
}
