// Placement lens layout, a pure function: where every node box and pod goes. Rules a reader can
// predict, so nothing jumps when an unrelated object changes:
//   - nodes: control-plane nodes first, then by name, COLUMNS per row, fixed width;
//   - pods inside their node, one per row, ordered by namespace/name;
//   - the control plane box above the nodes; "Unscheduled" at the end of the first node row;
//   - a node box's height depends only on its own pod count, so a pod landing on kind-worker2
//     never moves kind-worker. (A taller box in row 1 does push row 2 down: rows only wrap
//     past COLUMNS nodes.)
// Worked example: 4 nodes, the second with 3 pods → node x = 0, 288, 576, 864; its pods at
// y = NODE_HEAD, +58, +116 inside the box; Unscheduled at x = 1152.
import type { Node, Pod } from '../../../engine';
import type { ControlPlaneComponent } from './controlPlane';
import { idOf, idOfObject } from './ids';
import type { Layout, LayoutItem } from './layoutTypes';

export const COLUMNS = 4;
export const NODE_W = 256;
export const GAP = 32;
export const PAD = 12;
export const NODE_HEAD = 156;
export const POD_W = NODE_W - 2 * PAD;
export const POD_H = 50;
export const POD_GAP = 8;
export const CP_H = 128;
export const UNSCHEDULED_HEAD = 48;

export interface PlacementInput {
  nodes: readonly Node[];
  /** Pods to draw (already filtered by namespace). */
  pods: readonly Pod[];
  controlPlane: readonly ControlPlaneComponent[];
}

export interface NodeBoxData {
  node: Node;
  pods: readonly Pod[];
}
export interface ControlPlaneData {
  components: readonly ControlPlaneComponent[];
}
export interface UnscheduledData {
  count: number;
}
export interface PodData {
  pod: Pod;
}

const isControlPlane = (n: Node) => 'node-role.kubernetes.io/control-plane' in (n.metadata.labels ?? {});
const byName = (a: { metadata: { name?: string } }, b: { metadata: { name?: string } }) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '');
const podKey = (p: Pod) => `${p.metadata.namespace ?? ''}/${p.metadata.name ?? ''}`;

export function sortNodes(nodes: readonly Node[]): Node[] {
  return [...nodes].sort((a, b) => Number(isControlPlane(b)) - Number(isControlPlane(a)) || byName(a, b));
}

export function nodeBoxHeight(podCount: number): number {
  // An empty node keeps one pod's height for its "No pods" line.
  return NODE_HEAD + Math.max(1, podCount) * (POD_H + POD_GAP) - POD_GAP + PAD;
}

export function placementLayout(input: PlacementInput): Layout {
  const nodes = sortNodes(input.nodes);
  const nodeNames = new Set(nodes.map((n) => n.metadata.name ?? ''));
  const pods = [...input.pods].sort((a, b) => podKey(a).localeCompare(podKey(b)));
  const byNode = new Map<string, Pod[]>();
  const unscheduled: Pod[] = [];
  for (const p of pods) {
    const n = p.spec?.nodeName;
    // A pod bound to a node that no longer exists waits with the unscheduled ones (as a reader
    // would look for it), until the pod GC removes it.
    if (n && nodeNames.has(n)) (byNode.get(n) ?? byNode.set(n, []).get(n)!).push(p);
    else unscheduled.push(p);
  }

  const items: LayoutItem[] = [];
  const pitch = NODE_W + GAP;
  const cols = Math.max(2, Math.min(COLUMNS, nodes.length));
  const top = CP_H + GAP * 1.5;

  items.push({ id: 'controlplane:', type: 'controlPlane', x: 0, y: 0, width: cols * pitch - GAP, height: CP_H, z: 0, data: { components: input.controlPlane } satisfies ControlPlaneData });

  let rowY = top;
  let rowH = 0;
  nodes.forEach((node, i) => {
    const col = i % COLUMNS;
    if (i > 0 && col === 0) {
      rowY += rowH + GAP;
      rowH = 0;
    }
    const name = node.metadata.name ?? '';
    const list = byNode.get(name) ?? [];
    const h = nodeBoxHeight(list.length);
    rowH = Math.max(rowH, h);
    const x = col * pitch;
    items.push({ id: idOfObject(node), type: 'kubeNode', x, y: rowY, width: NODE_W, height: h, z: 0, data: { node, pods: list } satisfies NodeBoxData });
    list.forEach((pod, j) => {
      items.push({ id: idOfObject(pod), type: 'pod', x: x + PAD, y: rowY + NODE_HEAD + j * (POD_H + POD_GAP), width: POD_W, height: POD_H, z: 2, data: { pod } satisfies PodData });
    });
  });

  const ux = Math.min(Math.max(nodes.length, 1), COLUMNS) * pitch;
  const uh = UNSCHEDULED_HEAD + Math.max(1, unscheduled.length) * (POD_H + POD_GAP) + PAD - POD_GAP;
  items.push({ id: idOf('unscheduled', undefined, ''), type: 'unscheduled', x: ux, y: top, width: NODE_W, height: uh, z: 0, data: { count: unscheduled.length } satisfies UnscheduledData });
  unscheduled.forEach((pod, j) => {
    items.push({ id: idOfObject(pod), type: 'pod', x: ux + PAD, y: top + UNSCHEDULED_HEAD + j * (POD_H + POD_GAP), width: POD_W, height: POD_H, z: 2, data: { pod } satisfies PodData });
  });

  return { items, edges: [] };
}
