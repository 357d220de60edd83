// Turning a lesson's command lines into what the engine runs. Lessons write what a student
// types (`kubectl apply -f manifests/pod.yaml`, `sleep 30s`); the engine (in a Worker, with no
// file system) receives `kubectl apply -f -` with the file's text on stdin, and `sleep` becomes
// simulated time passing. The headless test and the UI both go through here, so they run the
// same thing.
import { parseSelector } from './checks';
import type { Lesson } from './types';

export type LessonCommand = { kind: 'run'; line: string; stdin?: string } | { kind: 'sleep'; ms: number };

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** '30s', '1m30s', '500ms', '2m' → milliseconds (undefined when not a duration). */
export function parseDuration(s: string): number | undefined {
  if (!/^(\d+(ms|s|m|h))+$/.test(s)) return undefined;
  let ms = 0;
  for (const m of s.matchAll(/(\d+)(ms|s|m|h)/g)) ms += Number(m[1]) * UNIT_MS[m[2]];
  return ms;
}

/** One lesson line → an engine command. Throws on a manifest the lesson does not have. */
export function expandCommand(lesson: Pick<Lesson, 'manifests'>, line: string): LessonCommand {
  const t = line.trim();
  const sleep = t.match(/^sleep\s+(\S+)$/);
  if (sleep) {
    const ms = parseDuration(sleep[1]);
    if (ms === undefined) throw new Error(`bad sleep duration: ${line}`);
    return { kind: 'sleep', ms };
  }
  const file = t.match(/(?:^|\s)(?:-f|--filename)(?:\s+|=)(manifests\/\S+)/);
  if (file) {
    const text = lesson.manifests[file[1]];
    if (text === undefined) throw new Error(`the lesson has no ${file[1]}`);
    return { kind: 'run', line: t.replace(file[0], `${file[0].startsWith(' ') ? ' ' : ''}-f -`), stdin: text };
  }
  return { kind: 'run', line: t };
}

/** Setup as a scenario the Worker can load: each command at its simulated time after boot. */
export function setupLog(lesson: Lesson, bootTime: number): { log: { time: number; line: string; stdin?: string }[]; time: number } {
  let time = bootTime;
  const log: { time: number; line: string; stdin?: string }[] = [];
  for (const line of lesson.setup?.commands ?? []) {
    const c = expandCommand(lesson, line);
    if (c.kind === 'sleep') time += c.ms;
    else log.push({ time, line: c.line, ...(c.stdin === undefined ? {} : { stdin: c.stdin }) });
  }
  return { log, time };
}

/**
 * Simulated time at which a freshly created default cluster is handed over (createCluster
 * boots for 90 s). The headless test asserts this still holds.
 */
export const BOOT_TIME_MS = 90_000;

/**
 * Reference solutions cannot know generated names (web-5c94f75b5d-4mgnc), so they may write
 * `{pod:SELECTOR}` (or `{pod:NAMESPACE/SELECTOR}`): the name of the first matching pod that is
 * running and not being deleted, in name order, in the cluster as it is when the line runs.
 * When none is running (a Job's Completed pod), the first matching pod not being deleted.
 */
export function resolvePlaceholders(line: string, pods: readonly { metadata: { name?: string; namespace?: string; labels?: Record<string, string>; deletionTimestamp?: string }; status?: { phase?: string } }[]): string {
  return line.replace(/\{pod:([^}]+)\}/g, (whole, spec: string) => {
    const slash = spec.indexOf('/');
    const ns = slash >= 0 && !spec.slice(0, slash).includes('=') ? spec.slice(0, slash) : 'default';
    const sel = parseSelector(slash >= 0 && ns === spec.slice(0, slash) ? spec.slice(slash + 1) : spec);
    const live = pods.filter((p) => (p.metadata.namespace ?? 'default') === ns && !p.metadata.deletionTimestamp && sel(p.metadata.labels ?? {}));
    const first = (ps: typeof live) => ps.map((p) => p.metadata.name ?? '').sort()[0];
    return first(live.filter((p) => p.status?.phase === 'Running')) ?? first(live) ?? whole;
  });
}
