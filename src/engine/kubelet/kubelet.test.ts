import { describe, expect, it } from 'vitest';
import type { ContainerStatus, Pod } from '../api/core';
import { Harness } from './testing';

const cs = (p: Pod | undefined, i = 0): ContainerStatus | undefined => p?.status?.containerStatuses?.[i];
const waitingReason = (p: Pod | undefined) => cs(p)?.state.waiting?.reason;
const cond = (p: Pod | undefined, type: string) => p?.status?.conditions?.find((c) => c.type === type)?.status;
/** Container (re)start times in seconds, from the trace. */
const starts = (h: Harness, name: string) => h.trace.recent().filter((t) => t.action === 'start' && t.object?.name === name).map((t) => t.time);
/** Exact exit times (the runtime's finishedAt; the kubelet notices them at the next PLEG relist). */
const exits = (h: Harness, name: string) => h.trace.recent().filter((t) => t.action === 'exit' && t.object?.name === name).map((t) => (t.details as { finishedAt: number }).finishedAt);

function busybox(name: string, script: string, extra: Partial<Pod['spec']> = {}, image = 'busybox:1.36') {
  return { metadata: { name }, spec: { containers: [{ name: 'main', image, command: ['sh', '-c', script] }], ...extra } };
}

describe('kubelet: node registration', () => {
  it('registers a kind-like Node with events and heartbeats', () => {
    const h = new Harness();
    const node = h.api.get({ group: '', resource: 'nodes' }, '', 'kind-worker') as unknown as { metadata: { labels: Record<string, string> }; spec: { podCIDR: string; providerID: string }; status: { conditions: { type: string; status: string; reason: string }[]; addresses: { address: string }[]; nodeInfo: { containerRuntimeVersion: string; kubeletVersion: string } } };
    expect(node.metadata.labels['kubernetes.io/hostname']).toBe('kind-worker');
    expect(node.spec.podCIDR).toBe('10.244.1.0/24');
    expect(node.spec.providerID).toBe('kind://docker/kind/kind-worker');
    expect(node.status.addresses[0].address).toBe('172.18.0.3');
    expect(node.status.nodeInfo.containerRuntimeVersion).toBe('containerd://1.7.24');
    expect(node.status.nodeInfo.kubeletVersion).toBe('v1.32.2');
    expect(node.status.conditions.map((c) => `${c.type}=${c.status}`)).toEqual(['MemoryPressure=False', 'DiskPressure=False', 'PIDPressure=False', 'Ready=True']);
    expect(h.eventsFor('kind-worker').map((e) => e.reason)).toEqual(['Starting', 'NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID', 'NodeAllocatableEnforced', 'NodeReady']);
    expect(h.heartbeats.isAlive('kind-worker')).toBe(true);
  });
});

