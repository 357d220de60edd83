// Indexed Jobs: mirrors pkg/controller/job/indexed_job_utils.go (calculateSucceededIndexes,
// firstPendingIndexes, the completedIndexes interval format, addCompletionIndexEnvVariables).
import type { Container, Pod } from '../../api/core';
import { JOB_COMPLETION_INDEX_ANNOTATION, JOB_COMPLETION_INDEX_ENV } from '../../api/batch';

/** The pod's completion index from its annotation, or undefined when missing or malformed. */
export function getCompletionIndex(pod: Pod): number | undefined {
  const v = pod.metadata.annotations?.[JOB_COMPLETION_INDEX_ANNOTATION];
  if (v === undefined || !/^\d+$/.test(v)) return undefined;
  return Number(v);
}

/** `[0,1,2,4,6,7]` → `"0-2,4,6-7"` (status.completedIndexes). */
export function formatIndexes(indexes: number[]): string {
  const xs = [...new Set(indexes)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < xs.length; ) {
    let j = i;
    while (j + 1 < xs.length && xs[j + 1] === xs[j] + 1) j++;
    parts.push(j === i ? String(xs[i]) : j === i + 1 ? `${xs[i]},${xs[j]}` : `${xs[i]}-${xs[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** Parse "0-2,4" back to [0,1,2,4]. */
export function parseIndexes(s: string | undefined): number[] {
  const out: number[] = [];
  for (const part of (s ?? '').split(',')) {
    if (!part) continue;
    const [a, b] = part.split('-').map(Number);
    for (let i = a; i <= (b ?? a); i++) out.push(i);
  }
  return out;
}

/** firstPendingIndexes: the `count` lowest indexes neither succeeded nor being worked on. */
export function firstPendingIndexes(completions: number, succeeded: Set<number>, active: Set<number>, count: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < completions && out.length < count; i++) if (!succeeded.has(i) && !active.has(i)) out.push(i);
  return out;
}

/**
 * addCompletionIndexEnvVariables: every container learns its index from the downward API, so
 * `echo $JOB_COMPLETION_INDEX` prints 0, 1, 2… (the kubelet resolves the annotation fieldRef).
 */
export function addCompletionIndexEnv(containers: Container[] | undefined): void {
  for (const c of containers ?? []) {
    if ((c.env ?? []).some((e) => e.name === JOB_COMPLETION_INDEX_ENV)) continue;
    c.env = [...(c.env ?? []), { name: JOB_COMPLETION_INDEX_ENV, valueFrom: { fieldRef: { fieldPath: `metadata.annotations['${JOB_COMPLETION_INDEX_ANNOTATION}']` } } }];
  }
}
