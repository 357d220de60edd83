// Ingress strategy: mirrors pkg/registry/networking/ingress/strategy.go. Status (the controller's
// address) is a subresource; spec changes bump generation. Defaults: none in v1 beyond the
// DefaultIngressClass admission plugin, which fills spec.ingressClassName.
import type { Ingress } from '../../../../api/networking';
import type { Strategy } from '../../../types';
import { validateIngress, validateIngressCreate } from '../../../validation/networking';

export const ingressStrategy: Strategy = {
  hasStatus: true,
  tracksGeneration: true,
  defaults(obj) {
    (obj as Ingress).spec ??= {};
  },
  prepareForCreate(obj) {
    (obj as Ingress).status = { loadBalancer: {} };
  },
  validate: (obj) => validateIngressCreate(obj as Ingress),
  validateUpdate: (obj) => validateIngress(obj as Ingress),
};