describe('kubelet: pod start', () => {
  it('nginx goes ContainerCreating → Running/Ready with events in order', () => {
    const h = new Harness();
    h.createPod({ metadata: { name: 'web' }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } });
    expect(waitingReason(h.pod('web'))).toBe('ContainerCreating');
    expect(h.pod('web')?.status?.phase).toBe('Pending');
    const t = h.until(() => cond(h.pod('web'), 'Ready') === 'True');
    expect(t).toBeGreaterThan(1500);
    expect(t).toBeLessThan(5000);
    const p = h.pod('web')!;
    expect(p.status?.phase).toBe('Running');
    expect(p.status?.podIP).toBe('10.244.1.2');
    expect(cs(p)?.image).toBe('docker.io/library/nginx:1.25');
    expect(cs(p)?.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(cs(p)?.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    const ev = h.eventsFor('web');
    expect(ev.map((e) => e.reason)).toEqual(['Pulling', 'Pulled', 'Created', 'Started']);
    expect(ev[1].message).toMatch(/^Successfully pulled image "nginx:1\.25" in [\d.]+m?s \([\d.]+m?s including waiting\)\. Image size: 72995445 bytes\.$/);
    expect(ev[2].message).toBe('Created container: nginx');
    // An idle running pod costs nothing: no timer at all.
    expect(h.clock.pending()).toBe(0);
    const rv = p.metadata.resourceVersion;
    h.advance(24 * 3600_000);
    expect(h.pod('web')?.metadata.resourceVersion).toBe(rv);
  });

  it('a cached image is "already present on machine" the second time', () => {
    const h = new Harness();
    h.createPod({ metadata: { name: 'a' }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } });
    h.advance(10_000);
    h.createPod({ metadata: { name: 'b' }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } });
    const t0 = h.clock.now();
    const t = h.until(() => cond(h.pod('b'), 'Ready') === 'True');
    expect(t - t0).toBeLessThan(1000);
    expect(h.eventsFor('b').map((e) => e.message)).toContain('Container image "nginx:1.25" already present on machine');
    expect(h.pod('b')?.status?.podIP).toBe('10.244.1.3');
  });

  it('imagePullPolicy Always pulls again, fast, when the image is cached', () => {
    const h = new Harness();
    h.createPod({ metadata: { name: 'a' }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } });
    h.advance(10_000);
    h.createPod({ metadata: { name: 'b' }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } });
    h.advance(10_000);
    const pulled = h.eventsFor('b').find((e) => e.reason === 'Pulled')!;
    expect(pulled.message).toMatch(/^Successfully pulled image "nginx" in \d+ms/);
  });

  it('imagePullPolicy Never without the image: ErrImageNeverPull', () => {
    const h = new Harness();
    h.createPod({ metadata: { name: 'n' }, spec: { containers: [{ name: 'c', image: 'redis:7', imagePullPolicy: 'Never' }] } });
    h.advance(5000);
    expect(waitingReason(h.pod('n'))).toBe('ErrImageNeverPull');
    expect(h.eventsFor('n').map((e) => e.message)).toContain('Container image "redis:7" is not present with pull policy of Never');
  });

  it('an invalid reference is InvalidImageName', () => {
    const h = new Harness();
    h.createPod({ metadata: { name: 'bad' }, spec: { containers: [{ name: 'c', image: 'Nginx:1.25' }] } });
    h.advance(5000);
    expect(waitingReason(h.pod('bad'))).toBe('InvalidImageName');
  });
});

describe('kubelet: image pull back-off', () => {
  it('unknown image: ErrImagePull, then ImagePullBackOff, retried after 10, 20, 40 s', () => {
    const h = new Harness();
    h.createPod({ metadata: { name: 'typo' }, spec: { containers: [{ name: 'c', image: 'ngnix' }] } });
    h.until(() => waitingReason(h.pod('typo')) === 'ErrImagePull');
    expect(cs(h.pod('typo'))?.state.waiting?.message).toBe('failed to pull and unpack image "docker.io/library/ngnix:latest": failed to resolve reference "docker.io/library/ngnix:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed');
    h.until(() => waitingReason(h.pod('typo')) === 'ImagePullBackOff');
    expect(cs(h.pod('typo'))?.state.waiting?.message).toBe('Back-off pulling image "ngnix"');
    h.advance(200_000);
    const fails = h.trace.recent().filter((t) => t.action === 'pull' && t.message.startsWith('could not pull')).map((t) => t.time);
    const pulls = h.trace.recent().filter((t) => t.action === 'pull' && t.message.startsWith('pulling')).map((t) => t.time);
    // Attempt n+1 starts exactly back-off(n) after failure n.
    expect(pulls.slice(1, 5).map((p, i) => p - fails[i])).toEqual([10_000, 20_000, 40_000, 80_000]);
    const ev = h.eventsFor('typo');
    expect(ev.find((e) => e.reason === 'Failed')?.message).toMatch(/^Failed to pull image "ngnix": failed to pull and unpack image/);
    expect(ev.find((e) => e.reason === 'BackOff')?.message).toBe('Back-off pulling image "ngnix"');
    expect(ev.find((e) => e.reason === 'BackOff')?.type).toBe('Normal');
  });

  it('unknown tag: not found', () => {
    const h = new Harness();
    h.createPod({ metadata: { name: 't' }, spec: { containers: [{ name: 'c', image: 'nginx:1.999z' }] } });
    h.until(() => waitingReason(h.pod('t')) === 'ErrImagePull');
    expect(cs(h.pod('t'))?.state.waiting?.message).toMatch(/docker\.io\/library\/nginx:1\.999z: not found$/);
  });
});

