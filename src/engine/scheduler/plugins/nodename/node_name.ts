// NodeName: mirrors pkg/scheduler/framework/plugins/nodename/node_name.go.
import type { Pod } from '../../../api/core';
import type { CycleState } from '../../framework/cycle_state';
import type { NodeInfo } from '../../framework/node_info';
import { unresolvable, type ClusterEvent, type FilterPlugin, type Status } from '../../framework/types';

export const Name = 'NodeName';
export const ErrReason = "node(s) didn't match the requested node name";

const STATUS = unresolvable(ErrReason);

/** A pod that names a node fits only there. (The queue never holds pods with spec.nodeName set.) */
export function fits(pod: Pod, nodeInfo: NodeInfo): boolean {
  return !pod.spec.nodeName || pod.spec.nodeName === nodeInfo.name;
}

export class NodeName implements FilterPlugin {
  readonly name = Name;
  readonly events: readonly ClusterEvent[] = ['NodeAdd'];
  filter(_state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status | null {
    return fits(pod, nodeInfo) ? null : STATUS;
  }
}

export function New(): NodeName {
  return new NodeName();
}
