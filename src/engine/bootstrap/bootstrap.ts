// The default cluster (STUB, filled in by the bootstrap work).
import type { Cluster } from '../cluster';
import type { NodeConfig } from '../kubelet/kubelet';

export function defaultNodes(nodes?: number | Partial<NodeConfig>[]): NodeConfig[] {
  const n = typeof nodes === 'number' ? nodes : Array.isArray(nodes) ? nodes.length : 3;
  const out: NodeConfig[] = [
    { name: 'kind-control-plane', cpu: '2', memory: '4Gi', pods: 110, labels: { 'node-role.kubernetes.io/control-plane': '' }, taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }], index: 0 },
  ];
  for (let i = 1; i <= n; i++) {
    const given = Array.isArray(nodes) ? nodes[i - 1] : undefined;
    out.push({ name: i === 1 ? 'kind-worker' : `kind-worker${i}`, cpu: '2', memory: '4Gi', pods: 110, labels: {}, taints: [], index: i, ...given });
  }
  return out;
}

export function bootstrapCluster(cluster: Cluster, nodes: NodeConfig[], _opts: { bare: boolean }): void {
  for (const n of nodes) cluster.addNode(n);
}