describe('kubelet: restarts', () => {
  it('crash loop: restarts 0, 10, 20, 40, 80, 160, 300, 300 s after each exit', () => {
    const h = new Harness({ node: { stages: { containerStartMs: [0, 0] } } });
    h.createPod(busybox('crash', 'echo boom; exit 1'));
    h.advance(1_500_000);
    const s = starts(h, 'crash');
    const e = exits(h, 'crash');
    const gaps = s.slice(1, 9).map((t, i) => t - e[i]);
    // The first restart happens as soon as the exit is noticed (next PLEG relist, < 1 s).
    expect(gaps[0]).toBeLessThan(1000);
    expect(gaps.slice(1)).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]);
    const p = h.pod('crash');
    expect(p?.status?.phase).toBe('Running');
    expect(cs(p)?.restartCount).toBeGreaterThanOrEqual(8);
    expect(h.eventsFor('crash').find((x) => x.reason === 'BackOff')?.message).toMatch(/^Back-off restarting failed container main in pod crash_default\(/);
    h.until(() => waitingReason(h.pod('crash')) === 'CrashLoopBackOff');
    expect(cs(h.pod('crash'))?.state.waiting?.message).toMatch(/^back-off 5m0s restarting failed container=main pod=crash_default\(.+\)$/);
    expect(cs(h.pod('crash'))?.lastState.terminated?.reason).toBe('Error');
    expect(h.kubelet.logs('default', 'crash')).toEqual(['boom']);
  });

  it('back-off resets after 10 minutes of running fine', () => {
    const h = new Harness({ node: { stages: { containerStartMs: [0, 0] } } });
    h.createPod(busybox('slow', 'sleep 700; exit 1'));
    h.advance(2_200_000);
    const s = starts(h, 'slow');
    const e = exits(h, 'slow');
    expect(s.slice(1, 3).map((t, i) => t - e[i] < 1000)).toEqual([true, true]);
  });

  const phases: [string, string, 'Never' | 'OnFailure', string][] = [
    ['Never, exit 0', 'exit 0', 'Never', 'Succeeded'],
    ['Never, exit 1', 'exit 1', 'Never', 'Failed'],
    ['OnFailure, exit 0', 'exit 0', 'OnFailure', 'Succeeded'],
  ];
  it.each(phases)('restartPolicy %s', (_n, script, policy, phase) => {
    const h = new Harness();
    h.createPod(busybox('p', script, { restartPolicy: policy }));
    h.advance(60_000);
    expect(h.pod('p')?.status?.phase).toBe(phase);
    expect(cond(h.pod('p'), 'Ready')).toBe('False');
    expect(h.pod('p')?.status?.conditions?.find((c) => c.type === 'Ready')?.reason).toBe('PodCompleted');
    expect(starts(h, 'p')).toHaveLength(1);
  });

  it('OnFailure restarts a failing container', () => {
    const h = new Harness();
    h.createPod(busybox('of', 'exit 3', { restartPolicy: 'OnFailure' }));
    h.advance(60_000);
    expect(h.pod('of')?.status?.phase).toBe('Running');
    expect(cs(h.pod('of'))?.restartCount).toBeGreaterThan(1);
  });

  it('sleep 5 completes', () => {
    const h = new Harness();
    h.createPod(busybox('s5', 'sleep 5', { restartPolicy: 'Never' }));
    const started = h.until(() => cs(h.pod('s5'))?.state.running !== undefined);
    const done = h.until(() => h.pod('s5')?.status?.phase === 'Succeeded');
    expect(done - started).toBeGreaterThanOrEqual(5000);
    expect(done - started).toBeLessThan(6100);
    expect(cs(h.pod('s5'))?.state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });

  it('busybox with no command exits 0 at once, so a Deployment-style pod crash-loops', () => {
    const h = new Harness();
    h.createPod({ metadata: { name: 'bb' }, spec: { containers: [{ name: 'bb', image: 'busybox' }] } });
    h.advance(60_000);
    expect(cs(h.pod('bb'))?.restartCount).toBeGreaterThanOrEqual(2);
    expect(cs(h.pod('bb'))?.lastState.terminated?.reason).toBe('Completed');
  });

  it('sim crash: crashContainer makes it exit 1 and restart', () => {
    const h = new Harness();
    h.createPod({ metadata: { name: 'web' }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } });
    h.advance(10_000);
    expect(h.kubelet.crashContainer('default', 'web', 'nope')).toMatch(/not found/);
    expect(h.kubelet.crashContainer('default', 'web')).toBeUndefined();
    h.settle();
    h.advance(5000);
    expect(cs(h.pod('web'))?.restartCount).toBe(1);
    expect(cs(h.pod('web'))?.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
  });
});

