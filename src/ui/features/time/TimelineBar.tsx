// The timeline: a scrubber over this session's simulated time, from the booted (or restored)
// cluster to the latest moment reached, with a mark per command. Dragging it moves the cluster
// to that moment (the Worker restores a checkpoint and replays commands); "Branch from here"
// forgets the later commands. Play/pause, step and speed sit in the header (same actions).
import { useEffect, useState } from 'react';
import { branchFromHere } from '../../actions/branchFromHere';
import { seekTo } from '../../actions/seekTo';
import { usePlayground, usePlaygroundStore } from '../../store/context';
import { selectClock, selectConnection } from '../../store/selectors';
import type { PlaygroundState } from '../../store/store';
import { formatElapsed } from '../../model/time';
import { markers, pendingCommands, span } from './timelineModel';
import './time.css';

const selectTimeline = (s: PlaygroundState) => s.timeline;

export function TimelineBar() {
  const pg = usePlayground();
  const clock = usePlaygroundStore(selectClock);
  const timeline = usePlaygroundStore(selectTimeline);
  const connection = usePlaygroundStore(selectConnection);
  // While dragging, the thumb follows the pointer; the cluster follows on release.
  const [dragging, setDragging] = useState<number | null>(null);
  const { start, end } = span(timeline, clock.time);
  const value = dragging ?? clock.time;
  const pending = pendingCommands(timeline);

  useEffect(() => {
    if (dragging === null) return;
    const commit = () => {
      seekTo(pg, dragging);
      setDragging(null);
    };
    window.addEventListener('pointerup', commit);
    return () => window.removeEventListener('pointerup', commit);
  }, [dragging, pg]);

  return (
    <div className="timeline nokey" data-testid="timeline">
      <span className="timeline-label">{formatElapsed(start)}</span>
      <div className="timeline-track">
        <input
          type="range"
          className="timeline-range"
          aria-label="Simulated time (drag to go back)"
          aria-valuetext={formatElapsed(value)}
          min={start}
          max={end}
          step={1000}
          value={value}
          disabled={connection !== 'ready'}
          onChange={(e) => setDragging(Number(e.target.value))}
          onKeyUp={(e) => {
            // Arrow keys: seek on release (the value moved by one step).
            if (dragging !== null && /^(Arrow|Home|End|Page)/.test(e.key)) {
              seekTo(pg, dragging);
              setDragging(null);
            }
          }}
        />
        <div className="timeline-marks" aria-hidden="true">
          {markers(timeline, clock.time).map((m, i) => (
            <span key={i} className={`timeline-mark${m.past ? '' : ' future'}`} style={{ left: `${m.at * 100}%` }} title={`${formatElapsed(m.time)}  ${m.label}`} />
          ))}
        </div>
      </div>
      <span className="timeline-label">{formatElapsed(end)}</span>
      {pending > 0 && (
        <>
          <span className="timeline-note" data-testid="timeline-pending">
            {pending} later command{pending === 1 ? '' : 's'} will replay
          </span>
          <button type="button" className="btn btn-branch" onClick={() => branchFromHere(pg)}>
            Branch from here
          </button>
        </>
      )}
    </div>
  );
}
