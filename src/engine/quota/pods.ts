// Small pod predicates quota needs (pkg/api/v1/pod/util.go IsPodTerminal).
import type { Pod } from '../api/core';

/** Succeeded or Failed: the pod will never run again. */
export function isTerminal(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}
