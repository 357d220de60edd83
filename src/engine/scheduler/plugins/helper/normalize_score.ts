// DefaultNormalizeScore: mirrors pkg/scheduler/framework/plugins/helper/normalize_score.go.

/**
 * Rescale scores so the highest becomes `maxPriority` (integer division, as int64 in Go).
 * Example: raw [0, 3, 6], max 100 ⇒ [0, 50, 100]; reversed ⇒ [100, 50, 0].
 * When every score is 0 they stay 0, or all become `maxPriority` when reversed.
 */
export function defaultNormalizeScore(maxPriority: number, reverse: boolean, scores: number[]): void {
  let maxCount = 0;
  for (const s of scores) if (s > maxCount) maxCount = s;
  if (maxCount === 0) {
    if (reverse) for (let i = 0; i < scores.length; i++) scores[i] = maxPriority;
    return;
  }
  for (let i = 0; i < scores.length; i++) {
    let s = Math.trunc((maxPriority * scores[i]) / maxCount);
    if (reverse) s = maxPriority - s;
    scores[i] = s;
  }
}
