// NetworkPolicy semantics as a pure function: may a connection from `src` reach `dst` on
// port/protocol? Mirrors kube-network-policies (sigs.k8s.io/kube-network-policies,
// pkg/networkpolicy/controller.go evaluatePacket / evaluator), the enforcer kindnet bundles
// since kind v0.24, which implements the API's documented rules:
//
// * A pod is isolated for ingress when any policy of its namespace selects it and lists
//   `Ingress` in policyTypes; likewise for egress. A direction no policy isolates is open.
// * An isolated direction allows a connection when any rule of any of those policies matches
//   (policies are additive: there is no "deny" rule). Egress is checked on the client's side,
//   ingress on the server's; both must allow.
// * A rule matches when one of its peers matches (absent/empty `from`/`to`: everyone) and one of
//   its ports matches (absent/empty `ports`: every port).
// * Peers: `podSelector` alone = pods of the policy's namespace; `namespaceSelector` alone = all
//   pods of matching namespaces; both in one peer = pods matching both (AND); `ipBlock` = the
//   address is in `cidr` and in none of `except`.
// * Ports: protocol (default TCP) and a number, a number range port..endPort, or a name that is
//   looked up in the destination pod's container ports (`http` → 8080 on a pod that names its
//   port 8080 `http`; a pod without that name never matches).
import type { ContainerPort } from '../api/core';
import { cidrContains, parseCIDR, parseIPv4 } from '../api/cidr';
import { matchesLabelSelector } from '../api/labels';
import type { NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort, PolicyType } from '../api/networking';

export interface PeerPod {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  ports: ContainerPort[];
}

/** One end of a connection: an address, and the pod behind it when there is one. */
export interface ConnEnd {
  ip: string;
  pod?: PeerPod;
}

export interface Connection {
  src: ConnEnd;
  dst: ConnEnd;
  port: number;
  protocol: string;
  /** The source as the server sees it when SNAT hid the client pod (NodePort/LB): address only. */
  srcSeen?: ConnEnd;
}

export interface DirectionVerdict {
  direction: PolicyType;
  /** Policies that select the pod for this direction (empty: not isolated, allowed). */
  isolatedBy: string[];
  /** The first policy (namespace/name) whose rule allows the connection. */
  allowedBy?: string;
  allowed: boolean;
}

export interface Verdict {
  allowed: boolean;
  egress?: DirectionVerdict;
  ingress?: DirectionVerdict;
  /** Plain words for traces: which policy decided, or "no policy allows it". */
  reason: string;
}

export type NamespaceLabels = (namespace: string) => Record<string, string>;

function policyTypes(np: NetworkPolicy): PolicyType[] {
  if (np.spec.policyTypes?.length) return np.spec.policyTypes;
  return np.spec.egress?.length ? ['Ingress', 'Egress'] : ['Ingress'];
}

export function peerMatches(peer: NetworkPolicyPeer, policyNamespace: string, other: ConnEnd, nsLabels: NamespaceLabels): boolean {
  if (peer.ipBlock) {
    const ip = parseIPv4(other.ip);
    const c = parseCIDR(peer.ipBlock.cidr);
    if (ip === undefined || !c || !cidrContains(c, ip)) return false;
    return !(peer.ipBlock.except ?? []).some((x) => {
      const e = parseCIDR(x);
      return !!e && cidrContains(e, ip);
    });
  }
  const pod = other.pod;
  if (!pod) return false;
  if (peer.namespaceSelector) {
    if (!matchesLabelSelector(peer.namespaceSelector, nsLabels(pod.namespace))) return false;
  } else if (pod.namespace !== policyNamespace) {
    return false;
  }
  return peer.podSelector ? matchesLabelSelector(peer.podSelector, pod.labels) : true;
}

