// Verb: presenter mode on/off (large type, high contrast, captions, spotlight, laser pointer).
// Turning it on slows the simulation to half speed so a room can follow.
import type { Playground } from '../store/store';
import type { ViewStore } from '../store/view';
import { setSpeed } from './setSpeed';

export const PRESENTER_SPEED = 0.5;

export function togglePresenter(view: ViewStore, pg?: Playground): void {
  const on = !view.getState().presenter;
  view.setState({ presenter: on });
  if (on && pg && pg.store.getState().cluster.clock.speed > PRESENTER_SPEED) setSpeed(pg, PRESENTER_SPEED);
}
