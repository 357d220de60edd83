// The STATUS, READY and RESTARTS columns of `kubectl get pods`, as a pure function of a Pod.
// Mirrors printPod in kubernetes/pkg/printers/internalversion/printers.go (kept small: no
// restart ages). The UI shows exactly what kubectl would print, then groups it into a few
// colour categories for the cluster view.
import type { ContainerStatus, Pod } from '../../engine/api/core';

export interface PodStatusSummary {
  /** What kubectl prints in STATUS: 'Running', 'ContainerCreating', 'Init:0/1', 'CrashLoopBackOff', … */
  reason: string;
  ready: number;
  total: number;
  restarts: number;
}

/** Colour groups for chips; every STATUS string maps to exactly one. */
export type PodCategory =
  | 'pending'
  | 'creating'
  | 'notready'
  | 'running'
  | 'terminating'
  | 'crashloop'
  | 'imagepull'
  | 'completed'
  | 'error';

export function podStatus(pod: Pod): PodStatusSummary {
  const spec = pod.spec ?? { containers: [] };
  const status = pod.status ?? {};
  let total = spec.containers?.length ?? 0;
  let ready = 0;
  let restarts = 0;
  let reason: string = status.phase ?? 'Pending';
  if (status.reason) reason = status.reason;
  if (status.conditions?.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated';

  // Sidecars (init containers with restartPolicy: Always) count as regular containers.
  const initSpecs = spec.initContainers ?? [];
  const sidecars = new Set(initSpecs.filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  total += sidecars.size;

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    restarts += c.restartCount ?? 0;
    if (sidecars.has(c.name) && c.started) {
      if (c.ready) ready++;
      continue;
    }
    const term = c.state?.terminated;
    const waiting = c.state?.waiting;
    if (term && term.exitCode === 0) continue;
    if (term) {
      reason = term.reason ? `Init:${term.reason}` : term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode}`;
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${initSpecs.length}`;
    }
    initializing = true;
    break;
  }

  const initialized = status.conditions?.some((c) => c.type === 'Initialized' && c.status === 'True') ?? false;
  if (!initializing || initialized) {
    restarts = 0;
    let hasRunning = false;
    const statuses: ContainerStatus[] = status.containerStatuses ?? [];
    // kubectl walks the containers backwards, so the FIRST container's state wins the STATUS.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount ?? 0;
      const term = c.state?.terminated;
      const waiting = c.state?.waiting;
      if (waiting?.reason) reason = waiting.reason;
      else if (term?.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      reason = status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
    }
  }

  const terminal = status.phase === 'Succeeded' || status.phase === 'Failed';
  if (pod.metadata.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && !terminal) reason = 'Terminating';

  return { reason, ready, total, restarts };
}

/** The colour group of a STATUS string (and its READY count: Running 0/1 is not ready yet). */
export function podCategory(s: PodStatusSummary): PodCategory {
  const r = s.reason;
  if (r === 'Terminating') return 'terminating';
  if (r === 'Running') return s.ready < s.total ? 'notready' : 'running';
  if (r === 'NotReady') return 'notready';
  if (r === 'Completed' || r === 'Succeeded') return 'completed';
  if (r === 'CrashLoopBackOff' || r === 'Init:CrashLoopBackOff') return 'crashloop';
  if (/ImagePullBackOff|ErrImagePull|InvalidImageName|ErrImageNeverPull/.test(r)) return 'imagepull';
  if (r === 'ContainerCreating' || r === 'PodInitializing' || /^Init:\d+\/\d+$/.test(r)) return 'creating';
  if (r === 'Pending' || r === 'SchedulingGated') return 'pending';
  return 'error'; // Error, Failed, OOMKilled, ExitCode:N, Evicted, Unknown, ContainerStatusUnknown…
}
