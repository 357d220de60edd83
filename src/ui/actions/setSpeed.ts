// Verb: set how many simulated seconds pass per wall-clock second.
import type { Playground } from '../store/store';

export function setSpeed(pg: Playground, speed: number): void {
  pg.client.send({ type: 'setSpeed', speed });
}
