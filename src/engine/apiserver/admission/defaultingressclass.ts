// DefaultIngressClass admission: mirrors plugin/pkg/admission/network/defaultingressclass/
// admission.go. An Ingress created with neither spec.ingressClassName nor the deprecated
// kubernetes.io/ingress.class annotation gets the IngressClass annotated
// ingressclass.kubernetes.io/is-default-class: "true" (in this cluster: `nginx`). With several
// defaults the newest wins (creationTimestamp, then name), as for StorageClasses.
import type { Ingress, IngressClass } from '../../api/networking';
import { ANN_DEFAULT_INGRESS_CLASS, ANN_INGRESS_CLASS } from '../../api/networking';
import { grKey } from '../../store/store';
import type { AdmissionPlugin } from '../types';

export function defaultIngressClassOf(classes: readonly IngressClass[]): IngressClass | undefined {
  let best: IngressClass | undefined;
  for (const c of classes) {
    if (c.metadata.annotations?.[ANN_DEFAULT_INGRESS_CLASS] !== 'true') continue;
    const a = c.metadata.creationTimestamp ?? '';
    const b = best?.metadata.creationTimestamp ?? '';
    if (!best || a > b || (a === b && (c.metadata.name ?? '') < (best.metadata.name ?? ''))) best = c;
  }
  return best;
}

export const defaultIngressClass: AdmissionPlugin = {
  name: 'DefaultIngressClass',
  admit(a) {
    if (a.operation !== 'CREATE' || a.subresource || a.info.group !== 'networking.k8s.io' || a.info.resource !== 'ingresses') return;
    const ing = a.object as Ingress;
    if (ing.spec?.ingressClassName !== undefined || ing.metadata.annotations?.[ANN_INGRESS_CLASS] !== undefined) return;
    const def = defaultIngressClassOf(a.ctx.store.list(grKey('networking.k8s.io', 'ingressclasses')) as IngressClass[]);
    if (def) (ing.spec ??= {}).ingressClassName = def.metadata.name;
  },
};
