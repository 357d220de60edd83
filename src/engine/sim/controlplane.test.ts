// Whole-cluster scenarios for `sim controlplane stop|start …` and `sim node kubelet stop|start`,
// on fixed seeds, through the public engine API (plus the cluster's own readers).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import { Cluster } from '../cluster';
import type { Event, Node, Pod } from '../api/core';
import { parseScenario, runScenario } from '../scenario/index';

const S = 1000;

function pods(c: Cluster, app?: string, ns = 'default'): Pod[] {
  return (c.objects('/pods', ns) as Pod[]).filter((p) => !app || p.metadata.labels?.app === app);
}

function running(c: Cluster, app: string): Pod[] {
  return pods(c, app).filter((p) => p.status?.phase === 'Running' && !p.metadata.deletionTimestamp);
}

function ok(c: Cluster, line: string): string {
  const r = c.run(line);
  expect(r.stderr, `${line}\n${r.stderr}`).toBe('');
  expect(r.exitCode).toBe(0);
  return r.stdout;
}

function nodeReady(n: Node): string | undefined {
  return n.status?.conditions?.find((c) => c.type === 'Ready')?.status;
}

function eventsWith(c: Cluster, reason: string, ns = 'default'): Event[] {
  return (c.objects('/events', ns) as Event[]).filter((e) => e.reason === reason);
}

const REFUSED = 'The connection to the server 127.0.0.1:6443 was refused - did you specify the right host or port?\n';

describe('sim controlplane stop|start apiserver', () => {
  it('kubectl is refused, running pods keep running, nothing changes, and recovery marks no node NotReady', () => {
    const c = createCluster({ seed: 11 });
    ok(c, 'kubectl create deployment web --image=nginx:1.25 --replicas=3');
    c.advance(30 * S);
    expect(running(c, 'web')).toHaveLength(3);
    const rvBefore = c.objects('/pods', 'default').map((p) => p.metadata.resourceVersion).join(',');

    expect(ok(c, 'sim controlplane stop apiserver')).toMatch(/kube-apiserver stopped/);
    expect(c.controlPlaneStatus()).toMatchObject({ apiserver: 'stopped', etcd: 'running', scheduler: 'running', controllerManager: 'running' });
    for (const line of ['kubectl get pods', 'kubectl get nodes', 'kubectl delete pod --all', 'kubectl scale deploy/web --replicas=5', 'kubectl cluster-info', 'kubectl version']) {
      const r = c.kubectl(line);
      expect(r, line).toEqual({ stdout: '', stderr: REFUSED, exitCode: 1 });
    }
    expect(c.kubectl('version --client').exitCode).toBe(0);
    expect(c.kubectl('config current-context')).toMatchObject({ stdout: 'kind-kind\n', exitCode: 0 });
    // Long enough for any node to be judged dead (grace 50 s) had the outage counted as silence.
    c.advance(3 * 60 * S);
    expect(c.objects('/pods', 'default').map((p) => p.metadata.resourceVersion).join(',')).toBe(rvBefore);
    expect(running(c, 'web')).toHaveLength(3);
    const k = c.kubelets.get(pods(c, 'web')[0].spec.nodeName!)!;
    expect(k.podKeys()).toContain(`default/${pods(c, 'web')[0].metadata.name}`);

    expect(ok(c, 'sim controlplane start apiserver')).toMatch(/kube-apiserver started/);
    c.advance(2 * 60 * S);
    for (const n of c.objects('/nodes') as Node[]) expect(nodeReady(n), n.metadata.name).toBe('True');
    expect(eventsWith(c, 'NodeNotReady')).toHaveLength(0);
    expect(ok(c, 'kubectl get pods')).toMatch(/web-.*Running/);
    // The API server's mirror pod is back and Running (new container after its start-up).
    const mirror = c.objects('/pods', 'kube-system').find((p) => p.metadata.name === 'kube-apiserver-kind-control-plane') as Pod;
    expect(mirror.status?.phase).toBe('Running');
    // Writes work again.
    ok(c, 'kubectl scale deploy/web --replicas=4');
    c.advance(30 * S);
    expect(running(c, 'web')).toHaveLength(4);
  });

  it('a kubelet that failed before the outage is still judged on the heartbeats the controller saw', () => {
    const c = createCluster({ seed: 3 });
    ok(c, 'sim node fail kind-worker3');
    c.advance(10 * S);
    ok(c, 'sim controlplane stop apiserver');
    c.advance(2 * 60 * S);
    ok(c, 'sim controlplane start apiserver');
    c.advance(S);
    const nodes = c.objects('/nodes') as Node[];
    expect(nodeReady(nodes.find((n) => n.metadata.name === 'kind-worker3')!)).toBe('Unknown');
    for (const n of nodes.filter((x) => x.metadata.name !== 'kind-worker3')) expect(nodeReady(n)).toBe('True');
  });
});

