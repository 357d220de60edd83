// NetworkPolicy strategy: mirrors pkg/registry/networking/networkpolicy/strategy.go and
// SetDefaults_NetworkPolicy / SetDefaults_NetworkPolicyPort (pkg/apis/networking/v1/defaults.go).
import type { NetworkPolicy } from '../../../../api/networking';
import type { Strategy } from '../../../types';
import { validateNetworkPolicy } from '../../../validation/networking';

/**
 * Ports default to TCP. Without policyTypes a policy is always an Ingress policy, and also an
 * Egress policy when it has egress rules: `{podSelector: {}}` alone is "deny all ingress", and
 * `{podSelector: {}, egress: [{}]}` is an Ingress+Egress policy that allows all egress.
 */
export function setDefaultsNetworkPolicy(np: NetworkPolicy): void {
  np.spec ??= { podSelector: {} };
  np.spec.podSelector ??= {};
  for (const r of [...(np.spec.ingress ?? []), ...(np.spec.egress ?? [])]) for (const p of r.ports ?? []) p.protocol ??= 'TCP';
  if (!np.spec.policyTypes?.length) np.spec.policyTypes = np.spec.egress?.length ? ['Ingress', 'Egress'] : ['Ingress'];
}

export const networkPolicyStrategy: Strategy = {
  tracksGeneration: true,
  defaults: (obj) => setDefaultsNetworkPolicy(obj as NetworkPolicy),
  validate: (obj) => validateNetworkPolicy(obj as NetworkPolicy),
  validateUpdate: (obj) => validateNetworkPolicy(obj as NetworkPolicy),
};
