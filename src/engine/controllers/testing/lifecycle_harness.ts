// Test harness for controller tests: the shared engine harness (testing/harness.ts) with plain
// strategies and seed 7, started with only the components a test names (no kubelet, no
// scheduler). "Kubelets" are played by the test through heartbeats and node status writes.
import type { Event, Node, Pod, Toleration } from '../../api/core';
import type { KubeObject, OwnerReference } from '../../api/meta';
import type { Component, ComponentContext } from '../../component';
import { G, nodeObject, podObject, TestHarness } from '../../testing/harness';

/** The tolerations the DefaultTolerationSeconds admission plugin adds to every pod (300 s). */
export const DEFAULT_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];

/** What the DaemonSet controller gives its pods: tolerate not-ready/unreachable forever. */
export const DAEMON_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
];

/** The node conditions a healthy kubelet posts: type → status, reason, message. */
const KUBELET_OK: Record<string, ['True' | 'False', string, string]> = {
  MemoryPressure: ['False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
  DiskPressure: ['False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
  PIDPressure: ['False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
  Ready: ['True', 'KubeletReady', 'kubelet is posting ready status'],
};

export class Harness extends TestHarness {
  constructor(make: (ctx: ComponentContext) => Component[]) {
    super({ seed: 7 });
    for (const c of make(this.ctx)) this.add(c);
    this.start();
  }

  /** A registered node whose kubelet renews its Lease from now on, reporting Ready=True. */
  addNode(name: string, opts: { unschedulable?: boolean } = {}): Node {
    const iso = this.clock.iso();
    const conditions = Object.entries(KUBELET_OK).map(([type, [status, reason, message]]) => ({ type, status, reason, message, lastHeartbeatTime: iso, lastTransitionTime: iso }));
    const node = this.api.create(G.nodes, '', {
      ...nodeObject({ name, unschedulable: opts.unschedulable || undefined }),
      status: { conditions },
    } as Node, { user: `kubelet/${name}` }) as Node;
    this.heartbeats.started(name, this.clock.now());
    this.settle();
    return node;
  }

  /** sim node fail: the kubelet stops renewing (its last renewal is the last 10 s tick). */
  stopKubelet(name: string): void {
    this.heartbeats.stopped(name, this.clock.now());
    this.settle();
  }

  /** sim node recover: the kubelet renews again and re-posts Ready=True. */
  restartKubelet(name: string): void {
    this.heartbeats.started(name, this.clock.now());
    const node = this.node(name)!;
    const iso = this.clock.iso();
    const conditions = (node.status?.conditions ?? []).map((c) => {
      const [status, reason, message] = KUBELET_OK[c.type] ?? [c.status, c.reason, c.message];
      return { ...c, status: status as 'True', reason, message, lastHeartbeatTime: iso, lastTransitionTime: c.status === status ? c.lastTransitionTime : iso };
    });
    this.api.update(G.nodes, '', { ...node, status: { ...node.status, conditions } } as Node, { user: `kubelet/${name}`, subresource: 'status' });
    this.settle();
  }

  createPod(name: string, opts: { node?: string; tolerations?: Toleration[]; owner?: OwnerReference; namespace?: string } = {}): Pod {
    const iso = this.clock.iso();
    const pod = this.api.create(G.pods, opts.namespace ?? 'default', podObject({
      name,
      labels: { app: 'web' },
      ownerReferences: opts.owner ? [opts.owner] : undefined,
      container: 'web',
      image: 'nginx:1.27',
      spec: { nodeName: opts.node, tolerations: opts.tolerations },
    }), { user: 'replicaset-controller' }) as Pod;
    if (!opts.node) {
      this.settle();
      return pod;
    }
    const running = this.api.update(G.pods, pod.metadata.namespace!, {
      ...pod,
      status: {
        phase: 'Running',
        conditions: [
          { type: 'Initialized', status: 'True', lastTransitionTime: iso },
          { type: 'Ready', status: 'True', lastTransitionTime: iso },
          { type: 'ContainersReady', status: 'True', lastTransitionTime: iso },
          { type: 'PodScheduled', status: 'True', lastTransitionTime: iso },
        ],
      },
    } as Pod, { user: `kubelet/${opts.node}`, subresource: 'status' }) as Pod;
    this.settle();
    return running;
  }

  /** What a kubelet does when a terminating pod's containers have stopped: remove the object. */
  finishTermination(namespace: string, name: string): void {
    this.api.delete(G.pods, namespace, name, { gracePeriodSeconds: 0, user: 'kubelet' });
    this.settle();
  }

  node(name: string): Node | undefined {
    return this.api.tryGet(G.nodes, '', name) as Node | undefined;
  }

  pod(name: string, namespace = 'default'): Pod | undefined {
    return this.api.tryGet(G.pods, namespace, name) as Pod | undefined;
  }

  get(gvr: { group: string; resource: string }, namespace: string, name: string): KubeObject | undefined {
    return this.api.tryGet(gvr, namespace, name);
  }

  eventList(reason?: string): Event[] {
    const all = this.api.list(G.events, undefined).items as Event[];
    return reason ? all.filter((e) => e.reason === reason) : all;
  }
}