describe('kubelets during an API outage', () => {
  it('restart a crashed container on their own and post the status once the API server is back', () => {
    const c = createCluster({ seed: 18 });
    ok(c, 'kubectl create deployment web --image=nginx:1.25 --replicas=1');
    c.advance(30 * S);
    const name = pods(c, 'web')[0].metadata.name!;
    ok(c, 'sim controlplane stop apiserver');
    ok(c, `sim pod crash ${name}`);
    c.advance(30 * S);
    expect(pods(c, 'web')[0].status?.containerStatuses?.[0].restartCount).toBe(0); // not posted
    expect(c.run('sim node add').stderr).toMatch(/API server is down/);
    ok(c, 'sim controlplane start apiserver');
    const st = pods(c, 'web')[0].status?.containerStatuses?.[0];
    expect(st?.restartCount).toBe(1);
    expect(st?.state?.running).toBeDefined();
  });
});

describe('simulated traffic during an API outage', () => {
  it('running pods keep serving a Service: kube-proxy\'s rules stay as they were', () => {
    const c = createCluster({ seed: 17 });
    ok(c, 'kubectl create deployment web --image=nginx:1.27 --replicas=3 --port=80');
    c.advance(40 * S);
    ok(c, 'kubectl expose deployment web --port=80 --target-port=80');
    ok(c, 'sim traffic start svc/web --rps 10');
    c.advance(10 * S);
    ok(c, 'sim controlplane stop apiserver');
    const before = c.trafficStats().targets['svc/web'];
    c.advance(60 * S);
    const after = c.trafficStats().targets['svc/web'];
    expect(after.requests - before.requests).toBeGreaterThanOrEqual(590);
    expect(after.errors).toBe(before.errors);
    ok(c, 'sim controlplane start apiserver');
  });
});

describe('sim controlplane stop|start etcd', () => {
  it('the API server answers with etcd\'s timeout; recovery catches up', () => {
    const c = createCluster({ seed: 12 });
    ok(c, 'kubectl create deployment web --image=nginx:1.25 --replicas=2');
    c.advance(30 * S);
    ok(c, 'sim controlplane stop etcd');
    expect(c.kubectl('kubectl get pods')).toEqual({ stdout: '', stderr: 'Error from server: etcdserver: request timed out\n', exitCode: 1 });
    // A generator wraps the server's error in its own words, as kubectl's create commands do.
    expect(c.kubectl('kubectl create deployment api --image=nginx')).toEqual({ stdout: '', stderr: 'error: failed to create deployment: etcdserver: request timed out\n', exitCode: 1 });
    // Discovery and /version do not need etcd.
    expect(c.kubectl('version').exitCode).toBe(0);
    c.advance(2 * 60 * S);
    expect(running(c, 'web')).toHaveLength(2);
    ok(c, 'sim controlplane start etcd');
    c.advance(30 * S);
    expect(ok(c, 'kubectl get pods')).toMatch(/web-/);
    expect(eventsWith(c, 'NodeNotReady')).toHaveLength(0);
  });
});

