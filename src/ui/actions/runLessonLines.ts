// Verb: run lesson command lines in the terminal ("Show me", ▶ buttons): each through
// runCommand, so the terminal shows them. `-f manifests/…` sends the lesson's file on stdin;
// `{pod:SELECTOR}` becomes a running pod's name; `sleep` lines are skipped (the clock runs).
import type { Pod } from '../../engine';
import { expandCommand, resolvePlaceholders } from '../../lessons/commands';
import type { Lesson } from '../../lessons/types';
import type { Playground } from '../store/store';
import { runCommand } from './runCommand';

export function runLessonLines(pg: Playground, lesson: Pick<Lesson, 'manifests'>, lines: readonly string[]): void {
  for (const line of lines) {
    const pods = Object.values(pg.store.getState().cluster.objects['/pods'] ?? {}) as Pod[];
    const c = expandCommand(lesson, resolvePlaceholders(line, pods));
    if (c.kind === 'run') runCommand(pg, c.line, c.stdin);
  }
}
