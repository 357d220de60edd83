// An edge with request dots running along it: as many dots as recent requests (capped), red for
// failed ones. SVG animateMotion, so no JavaScript runs per frame.
import { BaseEdge, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';

export type TrafficEdgeData = { ok: number; failed: number };

const MAX_DOTS = 6;

export const TrafficEdge = memo(function TrafficEdge(props: EdgeProps<Edge<TrafficEdgeData>>) {
  const [path] = getBezierPath(props);
  const ok = Math.min(MAX_DOTS, props.data?.ok ?? 0);
  const failed = Math.min(MAX_DOTS, props.data?.failed ?? 0);
  const dots = [...Array.from({ length: ok }, () => 'ok'), ...Array.from({ length: failed }, () => 'failed')];
  const dur = 1.6;
  return (
    <>
      <BaseEdge id={props.id} path={path} style={props.style} markerEnd={props.markerEnd} />
      {dots.map((kind, i) => (
        <circle key={`${kind}-${i}`} r={kind === 'ok' ? 5 : 6} className={`request-dot request-${kind}`}>
          <animateMotion dur={`${dur}s`} repeatCount="indefinite" begin={`${(i * dur) / dots.length}s`} path={path} />
        </circle>
      ))}
    </>
  );
});
