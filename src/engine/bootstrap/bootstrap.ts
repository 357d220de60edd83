// The default cluster, as `kind create cluster` leaves it: mirrors kubeadm init/join (namespaces,
// control-plane static pods, CoreDNS) plus kind's own add-ons. Nodes are created through
// cluster.addNode (each kubelet registers its Node and runs its static pods); API objects are
// created through the API server under the user that creates them in a real cluster.
import type { KubeObject } from '../api/meta';
import type { Namespace } from '../api/core';
import type { APIServer } from '../apiserver/apiserver';
import { isAlreadyExists } from '../apiserver/errors';
import type { NodeConfig } from '../kubelet/kubelet';
import { corednsDeployment, kindnetDaemonSet, kubeProxyDaemonSet, localPathProvisionerDeployment } from './addons';
import { bootstrapConfigMaps } from './configmaps';
import { standardStorageClass } from './storageclass';
import { nginxIngressClass } from './ingress';
import { kubeDNSService, kubernetesEndpointSlice, kubernetesEndpoints, kubernetesService } from './services';

export { defaultNodes, workerName, nodeIP, CONTROL_PLANE_NAME } from './nodes';
export { staticPodManifests } from './staticpods';
export { corednsDeployment, localPathProvisionerDeployment } from './addons';

/**
 * How long the Cluster should advance after bootstrap for the system pods to be Running: image
 * pulls of the control-plane and add-on images take tens of seconds, and CoreDNS's readiness
 * probe passes a few seconds after its container starts. 90 s covers them with margin.
 */
export const BOOT_SETTLE_MS = 90_000;

/** The parts of Cluster that bootstrap uses (Cluster satisfies it; tests can pass a stand-in). */
export interface BootstrapTarget {
  readonly api: APIServer;
  addNode(cfg: NodeConfig): unknown;
}

/**
 * Namespaces and who creates them: the API server's system-namespaces controller makes the first
 * four itself; kind's storage manifest (applied at `kind create cluster`) makes local-path-storage.
 */
export const SYSTEM_NAMESPACES: { name: string; user: string }[] = [
  { name: 'default', user: 'system:apiserver' },
  { name: 'kube-system', user: 'system:apiserver' },
  { name: 'kube-public', user: 'system:apiserver' },
  { name: 'kube-node-lease', user: 'system:apiserver' },
  { name: 'local-path-storage', user: 'kubeadm' },
];

const NAMESPACES = { group: '', resource: 'namespaces' };
const DEPLOYMENTS = { group: 'apps', resource: 'deployments' };
const DAEMONSETS = { group: 'apps', resource: 'daemonsets' };

export function bootstrapCluster(cluster: BootstrapTarget, nodes: NodeConfig[], opts: { bare: boolean }): void {
  // Namespaces first: mirror pods land in kube-system as soon as the control-plane kubelet starts.
  for (const ns of SYSTEM_NAMESPACES) {
    const body: Namespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns.name } };
    createIfMissing(cluster.api, NAMESPACES, '', body, ns.user);
  }
  // kube-apiserver's own `kubernetes` Service (10.96.0.1:443) and the endpoints it maintains for it.
  createIfMissing(cluster.api, { group: '', resource: 'services' }, 'default', kubernetesService(), 'system:apiserver');
  createIfMissing(cluster.api, { group: '', resource: 'endpoints' }, 'default', kubernetesEndpoints(), 'system:apiserver');
  createIfMissing(cluster.api, { group: 'discovery.k8s.io', resource: 'endpointslices' }, 'default', kubernetesEndpointSlice(), 'system:apiserver');
  // kubeadm's and kind's ConfigMaps (CoreDNS's Corefile, kube-proxy, cluster-info, local-path-config).
  for (const c of bootstrapConfigMaps()) createIfMissing(cluster.api, { group: '', resource: 'configmaps' }, c.metadata.namespace!, c, 'kubeadm');
  for (const cfg of nodes) cluster.addNode(cfg);
  if (opts.bare) return;
  // kubeadm's "addon/coredns" phase, then kind's default storage.
  createIfMissing(cluster.api, DAEMONSETS, 'kube-system', kubeProxyDaemonSet(), 'kubeadm');
  createIfMissing(cluster.api, DEPLOYMENTS, 'kube-system', corednsDeployment(), 'kubeadm');
  // kind installs its CNI (kindnet) right after kubeadm init.
  createIfMissing(cluster.api, DAEMONSETS, 'kube-system', kindnetDaemonSet(), 'kubeadm');
  createIfMissing(cluster.api, { group: '', resource: 'services' }, 'kube-system', kubeDNSService(), 'kubeadm');
  createIfMissing(cluster.api, DEPLOYMENTS, 'local-path-storage', localPathProvisionerDeployment(), 'kubeadm');
  createIfMissing(cluster.api, { group: 'storage.k8s.io', resource: 'storageclasses' }, '', standardStorageClass(), 'kubeadm');
  // The simulated ingress-nginx controller's class (not part of plain kind; see ingress.ts).
  createIfMissing(cluster.api, { group: 'networking.k8s.io', resource: 'ingressclasses' }, '', nginxIngressClass(), 'kubectl');
}

function createIfMissing(api: APIServer, gvr: { group: string; resource: string }, namespace: string, body: KubeObject, user: string): void {
  if (!api.served(gvr.group, gvr.resource)) return;
  try {
    api.create(gvr, namespace, body, { user });
  } catch (e) {
    if (!isAlreadyExists(e)) throw e;
  }
}
