// What one container's process can learn about its pod's other containers, computed from the
// runtime records: the containers of a pod share one network namespace (the sandbox's), so
// `mysql -h 127.0.0.1` in the xtrabackup container reaches mysqld in the mysql container; and
// `tail -F` follows a file that another container appends to through a shared volume.
import type { Pod } from '../api/core';
import type { ImageSpec } from './images';
import type { PodRecord } from './runtime';

/**
 * When something in the pod accepts connections on localhost:`port` (absolute ms): a running
 * server listening on it (after its start-up time), or a server container about to start.
 * Undefined when nothing in the pod will (as far as the kubelet knows now).
 */
export function localPortAt(pod: Pod, rec: PodRecord | undefined, port: number, imageOf: (repository: string) => ImageSpec | undefined, defaultStartupMs: number): number | undefined {
  if (!rec) return undefined;
  const times: number[] = [];
  for (const spec of [...(pod.spec.initContainers ?? []), ...pod.spec.containers]) {
    const r = rec.containers[spec.name];
    const i = r?.current;
    if (i && i.finishedAt === undefined && i.program.kind === 'server' && i.program.ports.includes(port)) times.push(i.startedAt + i.program.startupMs);
    else if (r?.step?.kind === 'start' && !spec.command?.length) {
      const image = imageOf(r.step.ready.repository);
      if (image?.behaviour === 'server' && (image.ports ?? []).includes(port)) times.push(r.step.until + (image.startupMs ?? defaultStartupMs));
    }
  }
  return times.length ? Math.min(...times) : undefined;
}

function lines(s: string): string[] {
  if (!s) return [];
  return (s.endsWith('\n') ? s.slice(0, -1) : s).split('\n');
}

/**
 * `tail -F`'s output: the last 10 lines the file had when tail started, then everything appended
 * since (a file that was replaced is shown whole). At most the last `max` lines.
 */
export function followLines(atStart: string | undefined, now: string | undefined, max = 5000): string[] {
  if (now === undefined) return [];
  if (atStart !== undefined && now.startsWith(atStart)) return [...lines(atStart).slice(-10), ...lines(now.slice(atStart.length))].slice(-max);
  return lines(now).slice(-max);
}
