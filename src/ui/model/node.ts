// The STATUS and ROLES columns of `kubectl get nodes` (printNode in
// kubernetes/pkg/printers/internalversion/printers.go).
import type { Node } from '../../engine/api/core';

export interface NodeStatusSummary {
  /** 'Ready' | 'NotReady' | 'Unknown' from the Ready condition. */
  condition: 'Ready' | 'NotReady' | 'Unknown';
  schedulingDisabled: boolean;
  /** What kubectl prints: 'Ready', 'NotReady,SchedulingDisabled', … */
  text: string;
}

export function nodeStatus(node: Node): NodeStatusSummary {
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  const condition = ready?.status === 'True' ? 'Ready' : ready?.status === 'False' ? 'NotReady' : 'Unknown';
  const schedulingDisabled = node.spec?.unschedulable === true;
  return { condition, schedulingDisabled, text: schedulingDisabled ? `${condition},SchedulingDisabled` : condition };
}

/** Roles from `node-role.kubernetes.io/<role>` labels (and the legacy `kubernetes.io/role`). */
export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return [...roles].sort();
}
