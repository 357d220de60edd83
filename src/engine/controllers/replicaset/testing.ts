// Test harness for the ReplicaSet and Deployment controller tests (not a Kubernetes file): the
// shared engine harness (testing/harness.ts) with plain strategies, and a tiny fake kubelet that
// binds each new pod to a node and marks it Running+Ready after a fixed delay, and removes
// terminating pods after another delay.
import type { Pod } from '../../api/core';
import type { KubeObject } from '../../api/meta';
import { deepCopy, keyOf, splitKey } from '../../api/meta';
import type { GVR } from '../../apiserver/apiserver';
import { WorkQueue } from '../../client/workqueue';
import type { Component } from '../../component';
import type { Timer } from '../../sim/clock';
import { G, TestHarness } from '../../testing/harness';

export class Harness extends TestHarness {
  /** Called after every stored change (for invariants checked "at every step"). */
  onChange?: () => void;

  constructor(seed = 1) {
    super({ seed });
    this.store.watchAll(() => this.onChange?.());
  }

  create<T extends KubeObject>(gvr: GVR, obj: T): T {
    const r = this.api.create(gvr, obj.metadata.namespace ?? 'default', obj) as T;
    this.settle();
    return r;
  }

  /** Read-modify-write as kubectl edit would (spec changes bump generation). */
  edit<T extends KubeObject>(gvr: GVR, name: string, fn: (o: T) => void, ns = 'default'): T {
    const o = deepCopy(this.api.get(gvr, ns, name)) as T;
    fn(o);
    const r = this.api.update(gvr, ns, o) as T;
    this.settle();
    return r;
  }

  list<T extends KubeObject>(gvr: GVR, ns = 'default'): T[] {
    return this.api.list(gvr, ns).items as T[];
  }

  get<T extends KubeObject>(gvr: GVR, name: string, ns = 'default'): T {
    return this.api.get(gvr, ns, name) as T;
  }

  pods(ns = 'default'): Pod[] {
    return this.list<Pod>(G.pods, ns);
  }

  activePods(ns = 'default'): Pod[] {
    return this.pods(ns).filter((p) => !p.metadata.deletionTimestamp);
  }

  eventMessages(reason?: string): string[] {
    return this.list<KubeObject & { reason: string; message: string }>(G.events)
      .filter((e) => !reason || e.reason === reason)
      .map((e) => e.message);
  }
}

export interface FakeKubeletOptions {
  nodes?: string[];
  readyAfterMs?: number;
  /** How long a deleted pod stays terminating. */
  terminateAfterMs?: number;
  /** Pods whose name matches never become Ready. */
  neverReady?: (p: Pod) => boolean;
}

/** Binds, readies and removes pods; enough of a kubelet+scheduler for controller tests. */
export class FakeKubelet implements Component {
  readonly name = 'fake-kubelet';
  private queue = new WorkQueue();
  private next = 0;
  private readyArmed = new Set<string>();
  private removeArmed = new Set<string>();
  private readonly nodes: string[];
  private readonly readyAfterMs: number;
  private readonly terminateAfterMs: number;

  constructor(private readonly h: Harness, private readonly opts: FakeKubeletOptions = {}) {
    this.nodes = opts.nodes ?? ['node-a', 'node-b', 'node-c'];
    this.readyAfterMs = opts.readyAfterMs ?? 1000;
    this.terminateAfterMs = opts.terminateAfterMs ?? 2000;
  }

  start(): void {
    this.h.informers.for<Pod>(G.pods).addHandler({
      add: (p) => this.queue.add(keyOf(p)),
      update: (_o, p) => this.queue.add(keyOf(p)),
    });
  }

  hasWork(): boolean {
    return this.queue.len() > 0;
  }

  runOnce(): void {
    for (let k = this.queue.get(); k !== undefined; k = this.queue.get()) {
      const { namespace, name } = splitKey(k);
      const pod = this.h.api.tryGet(G.pods, namespace, name) as Pod | undefined;
      if (!pod) continue;
      const id = pod.metadata.uid ?? '';
      if (pod.metadata.deletionTimestamp) {
        if (!this.removeArmed.has(id)) {
          this.removeArmed.add(id);
          this.h.clock.after(this.terminateAfterMs, this.name, 'remove', { namespace, name, uid: id });
        }
        continue;
      }
      if (!pod.spec.nodeName) {
        this.h.api.bind(namespace, name, this.nodes[this.next++ % this.nodes.length], { user: 'fake-scheduler' });
        continue;
      }
      if (!this.readyArmed.has(id) && !this.opts.neverReady?.(pod)) {
        this.readyArmed.add(id);
        this.h.clock.after(this.readyAfterMs, this.name, 'ready', { namespace, name, uid: id });
      }
    }
  }

  onTimer(t: Timer): void {
    const { namespace, name, uid } = t.payload as { namespace: string; name: string; uid: string };
    const pod = this.h.api.tryGet(G.pods, namespace, name) as Pod | undefined;
    if (!pod || pod.metadata.uid !== uid) return;
    if (t.kind === 'remove') {
      this.h.api.delete(G.pods, namespace, name, { gracePeriodSeconds: 0, user: 'kubelet' });
      return;
    }
    if (pod.metadata.deletionTimestamp) return;
    const now = this.h.clock.iso();
    const copy = deepCopy(pod);
    copy.status = {
      ...(copy.status ?? {}),
      phase: 'Running',
      conditions: [
        ...(copy.status?.conditions ?? []).filter((c) => c.type !== 'Ready'),
        { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: now },
      ],
    };
    this.h.api.update(G.pods, namespace, copy, { subresource: 'status', user: 'kubelet' });
  }
}
