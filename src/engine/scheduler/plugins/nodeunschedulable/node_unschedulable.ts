// NodeUnschedulable: mirrors pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go.
import type { Pod, Taint } from '../../../api/core';
import type { CycleState } from '../../framework/cycle_state';
import type { NodeInfo } from '../../framework/node_info';
import { unresolvable, type ClusterEvent, type FilterPlugin, type Status } from '../../framework/types';
import { tolerationsTolerateTaint } from '../helper/taints';

export const Name = 'NodeUnschedulable';
export const ErrReasonUnschedulable = 'node(s) were unschedulable';

const UNSCHEDULABLE_TAINT: Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };
const STATUS = unresolvable(ErrReasonUnschedulable);

/**
 * A cordoned node (spec.unschedulable) takes no new pods, unless the pod tolerates the
 * node.kubernetes.io/unschedulable:NoSchedule taint (DaemonSet pods do), which then also
 * tolerates the spec field.
 */
export function fits(pod: Pod, nodeInfo: NodeInfo): boolean {
  if (!nodeInfo.node?.spec?.unschedulable) return true;
  return tolerationsTolerateTaint(pod.spec.tolerations, UNSCHEDULABLE_TAINT);
}

export class NodeUnschedulable implements FilterPlugin {
  readonly name = Name;
  readonly events: readonly ClusterEvent[] = ['NodeAdd', 'NodeTaintChange', 'UnscheduledPodUpdate'];
  filter(_state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status | null {
    return fits(pod, nodeInfo) ? null : STATUS;
  }
}

export function New(): NodeUnschedulable {
  return new NodeUnschedulable();
}
