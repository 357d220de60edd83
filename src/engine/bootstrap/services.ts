// The Services a fresh kind cluster has: `kubernetes` in default, which kube-apiserver itself
// creates and keeps pointing at the API servers (pkg/controlplane/controller/kubernetesservice,
// pkg/controlplane/reconcilers: its Endpoints and EndpointSlice are written by the API server,
// not by the endpoint controllers, because the Service has no selector), and kubeadm's
// `kube-dns` Service for CoreDNS (cmd/kubeadm/app/phases/addons/dns/manifests.go).
import type { Endpoints, EndpointSlice, Service } from '../api/networking';
import { LABEL_SERVICE_NAME } from '../api/networking';

/** The first address of the service range (10.96.0.0/16 → 10.96.0.1). */
export const KUBERNETES_SERVICE_IP = '10.96.0.1';
/** kubeadm's clusterDNS: the tenth address of the range. */
export const KUBE_DNS_SERVICE_IP = '10.96.0.10';
/** kind-control-plane's address on the docker network, where kube-apiserver listens on 6443. */
export const APISERVER_ENDPOINT_IP = '172.18.0.2';
export const APISERVER_PORT = 6443;

export function kubernetesService(): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      clusterIP: KUBERNETES_SERVICE_IP,
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: APISERVER_PORT }],
      sessionAffinity: 'None',
      type: 'ClusterIP',
    },
  };
}

export function kubernetesEndpoints(): Endpoints {
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip: APISERVER_ENDPOINT_IP }], ports: [{ name: 'https', port: APISERVER_PORT, protocol: 'TCP' }] }],
  };
}

export function kubernetesEndpointSlice(): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { [LABEL_SERVICE_NAME]: 'kubernetes' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: [APISERVER_ENDPOINT_IP], conditions: { ready: true } }],
    ports: [{ name: 'https', port: APISERVER_PORT, protocol: 'TCP' }],
  };
}

export function kubeDNSService(): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      clusterIP: KUBE_DNS_SERVICE_IP,
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
      selector: { 'k8s-app': 'kube-dns' },
    },
  };
}
