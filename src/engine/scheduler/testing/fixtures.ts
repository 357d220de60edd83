// Small builders for plugin tests: a NodeInfo from a node and the pods already on it.
import type { Pod } from '../../api/core';
import { nodeObject, podObject, type NodeOptions, type PodOptions } from '../../testing/objects';
import { newPodInfo, NodeInfo } from '../framework/node_info';

/** A pod of the default namespace unless it names another. */
function defaultPod(p: PodOptions): Pod {
  return podObject({ ...p, namespace: p.namespace ?? 'default' });
}

export function nodeInfo(n: NodeOptions, pods: PodOptions[] = []): NodeInfo {
  const ni = new NodeInfo(n.name);
  ni.setNode(nodeObject(n));
  for (const p of pods) {
    const pod = defaultPod(p);
    pod.spec.nodeName = n.name;
    ni.addPod(newPodInfo(`${pod.metadata.namespace}/${pod.metadata.name}`, pod));
  }
  return ni;
}

export function pod(p: Partial<PodOptions> = {}): Pod {
  const out = defaultPod({ name: 'p', ...p });
  out.metadata.uid = `uid-${out.metadata.name}`;
  return out;
}
