// Title, simulated clock and the pacing controls (pause/resume, step, speed).
import { SPEEDS } from '../../../engine/protocol';
import { setSpeed } from '../../actions/setSpeed';
import { stepToNextEvent } from '../../actions/stepToNextEvent';
import { togglePause } from '../../actions/togglePause';
import { Icon } from '../../components/Icon';
import { usePlayground, usePlaygroundStore } from '../../store/context';
import { selectClock, selectConnection } from '../../store/selectors';
import { formatElapsed, formatSpeed } from '../../model/time';

export function Header() {
  const pg = usePlayground();
  const clock = usePlaygroundStore(selectClock);
  const connection = usePlaygroundStore(selectConnection);
  const disabled = connection !== 'ready';
  return (
    <header className="header">
      <h1 className="title">
        <Icon name="wheel" size={34} className="logo" />
        <span className="title-text">Kubernetes Playground</span>
      </h1>
      <div className="clock" data-testid="clock" aria-label="Simulated time since the cluster started" role="timer">
        <Icon name="clock" size={24} />
        <span className="clock-time">{formatElapsed(clock.time)}</span>
        {clock.paused && <span className="clock-paused">paused</span>}
      </div>
      <div className="controls">
        <button
          type="button"
          className="btn btn-icon"
          onClick={() => togglePause(pg)}
          disabled={disabled}
          aria-label={clock.paused ? 'Resume simulated time' : 'Pause simulated time'}
          title={clock.paused ? 'Resume' : 'Pause'}
        >
          <Icon name={clock.paused ? 'play' : 'pause'} />
        </button>
        <button
          type="button"
          className="btn btn-icon"
          onClick={() => stepToNextEvent(pg)}
          disabled={disabled || clock.nextEventTime === undefined}
          aria-label="Step to the next scheduled event"
          title="Step to next event"
        >
          <Icon name="step" />
        </button>
        <div className="speed" role="group" aria-label="Simulation speed">
          {SPEEDS.map((s) => (
            <button
              key={s}
              type="button"
              className="btn btn-speed"
              aria-pressed={clock.speed === s}
              onClick={() => setSpeed(pg, s)}
              disabled={disabled}
              aria-label={`Speed ${s} times`}
            >
              {formatSpeed(s)}
            </button>
          ))}
        </div>
      </div>
    </header>
  );
}
