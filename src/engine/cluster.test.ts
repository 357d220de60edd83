// Whole-cluster scenarios on fixed seeds, through the public engine API only.
import { describe, expect, it } from 'vitest';
import { createCluster, type KubeObject } from './index';
import type { Pod } from './api/core';
import type { Deployment } from './api/apps';
import type { Cluster } from './cluster';

const S = 1000;

function pods(c: Cluster, app?: string, ns = 'default'): Pod[] {
  return (c.objects('/pods', ns) as Pod[]).filter((p) => !app || p.metadata.labels?.app === app);
}

function isReady(p: Pod): boolean {
  return p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

function deployment(c: Cluster, name: string, ns = 'default'): Deployment | undefined {
  return (c.objects('apps/deployments', ns) as Deployment[]).find((d) => d.metadata.name === name);
}

function ok(c: Cluster, line: string, stdin?: string): string {
  const r = c.run(line, { stdin });
  expect(r.stderr, `${line}\n${r.stderr}`).toBe('');
  expect(r.exitCode).toBe(0);
  return r.stdout;
}

const WEB10 = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 10
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.24
`;

describe('default cluster', () => {
  it('has a tainted control-plane node and three kind workers, all Ready', () => {
    const c = createCluster({ seed: 1 });
    const nodes = c.objects('/nodes') as KubeObject[];
    expect(nodes.map((n) => n.metadata.name)).toEqual(['kind-control-plane', 'kind-worker', 'kind-worker2', 'kind-worker3']);
    const out = ok(c, 'kubectl get nodes');
    expect(out.split('\n')[0]).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION$/);
    expect(out).toMatch(/kind-control-plane\s+Ready\s+control-plane/);
    expect(out).toMatch(/kind-worker3\s+Ready\s+<none>/);
  });

  it('runs the control-plane and add-on pods a kind cluster shows', () => {
    const c = createCluster({ seed: 1 });
    const sys = pods(c, undefined, 'kube-system');
    const names = sys.map((p) => p.metadata.name!);
    for (const n of ['etcd-kind-control-plane', 'kube-apiserver-kind-control-plane', 'kube-controller-manager-kind-control-plane', 'kube-scheduler-kind-control-plane']) {
      expect(names).toContain(n);
    }
    const coredns = sys.filter((p) => p.metadata.name!.startsWith('coredns-'));
    expect(coredns).toHaveLength(2);
    for (const p of sys) expect(p.status?.phase, p.metadata.name).toBe('Running');
  });
});

describe('self-healing', () => {
  it('replaces a deleted pod', () => {
    const c = createCluster({ seed: 7 });
    ok(c, 'kubectl create deployment web --image=nginx:1.25 --replicas=3');
    c.advance(30 * S);
    const before = pods(c, 'web');
    expect(before.filter(isReady)).toHaveLength(3);
    const victim = before[0].metadata.name!;
    ok(c, `kubectl delete pod ${victim} --wait=false`);
    c.advance(30 * S);
    const after = pods(c, 'web');
    expect(after.map((p) => p.metadata.name)).not.toContain(victim);
    expect(after.filter(isReady)).toHaveLength(3);
    expect(deployment(c, 'web')?.status?.availableReplicas).toBe(3);
    // Every new pod carries the ReplicaSet's name and a 5-character suffix from the k8s alphabet.
    for (const p of after) expect(p.metadata.name).toMatch(/^web-[4-9bcdf]{6,10}-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });
});

describe('rolling update', () => {
  it('10 replicas at 25%/25%: never above 13 pods nor below 8 available, any second', () => {
    const c = createCluster({ seed: 3 });
    ok(c, 'kubectl apply -f -', WEB10);
    c.advance(60 * S);
    expect(pods(c, 'web').filter(isReady)).toHaveLength(10);
    ok(c, 'kubectl set image deployment/web nginx=nginx:1.25');
    let maxPods = 0;
    let minAvailable = Infinity;
    let sawSurge = false;
    for (let t = 0; t < 300; t++) {
      const live = pods(c, 'web').filter((p) => !p.metadata.deletionTimestamp);
      maxPods = Math.max(maxPods, live.length);
      minAvailable = Math.min(minAvailable, live.filter(isReady).length);
      if (live.length > 10) sawSurge = true;
      c.advance(S);
    }
    expect(maxPods).toBeLessThanOrEqual(13);
    expect(minAvailable).toBeGreaterThanOrEqual(8);
    expect(sawSurge).toBe(true);
    const d = deployment(c, 'web')!;
    expect(d.status?.updatedReplicas).toBe(10);
    expect(d.status?.availableReplicas).toBe(10);
    const live = pods(c, 'web').filter((p) => !p.metadata.deletionTimestamp);
    expect(live.every((p) => p.spec.containers[0].image === 'nginx:1.25')).toBe(true);
  });
});

describe('CrashLoopBackOff', () => {
  it('restarts at once, then waits 10, 20, 40, 80, 160 and 300 s', () => {
    const c = createCluster({ seed: 5 });
    ok(c, 'kubectl run crasher --image=busybox:1.36 -- sh -c "exit 1"');
    // Times at which the container (re)starts: its first start, then each restartCount increment.
    const starts: number[] = [];
    let lastRestarts = -1;
    const end = c.now() + 20 * 60 * S;
    while (c.now() < end) {
      const next = c.nextEventTime();
      if (next === undefined) break;
      c.advance(Math.max(0, next - c.now()));
      const p = pods(c).find((x) => x.metadata.name === 'crasher');
      const cs = p?.status?.containerStatuses?.[0];
      const started = cs && (cs.state.running || cs.state.terminated || cs.lastState.terminated);
      if (cs && started && cs.restartCount !== lastRestarts) {
        starts.push(c.now());
        lastRestarts = cs.restartCount;
      }
    }
    const gaps = starts.slice(1).map((t, i) => (t - starts[i]) / S);
    // Each gap is the back-off plus the moment the container takes to run and exit.
    const expected = [0, 10, 20, 40, 80, 160, 300, 300];
    expect(gaps.length).toBeGreaterThanOrEqual(expected.length);
    expected.forEach((e, i) => {
      expect(gaps[i]).toBeGreaterThanOrEqual(e);
      expect(gaps[i]).toBeLessThan(e + 3);
    });
    const status = ok(c, 'kubectl get pod crasher');
    expect(status).toMatch(/crasher\s+0\/1\s+(CrashLoopBackOff|Error|Running)\s+\d+ \(/);
  });
});

describe('scheduling', () => {
  it('a pod that fits nowhere stays Pending with the real FailedScheduling message', () => {
    const c = createCluster({ seed: 2 });
    ok(c, 'kubectl apply -f -', `apiVersion: v1
kind: Pod
metadata:
  name: huge
spec:
  containers:
  - name: app
    image: nginx:1.25
    resources:
      requests:
        cpu: "8"
`);
    c.advance(60 * S);
    const p = pods(c).find((x) => x.metadata.name === 'huge')!;
    expect(p.status?.phase).toBe('Pending');
    expect(p.spec.nodeName).toBeUndefined();
    const events = (c.objects('/events', 'default') as KubeObject[]).filter(
      (e) => (e.involvedObject as { name: string }).name === 'huge' && e.reason === 'FailedScheduling',
    );
    expect(events).toHaveLength(1);
    // 8 CPUs is more than any node has at all, so preemption could not help anywhere (upstream's
    // NodeResourcesFit marks a request above allocatable as unresolvable).
    expect(events[0].message).toBe(
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. ' +
        'preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
    );
    expect(ok(c, 'kubectl get pod huge')).toMatch(/huge\s+0\/1\s+Pending\s+0\s+/);
  });

  it('a pod that would fit an empty node but finds every node full names preemption victims', () => {
    const c = createCluster({ seed: 2 });
    // Each worker has 2 CPUs; CoreDNS and friends already request some. Fill most of what is left.
    const withCpu = (kind: string, name: string, cpu: string, replicas?: number) =>
      kind === 'Pod'
        ? `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: app\n    image: nginx:1.25\n    resources:\n      requests:\n        cpu: ${cpu}\n`
        : `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n      containers:\n      - name: app\n        image: nginx:1.25\n        resources:\n          requests:\n            cpu: ${cpu}\n`;
    ok(c, 'kubectl apply -f -', withCpu('Deployment', 'filler', '1500m', 3));
    c.advance(60 * S);
    expect(pods(c, 'filler').filter(isReady)).toHaveLength(3);
    ok(c, 'kubectl apply -f -', withCpu('Pod', 'late', '1'));
    c.advance(10 * S);
    const ev = (c.objects('/events', 'default') as KubeObject[]).find(
      (e) => (e.involvedObject as { name: string }).name === 'late' && e.reason === 'FailedScheduling',
    );
    expect(ev?.message).toBe(
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. ' +
        'preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
    );
  });
});

describe('node failure', () => {
  it("replaces a failed node's pods elsewhere once the 300 s toleration expires", () => {
    const c = createCluster({ seed: 11 });
    ok(c, 'kubectl create deployment web --image=nginx:1.25 --replicas=6');
    c.advance(30 * S);
    const onNode = (n: string) => pods(c, 'web').filter((p) => p.spec.nodeName === n);
    const failed = ['kind-worker', 'kind-worker2', 'kind-worker3'].find((n) => onNode(n).length > 0)!;
    const victims = onNode(failed).map((p) => p.metadata.name);
    expect(victims.length).toBeGreaterThan(0);
    ok(c, `sim node fail ${failed}`);
    const failedAt = c.now();
    c.advance(60 * S);
    expect(ok(c, 'kubectl get nodes')).toMatch(new RegExp(`${failed}\\s+NotReady`));
    // Still within the toleration: the pods are not yet evicted.
    c.advance(200 * S);
    for (const v of victims) expect(pods(c, 'web').find((p) => p.metadata.name === v)?.metadata.deletionTimestamp).toBeUndefined();
    // grace period (<= 50 s) + 300 s toleration + time to start replacements
    c.advance(failedAt + 400 * S - c.now());
    const live = pods(c, 'web').filter((p) => !p.metadata.deletionTimestamp);
    expect(live.filter(isReady)).toHaveLength(6);
    expect(live.every((p) => p.spec.nodeName !== failed)).toBe(true);
    expect(deployment(c, 'web')?.status?.availableReplicas).toBe(6);
    // The old pods stay Terminating: their kubelet cannot confirm the kill.
    for (const v of victims) expect(pods(c, 'web').find((p) => p.metadata.name === v)?.metadata.deletionTimestamp).toBeDefined();
  });
});

describe('determinism', () => {
  const script = (c: Cluster) => {
    c.run('kubectl create deployment web --image=nginx:1.25 --replicas=4');
    c.advance(20 * S);
    c.run('kubectl scale deployment web --replicas=7');
    c.advance(15 * S);
    c.run('kubectl set image deployment/web nginx=nginx:1.27');
    c.advance(45 * S);
  };

  it('same seed and commands give an identical snapshot', () => {
    const a = createCluster({ seed: 42 });
    const b = createCluster({ seed: 42 });
    script(a);
    script(b);
    expect(JSON.stringify(a.snapshot())).toBe(JSON.stringify(b.snapshot()));
  });

  it('another seed gives other names', () => {
    const a = createCluster({ seed: 42 });
    const b = createCluster({ seed: 43 });
    script(a);
    script(b);
    const names = (c: Cluster) => pods(c, 'web').map((p) => p.metadata.name).sort().join(',');
    expect(names(a)).not.toBe(names(b));
  });

  it('a restored snapshot continues exactly as the original', () => {
    const a = createCluster({ seed: 9 });
    a.run('kubectl create deployment web --image=nginx:1.25 --replicas=3');
    a.advance(3 * S); // mid-way: pulls and starts in flight
    const b = createCluster({ snapshot: a.snapshot() });
    for (const c of [a, b]) {
      c.advance(10 * S);
      c.run('kubectl scale deployment web --replicas=5');
      c.run('sim node fail kind-worker');
      c.advance(400 * S);
    }
    expect(JSON.stringify(b.snapshot())).toBe(JSON.stringify(a.snapshot()));
  });

  it('an idle cluster schedules no work', () => {
    const c = createCluster({ seed: 1 });
    c.advance(60 * S);
    expect(c.nextEventTime()).toBeUndefined();
  });
});
