// Scaling behaviour: mirrors horizontal.go (stabilizeRecommendationWithBehaviors,
// convertDesiredReplicasWithBehaviorRate, calculateScaleUpLimitWithScalingRules,
// calculateScaleDownLimitWithBehaviors) and the defaults in pkg/apis/autoscaling/v2/defaults.go.
//
// Defaults: scale up at most max(4 pods, 100 %) per 15 s with no stabilization window; scale
// down at most 100 % per 15 s, but only to the highest recommendation of the last 300 s. So
// 1 → 5 wanted: first step max(1+4, 1·2) = 5; 2 → 20 wanted: max(6, 4) = 6, then 12, 20.
import type { HPAScalingRules } from '../../api/autoscaling';

export interface Recommendation {
  at: number;
  replicas: number;
}

export interface ScaleEvent {
  at: number;
  /** Positive: replicas added; negative: removed. */
  change: number;
}

export const DEFAULT_SCALE_UP: Required<HPAScalingRules> = {
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ],
};

export const DEFAULT_SCALE_DOWN: Required<HPAScalingRules> = {
  stabilizationWindowSeconds: 300,
  selectPolicy: 'Max',
  policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
};

export function withDefaults(r: HPAScalingRules | undefined, d: Required<HPAScalingRules>): Required<HPAScalingRules> {
  return {
    stabilizationWindowSeconds: r?.stabilizationWindowSeconds ?? d.stabilizationWindowSeconds,
    selectPolicy: r?.selectPolicy ?? d.selectPolicy,
    policies: r?.policies?.length ? r.policies : d.policies,
  };
}

/**
 * stabilizeRecommendationWithBehaviors: scale up only to the lowest, and down only to the
 * highest, recommendation inside the respective window (recommendations include this one).
 */
export function stabilize(current: number, desired: number, recs: Recommendation[], now: number, up: Required<HPAScalingRules>, down: Required<HPAScalingRules>): number {
  let upRec = desired;
  let downRec = desired;
  const upCut = now - up.stabilizationWindowSeconds * 1000;
  const downCut = now - down.stabilizationWindowSeconds * 1000;
  for (const r of recs) {
    if (r.at > upCut) upRec = Math.min(upRec, r.replicas);
    if (r.at > downCut) downRec = Math.max(downRec, r.replicas);
  }
  let rec = current;
  if (rec < upRec) rec = upRec;
  if (rec > downRec) rec = downRec;
  return rec;
}

function changeInPeriod(events: ScaleEvent[], now: number, periodSeconds: number, sign: 1 | -1): number {
  const cut = now - periodSeconds * 1000;
  return events.filter((e) => e.at > cut && Math.sign(e.change) === sign).reduce((s, e) => s + Math.abs(e.change), 0);
}

/** The most replicas the scale-up policies allow right now. */
export function scaleUpLimit(current: number, events: ScaleEvent[], rules: Required<HPAScalingRules>, now: number): number {
  if (rules.selectPolicy === 'Disabled') return current;
  let result = rules.selectPolicy === 'Min' ? Infinity : -Infinity;
  for (const p of rules.policies) {
    const start = current - changeInPeriod(events, now, p.periodSeconds, 1);
    const proposed = p.type === 'Pods' ? start + p.value : Math.ceil(start * (1 + p.value / 100));
    result = rules.selectPolicy === 'Min' ? Math.min(result, proposed) : Math.max(result, proposed);
  }
  return Math.max(result, current);
}

/** The fewest replicas the scale-down policies allow right now. */
export function scaleDownLimit(current: number, events: ScaleEvent[], rules: Required<HPAScalingRules>, now: number): number {
  if (rules.selectPolicy === 'Disabled') return current;
  let result = rules.selectPolicy === 'Min' ? -Infinity : Infinity;
  for (const p of rules.policies) {
    const start = current + changeInPeriod(events, now, p.periodSeconds, -1);
    const proposed = p.type === 'Pods' ? start - p.value : Math.trunc(start * (1 - p.value / 100));
    result = rules.selectPolicy === 'Min' ? Math.max(result, proposed) : Math.min(result, proposed);
  }
  return Math.min(result, current);
}

export interface Normalized {
  replicas: number;
  limited?: { reason: string; message: string };
  stabilized: boolean;
}

/** normalizeDesiredReplicasWithBehaviors: stabilize, then clamp to the rate limits and min/max. */
export function normalizeWithBehaviors(
  current: number, desired: number, min: number, max: number, recs: Recommendation[], events: ScaleEvent[], now: number,
  up: Required<HPAScalingRules>, down: Required<HPAScalingRules>,
): Normalized {
  const stab = stabilize(current, desired, recs, now, up, down);
  const stabilized = stab !== desired;
  if (stab > current) {
    const upLimit = scaleUpLimit(current, events, up, now);
    if (upLimit < stab && upLimit < max) return { replicas: upLimit, limited: { reason: 'ScaleUpLimit', message: 'the desired replica count is increasing faster than the maximum scale rate' }, stabilized };
    if (stab > max) return { replicas: max, limited: { reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count' }, stabilized };
    return { replicas: stab, stabilized };
  }
  if (stab < current) {
    const downLimit = scaleDownLimit(current, events, down, now);
    if (downLimit > stab && downLimit > min) return { replicas: downLimit, limited: { reason: 'ScaleDownLimit', message: 'the desired replica count is decreasing faster than the maximum scale rate' }, stabilized };
    if (stab < min) return { replicas: min, limited: { reason: 'TooFewReplicas', message: 'the desired replica count is less than the minimum replica count' }, stabilized };
    return { replicas: stab, stabilized };
  }
  if (stab > max) return { replicas: max, limited: { reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count' }, stabilized };
  if (stab < min) return { replicas: min, limited: { reason: 'TooFewReplicas', message: 'the desired replica count is less than the minimum replica count' }, stabilized };
  return { replicas: stab, stabilized };
}
