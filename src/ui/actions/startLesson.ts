// Verb: start (or reset) a lesson: a fresh cluster from the lesson's seed with its setup
// commands already run (sent to the Worker as a scenario, so the setup is not in the
// terminal), at the lesson's speed. The terminal is cleared: the lesson's commands start here.
import type { Playground } from '../store/store';
import type { Lesson } from '../../lessons/types';
import { BOOT_TIME_MS, setupLog } from '../../lessons/commands';

export function startLesson(pg: Playground, lesson: Lesson): void {
  const seed = lesson.setup?.seed ?? 1;
  const { log, time } = setupLog(lesson, BOOT_TIME_MS);
  pg.store.setState((s) => ({ terminal: { ...s.terminal, entries: [] } }));
  pg.client.send({ type: 'load', seed, session: { format: 'kube-playground-session', version: 1, seed, log, time } });
  pg.client.send({ type: 'setSpeed', speed: lesson.setup?.speed ?? 1 });
  if (pg.store.getState().cluster.clock.paused) pg.client.send({ type: 'resume' });
}
