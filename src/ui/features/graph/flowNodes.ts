// From a lens layout's items to React Flow nodes, decorated with what the view adds: selection,
// causality (rel-cause, rel-effect…, see causality.ts), traffic counters and the screen-reader
// label. Pure, so a test can check which node objects stay the same from one batch to the next
// (stableNodes.ts keeps the unchanged ones).
import type { Node } from '@xyflow/react';
import type { Pod } from '../../../engine';
import { relationOf, type Relatives } from './causality';
import type { ObjectId } from './ids';
import type { LayoutItem } from './layoutTypes';
import { podLabel } from './podVisual';
import { CLIENT_ID, type TrafficCounters } from './traffic';

export interface Decorations {
  selected: ObjectId | null;
  relatives: Relatives;
  traffic: TrafficCounters;
}

export function ariaLabelOf(item: LayoutItem): string {
  const d = item.data as { pod?: Pod; node?: { metadata: { name?: string } }; obj?: { kind: string; metadata: { namespace?: string; name?: string } } };
  if (item.type === 'pod' && d.pod) return podLabel(d.pod);
  if (item.type === 'kubeNode' && d.node) return `Node ${d.node.metadata.name}`;
  if (d.obj) return `${d.obj.kind} ${d.obj.metadata.namespace ? `${d.obj.metadata.namespace}/` : ''}${d.obj.metadata.name}`;
  if (item.type === 'client') return 'Simulated clients';
  return item.type;
}

export function flowNodeOf(item: LayoutItem, { selected, relatives, traffic }: Decorations): Node {
  const rel = relationOf(item.id, selected, relatives);
  const boxLike = item.type === 'controlPlane' || item.type === 'unscheduled';
  const counter = traffic.seen ? traffic.totals[item.id] : undefined;
  const data: Record<string, unknown> = { ...(item.data as Record<string, unknown>) };
  const leaving = data.leaving === true;
  if (counter) data.traffic = counter;
  if (item.id === CLIENT_ID) {
    const sent = Object.entries(traffic.totals).filter(([k]) => k.startsWith('service:'));
    data.sent = sent.reduce((a, [, c]) => a + c.ok + c.failed, 0);
    data.failed = sent.reduce((a, [, c]) => a + c.failed, 0);
  }
  return {
    id: item.id,
    type: item.type,
    position: { x: item.x, y: item.y },
    width: item.width,
    height: item.height,
    style: { width: item.width, height: item.height },
    zIndex: item.z,
    data,
    draggable: false,
    connectable: false,
    selectable: !boxLike && !leaving,
    focusable: !boxLike && !leaving,
    selected: item.id === selected,
    className: `rel-${rel} lens-item-${item.type}${leaving ? ' is-leaving' : ''}`,
    ariaLabel: leaving ? `${ariaLabelOf(item)} (deleted)` : ariaLabelOf(item),
  } satisfies Node;
}
