// An edge with request dots running along it, in proportion to the traffic: the busiest edge of
// the lens gets MAX_DOTS, the others their share of that (at least one while any request runs
// along them). Failed requests run as red dots; hovering them (or the edge) says why they failed.
// SVG animateMotion, so no JavaScript runs per frame.
import { BaseEdge, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';

export type TrafficEdgeData = { ok: number; failed: number; reasons?: readonly string[]; busiest?: number };

const MAX_DOTS = 8;

/** Dots for `n` requests when the busiest edge carried `busiest`. */
export function dotsFor(n: number, busiest: number): number {
  if (n <= 0) return 0;
  return Math.max(1, Math.min(MAX_DOTS, Math.round((MAX_DOTS * n) / Math.max(n, busiest))));
}

export const TrafficEdge = memo(function TrafficEdge(props: EdgeProps<Edge<TrafficEdgeData>>) {
  const [path] = getBezierPath(props);
  const d = props.data;
  const busiest = d?.busiest ?? 0;
  const ok = dotsFor(d?.ok ?? 0, busiest);
  const failed = dotsFor(d?.failed ?? 0, busiest);
  const dots = [...Array.from({ length: ok }, () => 'ok'), ...Array.from({ length: failed }, () => 'failed')];
  const why = d?.reasons?.length ? `${d.failed} failed: ${d.reasons.join('; ')}` : undefined;
  const dur = 1.6;
  return (
    <>
      <BaseEdge id={props.id} path={path} style={props.style} markerEnd={props.markerEnd} interactionWidth={why ? 18 : 0} />
      {why && (
        <path d={path} className="traffic-why" data-testid={`traffic-failures:${props.id}`}>
          <title>{why}</title>
        </path>
      )}
      {dots.map((kind, i) => (
        <circle key={`${kind}-${i}`} r={kind === 'ok' ? 5 : 6} className={`request-dot request-${kind}`}>
          {kind === 'failed' && why && <title>{why}</title>}
          {/* A negative begin starts each dot part-way along the edge at once (a positive one
              would leave it parked at the origin until its turn). */}
          <animateMotion dur={`${dur}s`} repeatCount="indefinite" begin={`${-(i * dur) / dots.length}s`} path={path} />
        </circle>
      ))}
    </>
  );
});
