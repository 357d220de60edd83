// The scheduler's cache of nodes and of the pods placed on them: mirrors pkg/scheduler/backend/cache
// (cache.go, node tree, image states). Updated incrementally from informer events, so a scheduling
// cycle never rescans all pods.
import type { Node, Pod } from '../../api/core';
import { newPodInfo, NodeInfo, type ImageStateSummary } from '../framework/node_info';

interface ImageState extends ImageStateSummary {
  nodes: Set<string>;
}

export class SchedulerCache {
  private nodes = new Map<string, NodeInfo>();
  /** Nodes with a Node object, sorted by name (a stable order that survives snapshot restore). */
  private list: NodeInfo[] | null = null;
  private images = new Map<string, ImageState>();
  /** pod key -> node name, for pods the cache has placed. */
  private podNode = new Map<string, string>();

  private info(name: string): NodeInfo {
    let ni = this.nodes.get(name);
    if (!ni) {
      ni = new NodeInfo(name);
      this.nodes.set(name, ni);
    }
    return ni;
  }

  nodeInfo(name: string): NodeInfo | undefined {
    return this.nodes.get(name);
  }

  /** The nodes to schedule onto (SnapshotSharedLister().NodeInfos().List()). */
  nodeInfoList(): NodeInfo[] {
    if (!this.list) {
      this.list = [...this.nodes.values()].filter((n) => n.node).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    }
    return this.list;
  }

  addOrUpdateNode(node: Node): void {
    const name = node.metadata.name ?? '';
    const ni = this.info(name);
    const wasListed = !!ni.node;
    this.removeNodeImageStates(name, ni);
    ni.setNode(node);
    this.addNodeImageStates(node, ni);
    if (!wasListed) this.list = null;
  }

  removeNode(name: string): void {
    const ni = this.nodes.get(name);
    if (!ni) return;
    this.removeNodeImageStates(name, ni);
    ni.setNode(undefined);
    // Pods still bound to a deleted node keep a "ghost" NodeInfo until they go away.
    if (ni.pods.size === 0) this.nodes.delete(name);
    this.list = null;
  }

  /** Add or replace an assigned pod (a pod the scheduler should count on its node). */
  addOrUpdatePod(key: string, pod: Pod): void {
    const nodeName = pod.spec.nodeName ?? '';
    const prev = this.podNode.get(key);
    if (prev !== undefined && prev !== nodeName) this.removePod(key);
    // A status update keeps the stored spec object (the API server shares unchanged subtrees):
    // then the requests and ports parsed last time still hold.
    const known = prev === nodeName ? this.nodes.get(nodeName)?.pods.get(key) : undefined;
    this.info(nodeName).addPod(known && known.pod.spec === pod.spec ? { ...known, pod } : newPodInfo(key, pod));
    this.podNode.set(key, nodeName);
  }

  removePod(key: string): void {
    const nodeName = this.podNode.get(key);
    if (nodeName === undefined) return;
    this.podNode.delete(key);
    const ni = this.nodes.get(nodeName);
    if (!ni) return;
    ni.removePod(key);
    if (!ni.node && ni.pods.size === 0) this.nodes.delete(nodeName);
  }

  hasPod(key: string): boolean {
    return this.podNode.has(key);
  }

  podCount(): number {
    return this.podNode.size;
  }

  /** The images a node reports, shared across nodes so each summary knows on how many nodes it is. */
  private addNodeImageStates(node: Node, ni: NodeInfo): void {
    const summaries = new Map<string, ImageStateSummary>();
    for (const img of node.status?.images ?? []) {
      for (const name of img.names ?? []) {
        let st = this.images.get(name);
        if (!st) {
          st = { size: img.sizeBytes, numNodes: 0, nodes: new Set() };
          this.images.set(name, st);
        }
        if (!st.nodes.has(ni.name)) {
          st.nodes.add(ni.name);
          st.numNodes = st.nodes.size;
        }
        summaries.set(name, st);
      }
    }
    ni.imageStates = summaries;
  }

  private removeNodeImageStates(name: string, ni: NodeInfo): void {
    for (const imageName of ni.imageStates.keys()) {
      const st = this.images.get(imageName);
      if (!st) continue;
      st.nodes.delete(name);
      st.numNodes = st.nodes.size;
      if (st.nodes.size === 0) this.images.delete(imageName);
    }
    ni.imageStates = new Map();
  }
}
