// The NetworkPolicy enforcer on the request path: kube-network-policies as kindnet runs it
// (kind ≥ v0.24 bundles it, so a kind cluster enforces NetworkPolicy). It plugs into the
// ClusterNetwork's `filters`: every connection that reaches a pod is evaluated (evaluate.ts) and
// a denied one is dropped silently, so the client times out (curl: (28) …). Each change of
// verdict is traced with the deciding policy, or "no policy allows it".
import type { Namespace, Pod } from '../api/core';
import type { NetworkPolicy } from '../api/networking';
import type { Informer } from '../client/informer';
import type { Component, ComponentContext } from '../component';
import type { Client, PacketFilter } from '../traffic/network';
import { evaluateConnection, type ConnEnd } from './evaluate';

export class NetworkPolicyEnforcer implements Component {
  readonly name = 'kube-network-policies';
  running = true;
  private policies!: Informer<NetworkPolicy>;
  private namespaces!: Informer<Namespace>;
  private lastTrace = '';

  constructor(private readonly ctx: ComponentContext) {
    this.policies = ctx.informers.for<NetworkPolicy>({ group: 'networking.k8s.io', resource: 'networkpolicies' });
    this.namespaces = ctx.informers.for<Namespace>({ group: '', resource: 'namespaces' });
  }

  start(): void {}
  hasWork(): boolean {
    return false;
  }
  runOnce(): void {}

  /** The ClusterNetwork filter: undefined lets the packet through, else why it was dropped. */
  readonly filter: PacketFilter = (client, pod, port, protocol, sourceIP) => {
    const policies = this.policies.list();
    if (!policies.length) return undefined;
    const src = this.clientEnd(client, sourceIP);
    const srcSeen = src.pod && src.ip !== sourceIP ? { ip: sourceIP } : undefined;
    const dst: ConnEnd = { ip: pod.status?.podIP ?? '', pod: peerPod(pod) };
    const v = evaluateConnection(policies, { src, dst, port, protocol, ...(srcSeen ? { srcSeen } : {}) }, (ns) => this.namespaceLabels(ns));
    const isolated = !!(v.egress?.isolatedBy.length || v.ingress?.isolatedBy.length);
    if (isolated || !v.allowed) this.trace(v.allowed ? 'allow' : 'drop', v.reason);
    return v.allowed ? undefined : `NetworkPolicy: ${v.reason}`;
  };

  /**
   * The client: a pod keeps its identity for egress; if the packet was SNATed on the way
   * (NodePort/LoadBalancer from a pod), ingress rules only see the new address (srcSeen).
   */
  private clientEnd(client: Client, sourceIP: string): ConnEnd {
    if (client.kind === 'external') return { ip: sourceIP };
    const p = client.pod;
    if (p.spec.hostNetwork) return { ip: sourceIP };
    return { ip: p.status?.podIP ?? sourceIP, pod: peerPod(p) };
  }

  /** A namespace's labels; kubernetes.io/metadata.name is always set (the API server adds it). */
  private namespaceLabels(ns: string): Record<string, string> {
    return { 'kubernetes.io/metadata.name': ns, ...(this.namespaces.get(ns)?.metadata.labels ?? {}) };
  }

  private trace(action: string, message: string): void {
    if (message === this.lastTrace) return;
    this.lastTrace = message;
    this.ctx.trace.record({ component: 'kube-network-policies', action, message });
  }

  save(): unknown {
    return { lastTrace: this.lastTrace };
  }

  load(s: unknown): void {
    this.lastTrace = (s as { lastTrace?: string } | null)?.lastTrace ?? '';
  }
}

function peerPod(p: Pod): ConnEnd['pod'] {
  return {
    namespace: p.metadata.namespace ?? 'default',
    name: p.metadata.name ?? '',
    labels: p.metadata.labels ?? {},
    ports: p.spec.containers.flatMap((c) => c.ports ?? []),
  };
}
