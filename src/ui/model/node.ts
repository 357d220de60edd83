// The STATUS and ROLES columns of `kubectl get nodes` (printNode in
// kubernetes/pkg/printers/internalversion/printers.go).
import type { Node } from '../../engine/api/core';

export interface NodeStatusSummary {
  /**
   * As kubectl prints it: 'Ready' when the Ready condition is True, 'NotReady' when it is False
   * or Unknown (a failed kubelet: the node lifecycle controller sets Unknown when heartbeats
   * stop), 'Unknown' only when the node has no Ready condition at all.
   */
  condition: 'Ready' | 'NotReady' | 'Unknown';
  schedulingDisabled: boolean;
  /** What kubectl prints: 'Ready', 'NotReady,SchedulingDisabled', … */
  text: string;
}

export function nodeStatus(node: Node): NodeStatusSummary {
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  const condition = !ready ? 'Unknown' : ready.status === 'True' ? 'Ready' : 'NotReady';
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
