// The `nginx` IngressClass of ingress-nginx's deploy manifest (deploy/static/provider/kind).
// A plain `kind create cluster` has no ingress controller; this playground ships a simulated one
// (ingress/controller.ts), so the default cluster has its class too, marked default (as
// minikube's ingress addon does) so Ingresses without ingressClassName are served.
import type { IngressClass } from '../api/networking';
import { ANN_DEFAULT_INGRESS_CLASS } from '../api/networking';
import { INGRESS_NGINX_CONTROLLER } from '../ingress/controller';

export function nginxIngressClass(): IngressClass {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'IngressClass',
    metadata: {
      name: 'nginx',
      labels: { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/part-of': 'ingress-nginx', 'app.kubernetes.io/version': '1.12.0' },
      annotations: { [ANN_DEFAULT_INGRESS_CLASS]: 'true' },
    },
    spec: { controller: INGRESS_NGINX_CONTROLLER },
  };
}
