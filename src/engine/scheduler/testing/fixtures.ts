// Small builders for plugin tests: a NodeInfo from a node and the pods already on it.
import type { Pod } from '../../api/core';
import { newPodInfo, NodeInfo } from '../framework/node_info';
import { nodeObject, podObject, type NodeSpecLite, type PodSpecLite } from './harness';

export function nodeInfo(n: NodeSpecLite, pods: PodSpecLite[] = []): NodeInfo {
  const ni = new NodeInfo(n.name);
  ni.setNode(nodeObject(n));
  for (const p of pods) {
    const pod = podObject(p);
    pod.spec.nodeName = n.name;
    ni.addPod(newPodInfo(`${pod.metadata.namespace}/${pod.metadata.name}`, pod));
  }
  return ni;
}

export function pod(p: Partial<PodSpecLite> = {}): Pod {
  const out = podObject({ name: 'p', ...p });
  out.metadata.uid = `uid-${out.metadata.name}`;
  return out;
}
