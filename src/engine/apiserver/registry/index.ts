// Registers every served resource's strategy (pkg/registry/<group>/<resource>/strategy.go) and
// field selectors, and the admission chain, with the API server: what kube-apiserver's
// pkg/controlplane/instance.go and its REST storage providers do at start-up.
import type { APIServer, FieldGetter } from '../apiserver';
import type { ClusterConfig } from '../../component';
import type { Strategy } from '../types';
import { admissionChain } from '../admission';
import { deploymentStrategy } from './apps/deployment/strategy';
import { replicaSetFieldGetters, replicaSetStrategy } from './apps/replicaset/strategy';
import { eventFieldGetters, eventStrategy } from './core/event/strategy';
import { namespaceFieldGetters, namespaceStrategy } from './core/namespace/strategy';
import { nodeFieldGetters, nodeStrategy } from './core/node/strategy';
import { podFieldGetters, podStrategy } from './core/pod/strategy';
import { replicationControllerFieldGetters, replicationControllerStrategy } from './core/replicationcontroller/strategy';

/** `group/resource` -> strategy and field getters. */
export const BUILTIN_REGISTRY: Record<string, { strategy: Strategy; fields?: Record<string, FieldGetter> }> = {
  '/pods': { strategy: podStrategy, fields: podFieldGetters },
  '/nodes': { strategy: nodeStrategy, fields: nodeFieldGetters },
  '/namespaces': { strategy: namespaceStrategy, fields: namespaceFieldGetters },
  '/events': { strategy: eventStrategy, fields: eventFieldGetters },
  '/replicationcontrollers': { strategy: replicationControllerStrategy, fields: replicationControllerFieldGetters },
  'apps/deployments': { strategy: deploymentStrategy },
  'apps/replicasets': { strategy: replicaSetStrategy, fields: replicaSetFieldGetters },
};

export function registerBuiltins(api: APIServer, config: ClusterConfig): void {
  for (const info of api.catalogue.all()) {
    const entry = BUILTIN_REGISTRY[`${info.group}/${info.resource}`];
    // Kinds added to the catalogue later register their own strategy; until then they get the generic one.
    api.register(info.group, info.resource, entry?.strategy ?? {}, entry?.fields ?? {});
  }
  for (const plugin of admissionChain(config)) api.addAdmission(plugin);
}
