// FitError's message: mirrors FitError.Error() in pkg/scheduler/framework/types.go and the
// DefaultPreemption PostFilter message (pkg/scheduler/framework/preemption).

export const NO_NODES_AVAILABLE = 'no nodes available to schedule pods';
export const PREEMPTION_NOT_HELPFUL = 'Preemption is not helpful for scheduling';
export const NO_PREEMPTION_VICTIMS = 'No preemption victims found for incoming pod';

/**
 * The reason histogram: "<count> <reason>" strings sorted as strings (so "10 …" sorts before "2 …",
 * exactly as Go's sort.Strings does).
 */
export function sortedHistogram(reasons: ReadonlyMap<string, number>): string[] {
  const out: string[] = [];
  for (const [reason, count] of reasons) out.push(`${count} ${reason}`);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** "preemption: 0/<N> nodes are available: <histogram>" (the final period is added by fitErrorMessage). */
export function preemptionMessage(numAllNodes: number, reasons: ReadonlyMap<string, number>): string {
  return `preemption: 0/${numAllNodes} nodes are available: ${sortedHistogram(reasons).join(', ')}`;
}

/**
 * Example: 4 nodes, the control plane tainted, three workers short of cpu ⇒
 * `0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: },
 * 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling,
 * 3 No preemption victims found for incoming pod.`
 */
export function fitErrorMessage(numAllNodes: number, reasons: ReadonlyMap<string, number>, preFilterMsg = '', postFilterMsg = ''): string {
  let msg = `0/${numAllNodes} nodes are available:`;
  if (preFilterMsg) {
    msg += ` ${preFilterMsg}.`;
  } else {
    const h = sortedHistogram(reasons);
    if (h.length) msg += ` ${h.join(', ')}.`;
  }
  if (postFilterMsg) msg += ` ${postFilterMsg}.`;
  return msg;
}

/** truncateMessage: event and condition messages are capped at 1024 characters. */
export function truncateMessage(message: string): string {
  const max = 1024;
  if (message.length <= max) return message;
  const suffix = ' ...';
  return message.slice(0, max - suffix.length) + suffix;
}
