// Per-pod back-off: mirrors calculateBackoffDuration in pkg/scheduler/backend/queue/scheduling_queue.go.

/** podInitialBackoffSeconds = 1, podMaxBackoffSeconds = 10 (kube-scheduler defaults). */
export const POD_INITIAL_BACKOFF_MS = 1000;
export const POD_MAX_BACKOFF_MS = 10_000;
/** podMaxInUnschedulablePodsDuration: an unschedulable pod is retried at least every 5 minutes. */
export const POD_MAX_IN_UNSCHEDULABLE_PODS_DURATION_MS = 5 * 60_000;

/**
 * The wait after the n-th failed attempt doubles from 1 s and stops at 10 s:
 * attempts 1, 2, 3, 4, 5, 6 ⇒ 1 s, 2 s, 4 s, 8 s, 10 s, 10 s.
 */
export function backoffDuration(attempts: number, initial = POD_INITIAL_BACKOFF_MS, max = POD_MAX_BACKOFF_MS): number {
  let d = initial;
  for (let i = 1; i < attempts; i++) {
    d *= 2;
    if (d > max) return max;
  }
  return d;
}
