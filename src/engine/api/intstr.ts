// intstr.GetScaledValueFromIntOrPercent (k8s.io/apimachinery/pkg/util/intstr).
import type { IntOrString } from './meta';

/**
 * Resolve `25%` or `3` against a total. Rounding matters for rolling updates:
 * maxSurge rounds up, maxUnavailable rounds down (10 replicas, 25%: surge ceil(2.5)=3, unavailable floor(2.5)=2).
 */
export function scaledValue(v: IntOrString | undefined, total: number, roundUp: boolean): number {
  if (v === undefined) return 0;
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v);
  if (!m) {
    if (/^\d+$/.test(v)) return Number(v);
    throw new Error(`invalid value for IntOrString: invalid type: string is not a percentage`);
  }
  const pct = Number(m[1]);
  const exact = (pct * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}