describe('kubelet: graceful termination', () => {
  const cases: [string, { name: string; image: string; command?: string[] }, number, number][] = [
    ['nginx stops on SIGTERM', { name: 'nginx', image: 'nginx:1.25' }, 0, 1200],
    ['sleep as PID 1 ignores SIGTERM: killed after 30 s', { name: 'sleeper', image: 'busybox:1.36', command: ['sleep', '3600'] }, 30_000, 31_000],
  ];
  it.each(cases)('%s', (_n, container, min, max) => {
    const h = new Harness();
    h.createPod({ metadata: { name: 'x' }, spec: { containers: [container] } });
    h.advance(10_000);
    const t0 = h.clock.now();
    h.deletePod('x');
    expect(h.pod('x')?.metadata.deletionTimestamp).toBeDefined();
    const gone = h.until(() => !h.pod('x'));
    expect(gone - t0).toBeGreaterThanOrEqual(min);
    expect(gone - t0).toBeLessThanOrEqual(max);
    expect(h.eventsFor('x').find((e) => e.reason === 'Killing')?.message).toBe(`Stopping container ${container.name}`);
    // The IP went back to the pool: the next pod gets the next address (host-local rotates).
    h.createPod({ metadata: { name: 'y' }, spec: { containers: [container] } });
    h.advance(10_000);
    expect(h.pod('y')?.status?.podIP).toBe('10.244.1.3');
  });
});

