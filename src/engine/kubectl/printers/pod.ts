// The pod row of `kubectl get pods`: STATUS, READY and RESTARTS exactly as printPod computes
// them (kubernetes/pkg/printers/internalversion/printers.go). Pure: (pod, now) → cells.
import type { ContainerStatus, Pod } from '../../api/core';
import { humanDuration } from '../duration';

export interface PodSummary {
  ready: string;
  status: string;
  restarts: string;
}

function hasCondition(pod: Pod, type: string): boolean {
  return !!pod.status?.conditions?.some((c) => c.type === type && c.status === 'True');
}

/** `now` and `parse` are simulated-clock milliseconds (for "2 (15s ago)"). */
export function summarizePod(pod: Pod, now: number, parse: (ts: string) => number): PodSummary {
  const st = pod.status ?? {};
  const spec = pod.spec ?? { containers: [] };
  let restarts = 0;
  let restartableInitContainerRestarts = 0;
  let lastRestartDate = -Infinity;
  let lastRestartableInitContainerRestartDate = -Infinity;
  let readyContainers = 0;
  let totalContainers = (spec.containers ?? []).length;
  let reason: string = st.phase ?? '';
  if (st.reason) reason = st.reason;

  // A gated pod is "SchedulingGated" whatever its phase says.
  const scheduled = st.conditions?.find((c) => c.type === 'PodScheduled');
  if (scheduled?.reason === 'SchedulingGated') reason = 'SchedulingGated';

  const initContainers = new Map((spec.initContainers ?? []).map((c) => [c.name, c]));
  for (const c of spec.initContainers ?? []) if (c.restartPolicy === 'Always') totalContainers++;

  const finishedAt = (cs: ContainerStatus): number => {
    const t = cs.lastState?.terminated?.finishedAt;
    return t ? parse(t) : -Infinity;
  };

  let initializing = false;
  const initStatuses = st.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    restarts += c.restartCount;
    if (c.lastState?.terminated) lastRestartDate = Math.max(lastRestartDate, finishedAt(c));
    const isSidecar = initContainers.get(c.name)?.restartPolicy === 'Always';
    if (isSidecar) {
      restartableInitContainerRestarts += c.restartCount;
      if (c.lastState?.terminated) lastRestartableInitContainerRestartDate = Math.max(lastRestartableInitContainerRestartDate, finishedAt(c));
    }
    if (c.state?.terminated && c.state.terminated.exitCode === 0) continue;
    if (isSidecar && c.started) {
      if (c.ready) readyContainers++;
      continue;
    }
    if (c.state?.terminated) {
      const t = c.state.terminated;
      if (!t.reason) reason = t.signal ? `Init:Signal:${t.signal}` : `Init:ExitCode:${t.exitCode}`;
      else reason = `Init:${t.reason}`;
      initializing = true;
    } else if (c.state?.waiting?.reason && c.state.waiting.reason !== 'PodInitializing') {
      reason = `Init:${c.state.waiting.reason}`;
      initializing = true;
    } else {
      reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
      initializing = true;
    }
    break;
  }

  if (!initializing || hasCondition(pod, 'Initialized')) {
    restarts = restartableInitContainerRestarts;
    lastRestartDate = lastRestartableInitContainerRestartDate;
    let hasRunning = false;
    const statuses = st.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount;
      if (c.lastState?.terminated) lastRestartDate = Math.max(lastRestartDate, finishedAt(c));
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
      else if (c.state?.terminated?.reason) reason = c.state.terminated.reason;
      else if (c.state?.terminated) {
        const t = c.state.terminated;
        reason = t.signal ? `Signal:${t.signal}` : `ExitCode:${t.exitCode}`;
      } else if (c.ready && c.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // A pod whose containers are still running although one completed is not "Completed".
    if (reason === 'Completed' && hasRunning) reason = hasCondition(pod, 'Ready') ? 'Running' : 'NotReady';
  }

  if (pod.metadata.deletionTimestamp && st.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && st.phase !== 'Succeeded' && st.phase !== 'Failed') reason = 'Terminating';

  let restartsText = String(restarts);
  if (restarts !== 0 && lastRestartDate !== -Infinity && Number.isFinite(lastRestartDate)) {
    restartsText = `${restarts} (${humanDuration(now - lastRestartDate)} ago)`;
  }
  return { ready: `${readyContainers}/${totalContainers}`, status: reason, restarts: restartsText };
}
