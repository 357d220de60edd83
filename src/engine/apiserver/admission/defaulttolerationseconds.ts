// DefaultTolerationSeconds admission: mirrors plugin/pkg/admission/defaulttolerationseconds/admission.go.
// Every pod tolerates a not-ready or unreachable node for a while (--default-not-ready-toleration-seconds
// and --default-unreachable-toleration-seconds, 300 s): after a node stops heartbeating, its pods are
// evicted about node-monitor-grace-period (50 s) + 300 s later, not at once.
import type { Pod, Toleration } from '../../api/core';
import type { AdmissionPlugin } from '../types';

export const TAINT_NODE_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_NODE_UNREACHABLE = 'node.kubernetes.io/unreachable';

export function defaultTolerationSeconds(seconds: number): AdmissionPlugin {
  return {
    name: 'DefaultTolerationSeconds',
    admit(a) {
      if (a.operation === 'DELETE' || a.subresource || a.info.group !== '' || a.info.resource !== 'pods') return;
      const pod = a.object as Pod;
      const tolerations = pod.spec.tolerations ?? [];
      // An empty key tolerates every key; an empty effect every effect.
      const tolerates = (key: string) => tolerations.some((t) => (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect));
      const add: Toleration[] = [];
      for (const key of [TAINT_NODE_NOT_READY, TAINT_NODE_UNREACHABLE]) {
        if (!tolerates(key)) add.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: seconds });
      }
      if (add.length) pod.spec.tolerations = [...tolerations, ...add];
    },
  };
}
