// Verb: move simulated time to any moment of this session's history (scrub the timeline). The
// Worker restores the nearest checkpoint and replays the logged commands up to that moment; the
// clock is paused there, and pressing play replays the later commands at their times.
import type { Playground } from '../store/store';

export function seekTo(pg: Playground, time: number): void {
  if (!Number.isFinite(time)) return;
  pg.client.send({ type: 'seek', time });
}