describe('kubelet: probes', () => {
  it('readiness probe on a wrong port: never Ready, one Unhealthy event, no timers', () => {
    const h = new Harness();
    h.createPod({ metadata: { name: 'r' }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', readinessProbe: { httpGet: { path: '/', port: 8080 } } }] } });
    h.advance(120_000);
    const p = h.pod('r');
    expect(p?.status?.phase).toBe('Running');
    expect(cond(p, 'Ready')).toBe('False');
    expect(cs(p)?.ready).toBe(false);
    const un = h.eventsFor('r').filter((e) => e.reason === 'Unhealthy');
    expect(un[0].message).toBe(`Readiness probe failed: Get "http://${p?.status?.podIP}:8080/": dial tcp ${p?.status?.podIP}:8080: connect: connection refused`);
    expect(h.clock.pending()).toBe(0);
  });

  it('readiness on the right port: Ready after the first probe; setProbeOverride flips it', () => {
    const h = new Harness();
    h.createPod({ metadata: { name: 'r' }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', readinessProbe: { httpGet: { port: 80 }, periodSeconds: 5 } }] } });
    h.advance(10_000);
    expect(cond(h.pod('r'), 'Ready')).toBe('True');
    expect(h.kubelet.setProbeOverride('default', 'r', 'nginx', 'readiness', 'fail')).toBeUndefined();
    h.settle();
    const t0 = h.clock.now();
    const t = h.until(() => cond(h.pod('r'), 'Ready') === 'False');
    expect(t - t0).toBeGreaterThan(10_000); // three failed probes, 5 s apart
    expect(t - t0).toBeLessThanOrEqual(15_000);
    h.kubelet.setProbeOverride('default', 'r', 'nginx', 'readiness', undefined);
    h.settle();
    h.until(() => cond(h.pod('r'), 'Ready') === 'True');
  });

  it('liveness (kubernetes.io exec-liveness): restarted after the file disappears', () => {
    const h = new Harness();
    h.createPod({
      metadata: { name: 'liveness-exec' },
      spec: {
        containers: [{
          name: 'liveness', image: 'registry.k8s.io/busybox:1.27.2',
          args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
          livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 },
        }],
      },
    });
    h.advance(45_000);
    const ev = h.eventsFor('liveness-exec');
    expect(ev.find((e) => e.reason === 'Unhealthy')?.message).toBe("Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory");
    expect(ev.find((e) => e.reason === 'Killing')?.message).toBe('Container liveness failed liveness probe, will be restarted');
    h.advance(40_000); // sh ignores SIGTERM: SIGKILL after the 30 s grace period
    expect(cs(h.pod('liveness-exec'))?.restartCount).toBe(1);
    expect(cs(h.pod('liveness-exec'))?.lastState.terminated?.exitCode).toBe(137);
  });

  it('liveness (agnhost liveness): /healthz fails after 10 s', () => {
    const h = new Harness();
    h.createPod({
      metadata: { name: 'liveness-http' },
      spec: { containers: [{ name: 'liveness', image: 'registry.k8s.io/e2e-test-images/agnhost:2.40', args: ['liveness'], livenessProbe: { httpGet: { path: '/healthz', port: 8080 }, initialDelaySeconds: 3, periodSeconds: 3 } }] },
    });
    h.advance(40_000);
    expect(h.eventsFor('liveness-http').find((e) => e.reason === 'Unhealthy')?.message).toBe('Liveness probe failed: HTTP probe failed with statuscode: 500');
    expect(cs(h.pod('liveness-http'))?.restartCount).toBeGreaterThanOrEqual(1);
  });
});

describe('kubelet: init containers, sidecars, logs', () => {
  it('init container runs first (Init:0/1), then the main container', () => {
    const h = new Harness();
    h.createPod({ metadata: { name: 'i' }, spec: { initContainers: [{ name: 'init', image: 'busybox:1.36', command: ['sh', '-c', 'echo init; sleep 2'] }], containers: [{ name: 'nginx', image: 'nginx:1.25' }] } });
    h.until(() => h.pod('i')?.status?.initContainerStatuses?.[0].state.running !== undefined);
    expect(waitingReason(h.pod('i'))).toBe('PodInitializing');
    expect(cond(h.pod('i'), 'Initialized')).toBe('False');
    h.until(() => cond(h.pod('i'), 'Ready') === 'True');
    const p = h.pod('i')!;
    expect(p.status?.initContainerStatuses?.[0].state.terminated?.reason).toBe('Completed');
    expect(cond(p, 'Initialized')).toBe('True');
    expect(starts(h, 'i')).toHaveLength(2);
    expect(h.kubelet.logs('default', 'i', 'init')).toEqual(['init']);
  });

  it('a sidecar (restartable init container) keeps running next to the main container', () => {
    const h = new Harness();
    h.createPod({
      metadata: { name: 'sc' },
      spec: {
        initContainers: [{ name: 'logshipper', image: 'alpine:latest', restartPolicy: 'Always', command: ['sh', '-c', 'tail -F /opt/logs.txt'] }],
        containers: [{ name: 'myapp', image: 'alpine:latest', command: ['sh', '-c', 'while true; do echo "logging" >> /opt/logs.txt; sleep 1; done'] }],
      },
    });
    h.advance(30_000);
    const p = h.pod('sc')!;
    expect(p.status?.phase).toBe('Running');
    expect(p.status?.initContainerStatuses?.[0].state.running).toBeDefined();
    expect(cond(p, 'Ready')).toBe('True');
    expect(h.clock.pending()).toBe(0);
  });

  it('logs of an echo loop are computed from elapsed time, without timers', () => {
    const h = new Harness();
    h.createPod(busybox('loop', 'i=0; while true; do echo "tick"; sleep 5; done'));
    const started = h.until(() => cs(h.pod('loop'))?.state.running !== undefined);
    expect(h.clock.pending()).toBe(0);
    h.advance(22_000 - (h.clock.now() - started));
    expect(h.kubelet.logs('default', 'loop')).toEqual(['tick', 'tick', 'tick', 'tick', 'tick']);
    expect(() => h.kubelet.logs('default', 'loop', undefined, true)).toThrow(/previous terminated container "main" in pod "loop" not found/);
  });

  it('perl bpi(2000) prints 2000 digits of pi after ~9 s', () => {
    const h = new Harness();
    h.createPod({ metadata: { name: 'pi' }, spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl:5.34.0', command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'] }] } });
    const started = h.until(() => cs(h.pod('pi'))?.state.running !== undefined);
    const done = h.until(() => h.pod('pi')?.status?.phase === 'Succeeded');
    expect(done - started).toBeGreaterThan(8000);
    expect(done - started).toBeLessThan(10_500);
    const [line] = h.kubelet.logs('default', 'pi');
    expect(line.startsWith('3.14159265358979')).toBe(true);
    expect(line.length).toBe(2001);
  });
});

