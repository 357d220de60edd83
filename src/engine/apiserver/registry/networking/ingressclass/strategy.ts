// IngressClass strategy: mirrors pkg/registry/networking/ingressclass/strategy.go. Cluster-scoped,
// no status; spec.controller is immutable.
import type { IngressClass } from '../../../../api/networking';
import type { Strategy } from '../../../types';
import { validateIngressClass, validateIngressClassUpdate } from '../../../validation/networking';

export const ingressClassStrategy: Strategy = {
  tracksGeneration: true,
  defaults(obj) {
    (obj as IngressClass).spec ??= {};
  },
  validate: (obj) => validateIngressClass(obj as IngressClass),
  validateUpdate: (obj, old) => validateIngressClassUpdate(obj as IngressClass, old as IngressClass),
};
