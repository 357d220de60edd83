// A pod's emptyDir is one filesystem for all its containers; its containers share localhost;
// `kubectl logs TYPE/NAME` picks a pod of the workload.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import type { Cluster } from '../cluster';

const S = 1000;

function k(c: Cluster, line: string, stdin?: string) {
  return c.kubectl(line, { stdin });
}

const SIDECAR = `apiVersion: v1
kind: Pod
metadata: { name: app }
spec:
  initContainers:
  - name: init
    image: busybox
    command: ['sh', '-c', 'echo from-init > /data/first.txt']
    volumeMounts: [{ name: data, mountPath: /data }]
  - name: shipper
    image: alpine
    restartPolicy: Always
    command: ['sh', '-c', 'tail -F /logs/app.txt']
    volumeMounts: [{ name: data, mountPath: /logs }]
  containers:
  - name: main
    image: alpine
    command: ['sh', '-c', 'cat /data/first.txt; while true; do echo line >> /data/app.txt; sleep 1; done']
    volumeMounts: [{ name: data, mountPath: /data }]
  - name: web
    image: nginx
    volumeMounts: [{ name: data, mountPath: /usr/share/nginx/html }]
  volumes:
  - name: data
    emptyDir: {}
`;

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: c, image: busybox, command: ['sh', '-c', 'echo up; sleep 3600'] }]
`;

describe('shared emptyDir and localhost', () => {
  it('init writes, main appends in an endless loop, a tail -F sidecar and exec read it', () => {
    const c = createCluster({ seed: 7 });
    expect(k(c, 'apply -f -', SIDECAR).stdout).toBe('pod/app created\n');
    c.advance(60 * S);
    expect(k(c, 'logs app -c main').stdout).toBe('from-init\n');
    const shipped = k(c, 'logs app -c shipper').stdout.split('\n').filter(Boolean);
    expect(shipped.length).toBeGreaterThan(10);
    expect(new Set(shipped)).toEqual(new Set(['line']));
    const cat = k(c, 'exec app -c web -- cat /usr/share/nginx/html/app.txt').stdout.split('\n').filter(Boolean);
    expect(cat.length).toBeGreaterThanOrEqual(shipped.length);
    c.advance(30 * S);
    expect(k(c, 'logs app -c shipper').stdout.split('\n').filter(Boolean).length).toBeGreaterThanOrEqual(shipped.length + 29);
    // nginx serves the shared directory; curl localhost from another container of the pod.
    expect(k(c, 'exec app -c main -- curl -s localhost/first.txt').stdout).toBe('from-init\n');
    const refused = k(c, 'exec app -c main -- curl 127.0.0.1:81');
    expect(refused.stdout + refused.stderr).toMatch(/Failed to connect to 127\.0\.0\.1 port 81/);
    // Still no timers for the idle pod's loop: the cluster state round-trips.
    const again = createCluster({ snapshot: JSON.parse(JSON.stringify(c.snapshot())) });
    expect(k(again, 'logs app -c shipper').stdout).toBe(k(c, 'logs app -c shipper').stdout);
  });

  it('kubectl logs job/NAME and deployment/NAME use the first pod', () => {
    const c = createCluster({ seed: 7 });
    k(c, 'create job hello --image=busybox -- echo hi');
    k(c, 'apply -f -', WEB);
    c.advance(60 * S);
    expect(k(c, 'logs job/hello').stdout).toBe('hi\n');
    const r = k(c, 'logs deployment/web');
    expect(r.stdout).toBe('up\n');
    expect(r.stderr).toMatch(/^Found 2 pods, using pod\/web-[a-z0-9]+-[a-z0-9]+\n$/);
    expect(k(c, 'logs -l app=web').stdout).toBe('up\nup\n');
  });
});
