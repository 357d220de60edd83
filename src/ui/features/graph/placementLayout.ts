// Placement lens layout, a pure function: where every node box and pod goes. Rules a reader can
// predict, so nothing jumps when an unrelated object changes:
//   - nodes: control-plane nodes first, then by name, COLUMNS per row (COMPACT_COLUMNS in the
//     compact drawing: its boxes are shorter, and a big cluster should stay as wide as a screen),
//     fixed width;
//   - pods inside their node: one per row ordered by namespace/name (the roomy drawing), or as
//     small tiles TILE_COLUMNS per row in order of arrival, oldest first (the compact drawing,
//     for big clusters, see below): a replacement pod takes the next free seat at the end
//     instead of pushing every later tile along, so a heal moves nothing that was already there;
//   - the control plane box above the nodes; "Unscheduled" at the end of the first node row;
//   - a node box's height depends only on its own pod count, so a pod landing on kind-worker2
//     never moves kind-worker. (A taller box in row 1 does push row 2 down: rows only wrap
//     past COLUMNS nodes.)
// Worked example: 4 nodes, the second with 3 pods → node x = 0, 288, 576, 864; its pods at
// y = NODE_HEAD, +58, +116 inside the box; Unscheduled at x = 1152.
//
// Compact drawing: one roomy pod is 58 px tall, so 300 pods on 10 nodes make boxes 2,000 px tall
// and a fitted view too small to read. The whole graph switches to tiles (status colour, icon
// and the name's random suffix; the rest in the tooltip) when more than COMPACT_ABOVE_PODS pods
// are drawn or any one node holds more than COMPACT_ABOVE_ON_NODE. It switches back only once
// both counts are clearly below (at most ROOMY_AT_PODS, at most ROOMY_AT_ON_NODE on every node),
// so a rolling update's surge around the threshold does not flip the drawing back and forth.
// Unscheduled does not count on its own: 13 new replicas wait there for a moment, then spread
// over the nodes. One drawing for the whole graph: every pod reads the same way.
// Worked example: kind's 15 system pods (6 on kind-control-plane, 3 on each worker) plus a
// 20-replica Deployment (7, 7, 6 per worker) → 35 pods, at most 10 on a node: roomy. Scale it to
// 30 → 45 pods: tiles. kind-worker then holds 13 pods in 5 rows of 3: its 6th pod (index 5) sits
// at x = PAD + 2 × (TILE_W + TILE_GAP) = 170, y = NODE_HEAD + 1 × (TILE_H + TILE_GAP) = 193 inside
// the box, and the box is NODE_HEAD + 5 × 37 − 5 + PAD = 348 px tall instead of 914. Scale back
// to 20 (35 pods): still tiles (35 > 32); to 15 (30 pods, at most 8 on a node): roomy again.
import type { Node, Pod } from '../../../engine';
import type { ControlPlaneComponent } from './controlPlane';
import { idOf, idOfObject } from './ids';
import type { Layout, LayoutItem, PodDrawing } from './layoutTypes';

export const COLUMNS = 4;
export const COMPACT_COLUMNS = 6;
export const NODE_W = 256;
export const GAP = 32;
export const PAD = 12;
export const NODE_HEAD = 156;
export const POD_W = NODE_W - 2 * PAD;
export const POD_H = 50;
export const POD_GAP = 8;
export const CP_H = 128;
export const UNSCHEDULED_HEAD = 48;

/** Compact drawing: tiles per row inside a box, and their size (3 × 74 + 2 × 5 = POD_W). */
export const TILE_COLUMNS = 3;
export const TILE_GAP = 5;
export const TILE_W = (POD_W - (TILE_COLUMNS - 1) * TILE_GAP) / TILE_COLUMNS;
export const TILE_H = 32;
/** When the graph switches to tiles, and when back (see the header comment). */
export const COMPACT_ABOVE_PODS = 40;
export const COMPACT_ABOVE_ON_NODE = 12;
export const ROOMY_AT_PODS = 32;
export const ROOMY_AT_ON_NODE = 10;

export interface PlacementInput {
  nodes: readonly Node[];
  /** Pods to draw (already filtered by namespace). */
  pods: readonly Pod[];
  controlPlane: readonly ControlPlaneComponent[];
  /** The drawing the previous layout of this view used, for the hysteresis; none at first. */
  previous?: PodDrawing;
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
  /** Drawn as a small tile (the compact drawing). */
  compact?: boolean;
}

const isControlPlane = (n: Node) => 'node-role.kubernetes.io/control-plane' in (n.metadata.labels ?? {});
const byName = (a: { metadata: { name?: string } }, b: { metadata: { name?: string } }) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '');
const podKey = (p: Pod) => `${p.metadata.namespace ?? ''}/${p.metadata.name ?? ''}`;