describe('sim controlplane stop|start scheduler', () => {
  it('new pods stay Pending without FailedScheduling events, then are scheduled; the mirror pod goes and comes back', () => {
    const c = createCluster({ seed: 13 });
    const mirrorName = 'kube-scheduler-kind-control-plane';
    const mirror = () => c.objects('/pods', 'kube-system').find((p) => p.metadata.name === mirrorName) as Pod | undefined;
    const oldUid = mirror()!.metadata.uid;
    ok(c, 'sim controlplane stop scheduler');
    expect(c.scheduler.running).toBe(false);
    expect(mirror()).toBeUndefined();
    expect(ok(c, 'kubectl get pods -n kube-system')).not.toMatch(/kube-scheduler/);

    ok(c, 'kubectl create deployment web --image=nginx:1.25 --replicas=3');
    c.advance(60 * S);
    expect(pods(c, 'web')).toHaveLength(3);
    for (const p of pods(c, 'web')) {
      expect(p.spec.nodeName).toBeUndefined();
      expect(p.status?.phase).toBe('Pending');
    }
    expect(eventsWith(c, 'FailedScheduling')).toHaveLength(0);
    expect(eventsWith(c, 'Scheduled')).toHaveLength(0);

    ok(c, 'sim controlplane start scheduler');
    c.advance(30 * S);
    expect(running(c, 'web')).toHaveLength(3);
    expect(eventsWith(c, 'Scheduled')).toHaveLength(3);
    const back = mirror()!;
    expect(back.metadata.uid).not.toBe(oldUid);
    expect(back.status?.phase).toBe('Running');
    expect(c.controlPlaneStatus().scheduler).toBe('running');
  });
});

describe('sim controlplane stop|start controller-manager', () => {
  it('a deleted pod is not replaced until it starts again', () => {
    const c = createCluster({ seed: 14 });
    ok(c, 'kubectl create deployment web --image=nginx:1.25 --replicas=3');
    c.advance(30 * S);
    ok(c, 'sim controlplane stop controller-manager');
    expect(c.objects('/pods', 'kube-system').some((p) => p.metadata.name === 'kube-controller-manager-kind-control-plane')).toBe(false);
    const victim = running(c, 'web')[0].metadata.name!;
    ok(c, `kubectl delete pod ${victim}`);
    ok(c, 'kubectl scale deploy/web --replicas=5');
    c.advance(2 * 60 * S);
    expect(running(c, 'web')).toHaveLength(2);
    expect(ok(c, 'kubectl get deploy web')).toMatch(/web\s+3\/5/); // status not updated either

    ok(c, 'sim controlplane start controller-manager');
    c.advance(30 * S);
    expect(running(c, 'web')).toHaveLength(5);
    expect(ok(c, 'kubectl get deploy web')).toMatch(/web\s+5\/5/);
    expect(c.objects('/pods', 'kube-system').some((p) => p.metadata.name === 'kube-controller-manager-kind-control-plane')).toBe(true);
  });

  it('a failed node is not marked NotReady while it is stopped, and is once it starts', () => {
    const c = createCluster({ seed: 15 });
    ok(c, 'sim controlplane stop controller-manager');
    ok(c, 'sim node fail kind-worker2');
    c.advance(2 * 60 * S);
    const w2 = () => (c.objects('/nodes') as Node[]).find((n) => n.metadata.name === 'kind-worker2')!;
    expect(nodeReady(w2())).toBe('True');
    ok(c, 'sim controlplane start controller-manager');
    c.advance(S);
    expect(nodeReady(w2())).toBe('Unknown');
  });
});

