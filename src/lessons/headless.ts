// Runs a lesson in Node against an engine Cluster: setup, then commands as a student would type
// them, with a view for the checks after each. Used by lessons.test.ts and handy in a REPL.
import { createCluster, type Cluster, type Pod } from '../engine';
import { expandCommand, resolvePlaceholders } from './commands';
import type { Lesson } from './types';
import { viewOfCluster, type ClusterView, type CommandRecord } from './view';

export interface HeadlessLesson {
  cluster: Cluster;
  /** Commands run since setup (what commandRan checks see). */
  commands: CommandRecord[];
  /** Run lesson lines (kubectl, sim, sleep); returns the records of the commands run. */
  run(lines: readonly string[]): CommandRecord[];
  view(): ClusterView;
}

export function startHeadless(lesson: Lesson): HeadlessLesson {
  const cluster = createCluster({ seed: lesson.setup?.seed ?? 1 });
  const exec = (line: string): CommandRecord | undefined => {
    const c = expandCommand(lesson, resolvePlaceholders(line, cluster.objects('/pods') as Pod[]));
    if (c.kind === 'sleep') {
      cluster.advance(c.ms);
      return undefined;
    }
    const r = cluster.run(c.line, c.stdin === undefined ? {} : { stdin: c.stdin });
    return { line: c.line, exitCode: r.exitCode, stdout: r.stdout + r.stderr };
  };
  for (const line of lesson.setup?.commands ?? []) exec(line);
  const commands: CommandRecord[] = [];
  return {
    cluster,
    commands,
    run(lines) {
      const out: CommandRecord[] = [];
      for (const l of lines) {
        const rec = exec(l);
        if (rec) {
          commands.push(rec);
          out.push(rec);
        }
      }
      return out;
    },
    view: () => viewOfCluster(cluster, commands),
  };
}
