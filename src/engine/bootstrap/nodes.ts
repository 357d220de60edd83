// The nodes of a default kind cluster: mirrors what `kind create cluster` builds (one
// control-plane container, workers named kind-worker, kind-worker2, …), see kind's
// pkg/cluster/internal/create and the kubeadm config it writes.
import type { NodeConfig } from '../kubelet/kubelet';
import { staticPodManifests } from './staticpods';

export const CONTROL_PLANE_NAME = 'kind-control-plane';
export const DEFAULT_WORKERS = 3;

/** kind-worker, kind-worker2, kind-worker3, … (1-based; the first has no number). */
export function workerName(i: number): string {
  return i === 1 ? 'kind-worker' : `kind-worker${i}`;
}

/** The node IP kind's docker network would hand out: 172.18.0.<index+2>. */
export function nodeIP(index: number): string {
  return `172.18.0.${index + 2}`;
}

export function controlPlaneNode(): NodeConfig {
  const index = 0;
  return {
    name: CONTROL_PLANE_NAME,
    cpu: '2',
    memory: '4Gi',
    pods: 110,
    // kubeadm labels the control plane; kind adds the exclude-from-external-load-balancers label
    // (kubeadm's default since v1.24). The kubelet adds the well-known kubernetes.io/* labels itself.
    labels: {
      'node-role.kubernetes.io/control-plane': '',
      'node.kubernetes.io/exclude-from-external-load-balancers': '',
    },
    taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
    index,
    staticPods: staticPodManifests(CONTROL_PLANE_NAME, nodeIP(index)),
  };
}

export function workerNode(i: number, given: Partial<NodeConfig> = {}): NodeConfig {
  return { name: workerName(i), cpu: '2', memory: '4Gi', pods: 110, labels: {}, taints: [], index: i, ...given };
}

/**
 * The control plane plus workers. `nodes` is a worker count (default 3) or one partial config per
 * worker: `[{ cpu: '4' }, { name: 'gpu-1', labels: { gpu: 'true' } }]` gives kind-worker with 4 CPU
 * and a worker named gpu-1; unspecified fields take the defaults (2 CPU, 4Gi, 110 pods).
 */
export function defaultNodes(nodes?: number | Partial<NodeConfig>[]): NodeConfig[] {
  const partials: Partial<NodeConfig>[] = Array.isArray(nodes)
    ? nodes
    : Array.from({ length: Math.max(0, typeof nodes === 'number' ? Math.floor(nodes) : DEFAULT_WORKERS) }, () => ({}));
  return [controlPlaneNode(), ...partials.map((p, i) => workerNode(i + 1, p))];
}