describe('sim node kubelet stop|start', () => {
  it('stops heartbeats (NotReady after 50 s) while containers keep running; start recovers', () => {
    const c = createCluster({ seed: 16 });
    ok(c, 'kubectl create deployment web --image=nginx:1.25 --replicas=3');
    c.advance(30 * S);
    expect(ok(c, 'sim node kubelet stop kind-worker')).toMatch(/stopped/);
    expect(c.kubelets.get('kind-worker')!.running).toBe(false);
    c.advance(40 * S);
    const w = () => (c.objects('/nodes') as Node[]).find((n) => n.metadata.name === 'kind-worker')!;
    expect(nodeReady(w())).toBe('True');
    c.advance(20 * S);
    expect(nodeReady(w())).toBe('Unknown');
    expect(ok(c, 'sim controlplane status')).toMatch(/kubelet \(kind-worker\)\s+Stopped/);
    expect(ok(c, 'sim node kubelet start kind-worker')).toMatch(/started/);
    c.advance(5 * S);
    expect(nodeReady(w())).toBe('True');
    expect(c.run('sim node kubelet reboot kind-worker').exitCode).toBe(1);
    expect(c.run('sim node kubelet stop nope').stderr).toMatch(/node "nope" not found/);
  });
});

describe('snapshots with a stopped component', () => {
  for (const what of ['scheduler', 'controller-manager', 'apiserver']) {
    it(`restores with ${what} stopped and continues identically`, () => {
      const a = createCluster({ seed: 21 });
      ok(a, 'kubectl create deployment web --image=nginx:1.25 --replicas=3');
      a.advance(20 * S);
      ok(a, `sim controlplane stop ${what}`);
      ok(a, 'sim node fail kind-worker3');
      if (what !== 'apiserver') ok(a, 'kubectl scale deploy/web --replicas=6');
      a.advance(70 * S);
      const snap = a.snapshot();
      expect(snap.controlPlane).toBeDefined();
      const b = createCluster({ snapshot: snap });
      expect(b.controlPlaneStatus()).toEqual(a.controlPlaneStatus());
      expect(JSON.stringify(b.snapshot())).toBe(JSON.stringify(snap));
      for (const x of [a, b]) {
        x.advance(30 * S);
        x.run(`sim controlplane start ${what}`);
        x.advance(6 * 60 * S);
        x.run('sim node recover kind-worker3');
        x.advance(60 * S);
      }
      expect(JSON.stringify(b.snapshot())).toBe(JSON.stringify(a.snapshot()));
      expect(running(a, 'web').length).toBe(what === 'apiserver' ? 3 : 6);
    });
  }
});

describe('sim controlplane usage', () => {
  it('reports usage errors and is idempotent', () => {
    const c = createCluster({ seed: 2, bare: true });
    expect(c.run('sim controlplane stop kubelet').stderr).toMatch(/unknown control-plane component "kubelet"/);
    expect(c.run('sim controlplane').exitCode).toBe(1);
    expect(ok(c, 'sim controlplane start scheduler')).toMatch(/already running/);
    ok(c, 'sim controlplane stop kube-scheduler');
    expect(ok(c, 'sim controlplane stop scheduler')).toMatch(/already stopped/);
    expect(c.recentTraces().filter((t) => t.component === 'controlplane').map((t) => `${t.action} ${t.object?.name}`)).toEqual(['stop kube-scheduler']);
    expect(ok(c, 'sim help')).toMatch(/sim controlplane stop\|start apiserver\|etcd\|scheduler\|controller-manager/);
  });
});

describe('scenarios/controlplane.scenario', () => {
  it('runs and is deterministic', () => {
    const text = readFileSync(new URL('../../../scenarios/controlplane.scenario', import.meta.url), 'utf8');
    const a = runScenario(new Cluster({ seed: 1 }), parseScenario(text)).transcript;
    const b = runScenario(new Cluster({ seed: 1 }), parseScenario(text)).transcript;
    expect(a).toBe(b);
    expect(a).toContain(REFUSED.trim());
    expect(a).toMatch(/web-\S+\s+0\/1\s+Pending/);
    expect(a).not.toMatch(/NotReady\s+(control-plane|<none>)/);
  });
});
