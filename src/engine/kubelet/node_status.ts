// Node registration and status: mirrors pkg/kubelet/kubelet_node_status.go (initialNode,
// registerWithAPIServer) and pkg/kubelet/nodestatus/setters.go (NodeAddress, MachineInfo,
// Images, ReadyCondition, MemoryPressureCondition …), with the values a kind node reports.
import type { Node, NodeStatus } from '../api/core';
import type { Condition } from '../api/meta';
import { bytes } from '../api/quantity';
import type { NodeConfig } from './kubelet';

export interface NodeIdentity {
  machineID: string;
  systemUUID: string;
  bootID: string;
}

export function nodeIP(cfg: NodeConfig): string {
  return `172.18.0.${cfg.index + 2}`;
}

export function podCIDR(cfg: NodeConfig): string {
  return `10.244.${cfg.index}.0/24`;
}

/** Memory in Ki, as cAdvisor reports it (4Gi → 4194304Ki). */
function memoryKi(v: string): string {
  return `${Math.floor(bytes(v) / 1024)}Ki`;
}

const CONDITIONS: [type: string, reason: string, message: string][] = [
  ['MemoryPressure', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
  ['DiskPressure', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
  ['PIDPressure', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
];

/** The four node conditions of a healthy kubelet; lastTransitionTime kept when unchanged. */
export function nodeConditions(old: Condition[] | undefined, nowIso: string): Condition[] {
  const keep = (type: string, status: Condition['status']) => {
    const prev = old?.find((c) => c.type === type);
    return prev && prev.status === status ? prev.lastTransitionTime : nowIso;
  };
  const out: Condition[] = CONDITIONS.map(([type, reason, message]) => ({
    type, status: 'False', lastHeartbeatTime: nowIso, lastTransitionTime: keep(type, 'False'), reason, message,
  }));
  out.push({ type: 'Ready', status: 'True', lastHeartbeatTime: nowIso, lastTransitionTime: keep('Ready', 'True'), reason: 'KubeletReady', message: 'kubelet is posting ready status' });
  return out;
}

export function initialNode(cfg: NodeConfig, id: NodeIdentity, kubeletVersion: string, nowIso: string): Node {
  const capacity = {
    cpu: cfg.cpu,
    'ephemeral-storage': '102626232Ki',
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: memoryKi(cfg.memory),
    pods: String(cfg.pods),
  };
  const status: NodeStatus = {
    capacity,
    allocatable: { ...capacity },
    conditions: nodeConditions(undefined, nowIso),
    addresses: [
      { type: 'InternalIP', address: nodeIP(cfg) },
      { type: 'Hostname', address: cfg.name },
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    nodeInfo: {
      machineID: id.machineID,
      systemUUID: id.systemUUID,
      bootID: id.bootID,
      kernelVersion: '6.8.0-1017-gcp',
      osImage: 'Debian GNU/Linux 12 (bookworm)',
      containerRuntimeVersion: 'containerd://1.7.24',
      kubeletVersion,
      kubeProxyVersion: '',
      operatingSystem: 'linux',
      architecture: 'amd64',
    },
    images: [],
  };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: cfg.name,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': cfg.name,
        'kubernetes.io/os': 'linux',
        ...cfg.labels,
      },
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: podCIDR(cfg),
      podCIDRs: [podCIDR(cfg)],
      providerID: `kind://docker/kind/${cfg.name}`,
      ...(cfg.taints.length ? { taints: cfg.taints.map((t) => ({ ...t })) } : {}),
    },
    status,
  };
}

/** status.images: every image on the node, largest first (setters.go Images, max 50). */
export function nodeImages(cache: Record<string, { names: string[]; sizeBytes: number }>): { names: string[]; sizeBytes: number }[] {
  return Object.values(cache)
    .map((i) => ({ names: [...i.names], sizeBytes: i.sizeBytes }))
    .sort((a, b) => b.sizeBytes - a.sizeBytes || (a.names[0] < b.names[0] ? -1 : 1))
    .slice(0, 50);
}
