// Pod-failure back-off of the Job controller: mirrors pkg/controller/job/backoff_utils.go
// (backoffRecord, getRemainingTime) and the constants in job_controller.go.
//
// After the k-th failed pod in a row (no success since), the controller waits
//   min(10 s × 2^(k-1), cap)
// before creating the replacement: 10 s, 20 s, 40 s, 80 s, 160 s, 320 s, then the cap.
//
// The cap: current code has `MaxJobPodFailureBackOff = 10 * time.Minute` (600 s), while the
// kubernetes.io Job page still says "capped at six minutes" (older code used 360 s). We follow the
// code: the seventh and later failures wait 600 s (10·2^6 = 640 → 600).

export const DEFAULT_JOB_POD_FAILURE_BACKOFF_MS = 10_000;
export const MAX_JOB_POD_FAILURE_BACKOFF_MS = 600_000;

export interface BackoffRecord {
  /** Failed pods since the last succeeded pod. */
  failuresAfterLastSuccess: number;
  /** When the most recent of them finished (ms, simulated). */
  lastFailureTime?: number;
}

/** Delay after `failures` consecutive failures: 1 → 10 s, 2 → 20 s, 3 → 40 s, … capped. */
export function backoffDelayMs(failures: number, base = DEFAULT_JOB_POD_FAILURE_BACKOFF_MS, cap = MAX_JOB_POD_FAILURE_BACKOFF_MS): number {
  if (failures <= 0) return 0;
  // 2^(failures-1) overflows nothing here: past 2^6 the cap has long won.
  return Math.min(base * 2 ** Math.min(failures - 1, 30), cap);
}

/** getRemainingTime: how long before a replacement pod may be created (0 = now). */
export function remainingBackoffMs(rec: BackoffRecord, nowMs: number): number {
  if (rec.failuresAfterLastSuccess === 0 || rec.lastFailureTime === undefined) return 0;
  const wait = backoffDelayMs(rec.failuresAfterLastSuccess);
  return Math.max(0, rec.lastFailureTime + wait - nowMs);
}

/**
 * newBackoffRecord from the Job's finished pods, oldest first: a success resets the count; each
 * failure after it adds one. Pods: [{ succeeded, finishedAt }].
 */
export function backoffRecordFrom(finished: { succeeded: boolean; finishedAt: number }[]): BackoffRecord {
  const sorted = [...finished].sort((a, b) => a.finishedAt - b.finishedAt);
  const rec: BackoffRecord = { failuresAfterLastSuccess: 0 };
  for (const p of sorted) {
    if (p.succeeded) {
      rec.failuresAfterLastSuccess = 0;
      rec.lastFailureTime = undefined;
    } else {
      rec.failuresAfterLastSuccess++;
      rec.lastFailureTime = p.finishedAt;
    }
  }
  return rec;
}