describe('kubelet: node failure and snapshots', () => {
  it('fail/recover: a pod deleted while the kubelet is down stays Terminating, then goes', () => {
    const h = new Harness();
    h.createPod({ metadata: { name: 'web' }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } });
    h.advance(10_000);
    h.kubelet.fail();
    expect(h.heartbeats.isAlive('kind-worker')).toBe(false);
    h.deletePod('web');
    h.advance(120_000);
    expect(h.pod('web')?.metadata.deletionTimestamp).toBeDefined();
    h.kubelet.recover();
    h.settle();
    h.advance(2000);
    expect(h.pod('web')).toBeUndefined();
    expect(h.heartbeats.isAlive('kind-worker')).toBe(true);
  });

  it('save()/load() round trip behaves identically', () => {
    const a = new Harness({ seed: 7 });
    a.createPod(busybox('crash', 'echo boom; exit 1'));
    a.createPod({ metadata: { name: 'web' }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', readinessProbe: { httpGet: { port: 80 } } }] } });
    a.advance(45_000);
    const snap = a.snapshot();
    const b = new Harness({ seed: 7, from: snap });
    a.advance(400_000);
    b.advance(400_000);
    expect(JSON.stringify(b.store.save())).toBe(JSON.stringify(a.store.save()));
    expect(JSON.stringify(b.kubelet.save())).toBe(JSON.stringify(a.kubelet.save()));
  });

  it('static pods get a mirror pod owned by the Node', () => {
    const h = new Harness({
      node: { staticPods: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'etcd', namespace: 'kube-system' }, spec: { priorityClassName: 'system-node-critical', hostNetwork: true, containers: [{ name: 'etcd', image: 'registry.k8s.io/etcd:3.5.16-0', command: ['etcd'] }] } }] },
    });
    h.advance(10_000);
    const p = h.pod('etcd-kind-worker', 'kube-system')!;
    expect(p.metadata.annotations?.['kubernetes.io/config.source']).toBe('file');
    expect(p.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Node', name: 'kind-worker', controller: true });
    expect(p.spec.priority).toBe(2000001000);
    expect(p.status?.podIP).toBe('172.18.0.3');
    expect(cond(p, 'Ready')).toBe('True');
  });
});
