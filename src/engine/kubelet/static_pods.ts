// Static pods: mirrors pkg/kubelet/config/file.go (pods read from /etc/kubernetes/manifests) and
// pkg/kubelet/pod/mirror_client.go (the read-only "mirror" pod the kubelet posts to the API so
// kubectl can see it). The mirror is named `<name>-<node>` and owned by the Node.
import type { Node, Pod } from '../api/core';
import { deepCopy } from '../api/meta';

export const CONFIG_MIRROR = 'kubernetes.io/config.mirror';
export const CONFIG_SOURCE = 'kubernetes.io/config.source';
export const CONFIG_HASH = 'kubernetes.io/config.hash';
export const CONFIG_SEEN = 'kubernetes.io/config.seen';

const PRIORITIES: Record<string, number> = { 'system-node-critical': 2000001000, 'system-cluster-critical': 2000000000 };

/** A 32-hex hash of the manifest (the kubelet uses an MD5 of the pod; FNV here, same shape). */
export function manifestHash(pod: Pod): string {
  const text = JSON.stringify(pod);
  let out = '';
  for (let round = 0; round < 4; round++) {
    let h = 0x811c9dc5 ^ (round * 0x9e3779b9);
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}

export function isMirrorPod(pod: Pod): boolean {
  return !!pod.metadata.annotations?.[CONFIG_MIRROR];
}

export function mirrorPodName(manifest: Pod, nodeName: string): string {
  return `${manifest.metadata.name}-${nodeName}`;
}

export function mirrorPod(manifest: Pod, node: Node, seenIso: string): Pod {
  const pod = deepCopy(manifest);
  const hash = manifestHash(manifest);
  const nodeName = node.metadata.name ?? '';
  pod.metadata = {
    ...pod.metadata,
    name: mirrorPodName(manifest, nodeName),
    namespace: manifest.metadata.namespace ?? 'kube-system',
    annotations: { ...(pod.metadata.annotations ?? {}), [CONFIG_HASH]: hash, [CONFIG_MIRROR]: hash, [CONFIG_SEEN]: seenIso, [CONFIG_SOURCE]: 'file' },
    ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: nodeName, uid: node.metadata.uid ?? '', controller: true }],
  };
  pod.spec = { ...pod.spec, nodeName };
  const prio = PRIORITIES[pod.spec.priorityClassName ?? ''];
  if (prio !== undefined) pod.spec.priority = prio;
  delete pod.status;
  return pod;
}
