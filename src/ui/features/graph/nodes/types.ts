import type { Node } from '@xyflow/react';

/** A React Flow node whose data is one of the layout items' data records (plus decorations). */
export type FlowNode<D extends Record<string, unknown>> = Node<D>;