export function portMatches(p: NetworkPolicyPort, port: number, protocol: string, dst: ConnEnd): boolean {
  if ((p.protocol ?? 'TCP') !== protocol) return false;
  if (p.port === undefined) return true;
  if (typeof p.port === 'number') return p.endPort !== undefined ? port >= p.port && port <= p.endPort : port === p.port;
  // A named port: the destination pod must have a container port of that name, protocol and number.
  return (dst.pod?.ports ?? []).some((cp) => cp.name === p.port && cp.containerPort === port && (cp.protocol ?? 'TCP') === protocol);
}

function ruleMatches(peers: NetworkPolicyPeer[] | undefined, ports: NetworkPolicyPort[] | undefined, ns: string, other: ConnEnd, c: Connection, nsLabels: NamespaceLabels): boolean {
  const peerOK = !peers?.length || peers.some((p) => peerMatches(p, ns, other, nsLabels));
  const portOK = !ports?.length || ports.some((p) => portMatches(p, c.port, c.protocol, c.dst));
  return peerOK && portOK;
}

function checkDirection(direction: PolicyType, policies: readonly NetworkPolicy[], self: PeerPod, c: Connection, nsLabels: NamespaceLabels): DirectionVerdict {
  const isolating = policies.filter((np) => np.metadata.namespace === self.namespace && policyTypes(np).includes(direction) && matchesLabelSelector(np.spec.podSelector ?? {}, self.labels));
  const isolatedBy = isolating.map((np) => np.metadata.name ?? '');
  if (!isolating.length) return { direction, isolatedBy, allowed: true };
  for (const np of isolating) {
    const ns = np.metadata.namespace ?? 'default';
    const rules = direction === 'Ingress' ? (np.spec.ingress ?? []).map((r) => ({ peers: r.from, ports: r.ports })) : (np.spec.egress ?? []).map((r) => ({ peers: r.to, ports: r.ports }));
    const other = direction === 'Ingress' ? c.srcSeen ?? c.src : c.dst;
    if (rules.some((r) => ruleMatches(r.peers, r.ports, ns, other, c, nsLabels))) return { direction, isolatedBy, allowedBy: `${ns}/${np.metadata.name}`, allowed: true };
  }
  return { direction, isolatedBy, allowed: false };
}

/** Evaluate one connection against every NetworkPolicy of the cluster. */
export function evaluateConnection(policies: readonly NetworkPolicy[], c: Connection, nsLabels: NamespaceLabels): Verdict {
  const sorted = [...policies].sort((a, b) => `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`));
  const v: Verdict = { allowed: true, reason: '' };
  const what = `${c.src.pod ? `${c.src.pod.namespace}/${c.src.pod.name}` : c.src.ip} → ${c.dst.pod ? `${c.dst.pod.namespace}/${c.dst.pod.name}` : c.dst.ip}:${c.port}/${c.protocol}`;
  const notes: string[] = [];
  if (c.src.pod) {
    v.egress = checkDirection('Egress', sorted, c.src.pod, c, nsLabels);
    if (!v.egress.allowed) {
      v.allowed = false;
      v.reason = `${what} dropped: ${c.src.pod.namespace}/${c.src.pod.name} is isolated for egress by ${v.egress.isolatedBy.join(', ')} and no policy allows it`;
      return v;
    }
    if (v.egress.allowedBy) notes.push(`egress allowed by ${v.egress.allowedBy}`);
  }
  if (c.dst.pod) {
    v.ingress = checkDirection('Ingress', sorted, c.dst.pod, c, nsLabels);
    if (!v.ingress.allowed) {
      v.allowed = false;
      v.reason = `${what} dropped: ${c.dst.pod.namespace}/${c.dst.pod.name} is isolated for ingress by ${v.ingress.isolatedBy.join(', ')} and no policy allows it`;
      return v;
    }
    if (v.ingress.allowedBy) notes.push(`ingress allowed by ${v.ingress.allowedBy}`);
  }
  v.reason = notes.length ? `${what} allowed: ${notes.join('; ')}` : `${what} allowed: no policy isolates these pods`;
  return v;
}
