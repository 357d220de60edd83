// The scheduler's FailedScheduling message, decoded into plain words for students. Upstream format
// (pkg/scheduler/framework/types.go FitError.Error):
//   "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: },
//    3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for
//    scheduling, 3 No preemption victims found for incoming pod."
// Each "<count> <reason>" becomes a sentence; unknown reasons are kept as written.

export interface DecodedReason {
  count: number;
  reason: string;
  plain: string;
}

export interface DecodedFailure {
  available?: number;
  total?: number;
  summary: string;
  reasons: DecodedReason[];
  preemption?: string;
}

const nodes = (n: number) => (n === 1 ? '1 node' : `${n} nodes`);
const verb = (n: number, one: string, many: string) => (n === 1 ? one : many);

const RULES: [RegExp, (n: number, m: RegExpExecArray) => string][] = [
  [/^Insufficient (\S+)$/, (n, m) => `${nodes(n)} ${verb(n, 'does', 'do')} not have enough unrequested ${m[1]} left for this pod's requests (requests count, not actual use).`],
  [/^node\(s\) had untolerated taint \{([^:}]*):? ?([^}]*)\}$/, (n, m) => `${nodes(n)} ${verb(n, 'has', 'have')} the taint ${m[1]}${m[2] ? `=${m[2]}` : ''}, and this pod has no toleration for it.`],
  [/^node\(s\) were unschedulable$/, (n) => `${nodes(n)} ${verb(n, 'is', 'are')} cordoned (SchedulingDisabled): no new pods go there.`],
  [/^node\(s\) didn't match Pod's node affinity\/selector$/, (n) => `${nodes(n)} ${verb(n, 'lacks', 'lack')} the labels this pod's nodeSelector or node affinity asks for.`],
  [/^node\(s\) didn't have free ports for the requested pod ports$/, (n) => `${nodes(n)} already ${verb(n, 'runs', 'run')} a pod using the host port this pod wants.`],
  [/^node\(s\) didn't match the requested node name$/, (n) => `${nodes(n)} ${verb(n, 'is', 'are')} not the node named in the pod's spec.nodeName.`],
  [/^Too many pods$/, (n) => `${nodes(n)} already ${verb(n, 'runs', 'run')} as many pods as ${verb(n, 'it allows', 'they allow')} (status.allocatable.pods).`],
  [/^node\(s\) had volume node affinity conflict$/, (n) => `${nodes(n)} cannot reach the volume this pod needs.`],
];

export function decodeFailedScheduling(message: string): DecodedFailure {
  const msg = message.trim();
  if (/^no nodes available to schedule pods/.test(msg)) return { summary: 'The cluster has no nodes at all: nothing can run until a node joins.', reasons: [] };
  const [main, preemption] = msg.split(/\s*preemption:\s*/);
  const m = /^(\d+)\/(\d+) nodes are available:?\s*(.*?)\.?$/s.exec(main.trim());
  if (!m) return { summary: msg, reasons: [] };
  const available = Number(m[1]);
  const total = Number(m[2]);
  const reasons: DecodedReason[] = [];
  for (const part of splitReasons(m[3])) {
    const pm = /^(\d+) (.*)$/.exec(part.trim());
    if (!pm) continue;
    const count = Number(pm[1]);
    const reason = pm[2].trim();
    let plain = `${nodes(count)}: ${reason}.`;
    for (const [re, f] of RULES) {
      const rm = re.exec(reason);
      if (rm) {
        plain = f(count, rm);
        break;
      }
    }
    reasons.push({ count, reason, plain });
  }
  const summary = available === 0 ? `None of the ${total} nodes can take this pod, so it stays Pending. The scheduler retries when the cluster changes.` : `${available} of ${total} nodes could take this pod.`;
  return { available, total, summary, reasons, ...(preemption ? { preemption: preemptionWords(preemption) } : {}) };
}

/** Reasons are comma-separated, but a taint's braces may hold commas: split outside braces only. */
function splitReasons(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '{') depth++;
    if (ch === '}') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur);
  return out;
}

function preemptionWords(p: string): string {
  if (/No preemption victims|not helpful/.test(p)) return 'Evicting lower-priority pods would not help either (this simulator does not preempt).';
  return `Preemption: ${p}`;
}