/** Oldest first (creationTimestamp, which has whole seconds), then namespace/name: the compact drawing's seat order. */
function byArrival(a: Pod, b: Pod): number {
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  return ta < tb ? -1 : ta > tb ? 1 : podKey(a).localeCompare(podKey(b));
}

export function sortNodes(nodes: readonly Node[]): Node[] {
  return [...nodes].sort((a, b) => Number(isControlPlane(b)) - Number(isControlPlane(a)) || byName(a, b));
}

/** Which drawing `pods` pods, at most `onBusiestNode` on one node, get (the rule in the header). */
export function podDrawing(pods: number, onBusiestNode: number, previous?: PodDrawing): PodDrawing {
  if (pods > COMPACT_ABOVE_PODS || onBusiestNode > COMPACT_ABOVE_ON_NODE) return 'compact';
  if (previous === 'compact' && (pods > ROOMY_AT_PODS || onBusiestNode > ROOMY_AT_ON_NODE)) return 'compact';
  return 'roomy';
}

/** Height of the pods area of a box holding `podCount` pods (an empty box keeps one row for its "No pods" line). */
function podsHeight(podCount: number, drawing: PodDrawing): number {
  if (drawing === 'compact') return Math.max(1, Math.ceil(podCount / TILE_COLUMNS)) * (TILE_H + TILE_GAP) - TILE_GAP;
  return Math.max(1, podCount) * (POD_H + POD_GAP) - POD_GAP;
}

/** Where the i-th pod of a box sits, relative to the top left of the box's pods area. */
export function podSlot(i: number, drawing: PodDrawing): { dx: number; dy: number; width: number; height: number } {
  if (drawing === 'compact') {
    const col = i % TILE_COLUMNS;
    const row = Math.floor(i / TILE_COLUMNS);
    return { dx: col * (TILE_W + TILE_GAP), dy: row * (TILE_H + TILE_GAP), width: TILE_W, height: TILE_H };
  }
  return { dx: 0, dy: i * (POD_H + POD_GAP), width: POD_W, height: POD_H };
}

export function nodeBoxHeight(podCount: number, drawing: PodDrawing = 'roomy'): number {
  return NODE_HEAD + podsHeight(podCount, drawing) + PAD;
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
  const drawing = podDrawing(pods.length, Math.max(0, ...[...byNode.values()].map((l) => l.length)), input.previous);
  const compact = drawing === 'compact';
  if (compact) for (const list of [...byNode.values(), unscheduled]) list.sort(byArrival);
  const podItem = (pod: Pod, i: number, left: number, top: number): LayoutItem => {
    const s = podSlot(i, drawing);
    return { id: idOfObject(pod), type: 'pod', x: left + s.dx, y: top + s.dy, width: s.width, height: s.height, z: 2, data: (compact ? { pod, compact } : { pod }) satisfies PodData };
  };

  const items: LayoutItem[] = [];
  const pitch = NODE_W + GAP;
  const perRow = compact ? COMPACT_COLUMNS : COLUMNS;
  const cols = Math.max(2, Math.min(perRow, nodes.length));
  const top = CP_H + GAP * 1.5;

  items.push({ id: 'controlplane:', type: 'controlPlane', x: 0, y: 0, width: cols * pitch - GAP, height: CP_H, z: 0, data: { components: input.controlPlane } satisfies ControlPlaneData });

  let rowY = top;
  let rowH = 0;
  nodes.forEach((node, i) => {
    const col = i % perRow;
    if (i > 0 && col === 0) {
      rowY += rowH + GAP;
      rowH = 0;
    }
    const name = node.metadata.name ?? '';
    const list = byNode.get(name) ?? [];
    const h = nodeBoxHeight(list.length, drawing);
    rowH = Math.max(rowH, h);
    const x = col * pitch;
    items.push({ id: idOfObject(node), type: 'kubeNode', x, y: rowY, width: NODE_W, height: h, z: 0, data: { node, pods: list } satisfies NodeBoxData });
    list.forEach((pod, j) => items.push(podItem(pod, j, x + PAD, rowY + NODE_HEAD)));
  });

  const ux = Math.min(Math.max(nodes.length, 1), perRow) * pitch;
  const uh = UNSCHEDULED_HEAD + podsHeight(unscheduled.length, drawing) + PAD;
  items.push({ id: idOf('unscheduled', undefined, ''), type: 'unscheduled', x: ux, y: top, width: NODE_W, height: uh, z: 0, data: { count: unscheduled.length } satisfies UnscheduledData });
  unscheduled.forEach((pod, j) => items.push(podItem(pod, j, ux + PAD, top + UNSCHEDULED_HEAD)));

  return { items, edges: [], podDrawing: drawing };
}
