// How "fit the whole cluster in view" frames the graph: a margin of FIT_MARGIN of the pane on
// each side, and, at the bottom, room for whatever is drawn over the graph there (the presenter's
// captions), so the fitted cluster is never under it. Margins in px: React Flow's number padding
// cannot leave room on one side only.
// Worked example: a 889 × 251 pane with 60 px of captions → 27 px left and right, 8 px on top,
// 8 + 60 = 68 px at the bottom; the cluster is fitted into the 835 × 175 px left.
import type { FitViewOptions } from '@xyflow/react';

export const FIT_MARGIN = 0.03;
/** Never zoom in further than this to fit (a near-empty cluster would fill the screen). */
export const FIT_MAX_ZOOM = 1.25;

export function fitPadding(width: number, height: number, reserveBottom = 0): { top: `${number}px`; right: `${number}px`; bottom: `${number}px`; left: `${number}px` } {
  const x = Math.round(width * FIT_MARGIN);
  const y = Math.round(height * FIT_MARGIN);
  return { top: `${y}px`, right: `${x}px`, bottom: `${y + Math.max(0, Math.round(reserveBottom))}px`, left: `${x}px` };
}

export function fitOptions(width: number, height: number, reserveBottom = 0, duration = 0): FitViewOptions {
  return { padding: fitPadding(width, height, reserveBottom), maxZoom: FIT_MAX_ZOOM, duration };
}
