// NodePorts: mirrors pkg/scheduler/framework/plugins/nodeports/node_ports.go.
import type { Pod } from '../../../api/core';
import type { CycleState } from '../../framework/cycle_state';
import { getContainerPorts, type HostPort } from '../../framework/host_ports';
import type { NodeInfo } from '../../framework/node_info';
import { SKIP_STATUS, unschedulable, type ClusterEvent, type FilterPlugin, type PreFilterPlugin, type Status } from '../../framework/types';

export const Name = 'NodePorts';
export const ErrReason = "node(s) didn't have free ports for the requested pod ports";
const PRE_FILTER_KEY = `PreFilter${Name}`;
const STATUS = unschedulable(ErrReason);

/** Fits when none of the wanted host ports is already taken on the node. */
export function fitsPorts(wanted: readonly HostPort[], nodeInfo: NodeInfo): boolean {
  for (const p of wanted) if (nodeInfo.usedPorts.checkConflict(p)) return false;
  return true;
}

export class NodePorts implements PreFilterPlugin, FilterPlugin {
  readonly name = Name;
  readonly events: readonly ClusterEvent[] = ['NodeAdd', 'AssignedPodDelete'];

  /** Pods without host ports (almost all) skip the Filter. */
  preFilter(state: CycleState, pod: Pod): Status | null {
    const ports = getContainerPorts(pod.spec);
    if (ports.length === 0) return SKIP_STATUS;
    state.write(PRE_FILTER_KEY, ports);
    return null;
  }

  filter(state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status | null {
    const ports = state.read<HostPort[]>(PRE_FILTER_KEY) ?? getContainerPorts(pod.spec);
    return fitsPorts(ports, nodeInfo) ? null : STATUS;
  }
}

export function New(): NodePorts {
  return new NodePorts();
}
