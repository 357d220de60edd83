// Mirrors pkg/controller/podautoscaler/replica_calculator.go (GetResourceReplicas,
// calcPlainMetricReplicas, groupPods) and metrics/utilization.go (GetResourceUtilizationRatio).
// Pure: pods' usage and requests in, a replica count out.
//
// Worked example: 2 ready pods using 180m and 220m of 200m requests, target 50 %:
//   utilization = (180+220)·100 / (200+200) = 100 % → ratio 100/50 = 2.0 → ceil(2.0 × 2) = 4.
// Tolerance: a ratio within 1 ± 0.1 (e.g. 54 % against 50 % → 1.08) changes nothing.

export const TOLERANCE = 0.1;

export interface PodSample {
  name: string;
  /** Ready (and past its start-up period) — unready pods are handled conservatively. */
  ready: boolean;
  requestMilli: number;
  /** undefined: metrics-server has no sample for this pod yet. */
  usageMilli?: number;
}

export interface ReplicaResult {
  replicas: number;
  /** Average utilization (percent of request) over the pods with metrics, as shown in TARGETS. */
  utilization: number;
  averageMilli: number;
}

export function getResourceReplicas(currentReplicas: number, targetUtilization: number, pods: PodSample[], tolerance = TOLERANCE): ReplicaResult | { error: string } {
  const withMetrics = pods.filter((p) => p.usageMilli !== undefined);
  if (withMetrics.length === 0) return { error: 'unable to get metrics for resource cpu: no metrics returned from resource metrics API' };
  const ready = withMetrics.filter((p) => p.ready);
  const unready = withMetrics.filter((p) => !p.ready);
  const missing = pods.filter((p) => p.usageMilli === undefined);
  // Utilization over the ready pods with samples (upstream drops unready pods from `metrics`).
  const base = ready.length ? ready : withMetrics;
  const usage = base.reduce((s, p) => s + (p.usageMilli ?? 0), 0);
  const requests = base.reduce((s, p) => s + p.requestMilli, 0);
  if (requests === 0) return { error: 'no pods with a CPU request' };
  const utilization = Math.trunc((usage * 100) / requests);
  const ratio = (usage * 100) / requests / targetUtilization;
  const averageMilli = Math.trunc(usage / base.length);
  const readyCount = ready.length;
  if (unready.length === 0 && missing.length === 0) {
    if (Math.abs(1 - ratio) <= tolerance) return { replicas: currentReplicas, utilization, averageMilli };
    return { replicas: Math.ceil(ratio * readyCount), utilization, averageMilli };
  }
  // Rebalance conservatively: when scaling down, pods without metrics count as using 100 % of
  // their request; when scaling up, as 0 %, and unready pods as 0 % too.
  let u = usage;
  let r = requests;
  let n = readyCount;
  if (ratio < 1) {
    for (const p of missing) (u += p.requestMilli), (r += p.requestMilli), n++;
  } else {
    for (const p of missing) (r += p.requestMilli), n++;
    for (const p of unready) (r += p.requestMilli), n++;
  }
  const newRatio = (u * 100) / r / targetUtilization;
  if (Math.abs(1 - newRatio) <= tolerance || (ratio < 1 && newRatio > 1) || (ratio > 1 && newRatio < 1)) {
    return { replicas: currentReplicas, utilization, averageMilli };
  }
  const replicas = Math.ceil(newRatio * n);
  if ((newRatio < 1 && replicas > currentReplicas) || (newRatio > 1 && replicas < currentReplicas)) return { replicas: currentReplicas, utilization, averageMilli };
  return { replicas, utilization, averageMilli };
}
