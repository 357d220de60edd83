// What every lens's pure layout function returns: boxes with absolute positions (no parent
// nesting, so a pod that moves from "Unscheduled" into a node glides there with a CSS transition)
// and edges between them. React Flow only draws these.
import type { ObjectId } from './ids';

export type ItemType = 'controlPlane' | 'kubeNode' | 'pod' | 'unscheduled' | 'object' | 'service' | 'client';

export interface LayoutItem<D = unknown> {
  id: ObjectId;
  type: ItemType;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Drawn above boxes that contain it (pods over node boxes). */
  z: number;
  data: D;
}

export interface LayoutEdge {
  id: string;
  source: ObjectId;
  target: ObjectId;
  kind: 'owns' | 'selects' | 'traffic';
}

/** How pods are drawn: the roomy card (name, STATUS, READY, RESTARTS, AGE) or a small tile. */
export type PodDrawing = 'roomy' | 'compact';

export interface Layout {
  items: LayoutItem[];
  edges: LayoutEdge[];
  /** The Placement lens's choice (placementLayout.ts), fed back in for its hysteresis. */
  podDrawing?: PodDrawing;
}
