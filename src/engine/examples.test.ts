// Every kubernetes.io example manifest (../shared/k8s-examples, listed in its INDEX.tsv) applied
// with `kubectl apply -f FILE` to a fresh default cluster, and checked against what its
// kubernetes.io page (or, for the outdated and malformed revisions, a real v1.32 cluster) shows.
//
// One row per file: the setup the page does first (namespaces, companion files, a node label),
// the exact apply output, the simulated time to wait, and the state the page describes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCluster } from './index';
import type { Cluster } from './cluster';
import type { KubeObject } from './api/meta';
import type { Pod } from './api/core';

const EXAMPLES = path.join(__dirname, '..', '..', '..', 'shared', 'k8s-examples');
const SEED = 20250303;
const S = 1000;
const MIN = 60 * S;

// ------------------------------------------------------------------ helpers

const readFile = (p: string): string | undefined => {
  const full = path.join(EXAMPLES, p);
  return fs.existsSync(full) && fs.statSync(full).isFile() ? fs.readFileSync(full, 'utf8') : undefined;
};
const listDir = (p: string): string[] | undefined => {
  const full = path.join(EXAMPLES, p);
  return fs.existsSync(full) && fs.statSync(full).isDirectory() ? fs.readdirSync(full) : undefined;
};

function kubectl(c: Cluster, line: string, stdin?: string) {
  return c.kubectl(line, { stdin, readFile, listDir });
}

/** A setup or follow-up command the page runs; it must succeed. */
function ok(c: Cluster, line: string, stdin?: string): string {
  const r = kubectl(c, line, stdin);
  expect(r.stderr, `kubectl ${line}`).toBe('');
  expect(r.exitCode, `kubectl ${line}`).toBe(0);
  return r.stdout;
}

/** A field by dotted path (`status.conditions`), for kinds the test reads loosely. */
function field(o: unknown, dotted: string): unknown {
  let cur: unknown = o;
  for (const k of dotted.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

function obj(c: Cluster, resource: string, name: string, ns = 'default'): KubeObject {
  const o = c.objects(resource, ns).find((x) => x.metadata.name === name);
  expect(o, `${resource} ${ns}/${name}`).toBeDefined();
  return o as KubeObject;
}

function condition(o: unknown, type: string): { status?: string; reason?: string; message?: string } | undefined {
  const conds = (field(o, 'status.conditions') ?? []) as { type: string; status?: string; reason?: string; message?: string }[];
  return conds.find((x) => x.type === type);
}

function podsOf(c: Cluster, ns: string, labels: Record<string, string>): Pod[] {
  return (c.objects('/pods', ns) as Pod[])
    .filter((p) => Object.entries(labels).every(([k, v]) => p.metadata.labels?.[k] === v))
    .sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
}

function pod(c: Cluster, name: string, ns = 'default'): Pod {
  return obj(c, '/pods', name, ns) as Pod;
}

function isReady(p: Pod): boolean {
  return condition(p, 'Ready')?.status === 'True';
}

function expectRunningReady(p: Pod): void {
  expect(p.status?.phase, `${p.metadata.name} phase`).toBe('Running');
  expect(isReady(p), `${p.metadata.name} Ready`).toBe(true);
}

function expectCompleted(p: Pod): void {
  expect(p.status?.phase, `${p.metadata.name} phase`).toBe('Succeeded');
}

function expectDeploymentAvailable(c: Cluster, name: string, replicas: number, ns = 'default'): void {
  const d = obj(c, 'apps/deployments', name, ns);
  expect(field(d, 'status.replicas'), `${name} replicas`).toBe(replicas);
  expect(field(d, 'status.updatedReplicas'), `${name} updated`).toBe(replicas);
  expect(field(d, 'status.readyReplicas'), `${name} ready`).toBe(replicas);
  expect(field(d, 'status.availableReplicas'), `${name} available`).toBe(replicas);
  expect(condition(d, 'Available')?.status).toBe('True');
  expect(condition(d, 'Progressing')?.reason).toBe('NewReplicaSetAvailable');
}

/** Ready endpoint addresses of a Service, from its EndpointSlices. */
function readyEndpoints(c: Cluster, svc: string, ns = 'default'): string[] {
  const slices = c.objects('discovery.k8s.io/endpointslices', ns).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc);
  const out: string[] = [];
  for (const s of slices) {
    for (const e of (field(s, 'endpoints') ?? []) as { addresses: string[]; conditions?: { ready?: boolean } }[]) {
      if (e.conditions?.ready) out.push(...e.addresses);
    }
  }
  return out.sort();
}

function podIPs(pods: Pod[]): string[] {
  return pods.map((p) => p.status?.podIP ?? '').sort();
}

function expectServiceEndpoints(c: Cluster, svc: string, labels: Record<string, string>, n: number, ns = 'default'): void {
  obj(c, '/services', svc, ns);
  const pods = podsOf(c, ns, labels).filter(isReady);
  expect(pods.length, `${svc} backing pods`).toBe(n);
  expect(readyEndpoints(c, svc, ns), `${svc} endpoints`).toEqual(podIPs(pods));
}

function expectStatefulSetReady(c: Cluster, name: string, replicas: number, claims: string[], ordered: boolean, ns = 'default'): void {
  const sts = obj(c, 'apps/statefulsets', name, ns);
  expect(field(sts, 'status.readyReplicas'), `${name} ready`).toBe(replicas);
  expect(field(sts, 'status.availableReplicas'), `${name} available`).toBe(replicas);
  const pods = Array.from({ length: replicas }, (_, i) => pod(c, `${name}-${i}`, ns));
  pods.forEach(expectRunningReady);
  for (let i = 1; i < replicas; i++) {
    const created = Date.parse(pods[i].metadata.creationTimestamp ?? '');
    const prevReady = Date.parse((pods[i - 1].status?.conditions ?? []).find((x) => x.type === 'Ready')?.lastTransitionTime ?? '');
    const prevCreated = Date.parse(pods[i - 1].metadata.creationTimestamp ?? '');
    if (ordered) expect(created, `${name}-${i} created after ${name}-${i - 1} was Ready`).toBeGreaterThanOrEqual(prevReady);
    else expect(created, `${name}-${i} created with ${name}-${i - 1} (Parallel)`).toBe(prevCreated);
  }
  for (const claim of claims) {
    for (let i = 0; i < replicas; i++) {
      const pvc = obj(c, '/persistentvolumeclaims', `${claim}-${name}-${i}`, ns);
      expect(field(pvc, 'status.phase'), `${claim}-${name}-${i}`).toBe('Bound');
    }
  }
}

function expectDaemonSetOnNodes(c: Cluster, name: string, ns: string, labels: Record<string, string>, nodes: string[]): void {
  const ds = obj(c, 'apps/daemonsets', name, ns);
  expect(field(ds, 'status.desiredNumberScheduled')).toBe(nodes.length);
  expect(field(ds, 'status.numberReady')).toBe(nodes.length);
  const pods = podsOf(c, ns, labels);
  pods.forEach(expectRunningReady);
  expect(pods.map((p) => p.spec.nodeName).sort()).toEqual([...nodes].sort());
}

function expectJobComplete(c: Cluster, name: string, succeeded: number, ns = 'default'): void {
  const job = obj(c, 'batch/jobs', name, ns);
  expect(condition(job, 'Complete')?.status, `${name} Complete`).toBe('True');
  expect(field(job, 'status.succeeded')).toBe(succeeded);
  expect(field(job, 'status.failed') ?? 0).toBe(0);
}

function events(c: Cluster, ns: string, involved: string): { reason: string; message: string; type: string }[] {
  return c
    .objects('/events', ns)
    .filter((e) => field(e, 'involvedObject.name') === involved)
    .map((e) => ({ reason: String(field(e, 'reason')), message: String(field(e, 'message')), type: String(field(e, 'type')) }));
}

const WORKERS = ['kind-worker', 'kind-worker2', 'kind-worker3'];
const ALL_NODES = ['kind-control-plane', ...WORKERS];

/** How `kubectl apply` reports a kind its API server does not serve (v1.32). */
function noMatches(name: string, file: string, kind: string, apiVersion: string): string {
  return (
    `error: resource mapping not found for name: "${name}" namespace: "" from "${file}": ` +
    `no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first\n`
  );
}

// task-pv-volume from https://kubernetes.io/docs/tasks/configure-pod-container/configure-persistent-volume-storage/
// (pods/storage/pv-volume.yaml; CC BY 4.0, The Kubernetes Authors): the page creates it before the claim.
const TASK_PV_VOLUME = `apiVersion: v1
kind: PersistentVolume
metadata:
  name: task-pv-volume
  labels:
    type: local
spec:
  storageClassName: manual
  capacity:
    storage: 10Gi
  accessModes:
    - ReadWriteOnce
  hostPath:
    path: "/mnt/data"
`;

// A container without resources, as the LimitRange pages create to show the defaults
// (admin/resource/memory-defaults-pod.yaml; CC BY 4.0, The Kubernetes Authors).
const podWithoutResources = (name: string, ns: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  containers:
  - name: ${name}-ctr
    image: nginx
`;

// ------------------------------------------------------------------ the table

interface Step {
  /** A kubectl command line (without `kubectl`); `-f` paths are relative to the examples folder. */
  run: string;
  stdin?: string;
}

interface Row {
  file: string;
  /** The kubernetes.io page that uses the file. */
  page: string;
  /** What the page does first. */
  setup?: Step[];
  /** Extra flags for `kubectl apply -f FILE` (e.g. the page's `--namespace=…`). */
  flags?: string;
  /** Exact apply output: stdout lines on success, or the error on stderr (exit code 1). */
  created?: string[];
  error?: string;
  /** Simulated time to let pass before the check. */
  wait: number;
  check?: (c: Cluster) => void;
}

const created = (...lines: string[]) => lines;

const ROWS: Row[] = [
  // --------------------------------------------------------------- admin/
  {
    file: 'admin/namespace-dev.yaml',
    page: 'https://kubernetes.io/docs/tasks/administer-cluster/namespaces/',
    created: created('namespace/development created'),
    wait: 5 * S,
    check: (c) => {
      const ns = c.objects('/namespaces').find((n) => n.metadata.name === 'development');
      expect(field(ns, 'status.phase')).toBe('Active');
      expect(ns?.metadata.labels).toMatchObject({ name: 'development', 'kubernetes.io/metadata.name': 'development' });
    },
  },
  {
    file: 'admin/resource/cpu-constraints.yaml',
    page: 'https://kubernetes.io/docs/tasks/administer-cluster/manage-resources/cpu-constraint-namespace/',
    setup: [{ run: 'create namespace constraints-cpu-example' }],
    flags: '--namespace=constraints-cpu-example',
    created: created('limitrange/cpu-min-max-demo-lr created'),
    wait: 5 * S,
    check: (c) => {
      // The page's `kubectl get limitrange … -o yaml`: default and defaultRequest filled from max.
      const lr = obj(c, '/limitranges', 'cpu-min-max-demo-lr', 'constraints-cpu-example');
      expect(field(lr, 'spec.limits')).toEqual([
        { default: { cpu: '800m' }, defaultRequest: { cpu: '800m' }, max: { cpu: '800m' }, min: { cpu: '200m' }, type: 'Container' },
      ]);
    },
  },
  {
    file: 'admin/resource/cpu-constraints-pod-2.yaml',
    page: 'https://kubernetes.io/docs/tasks/administer-cluster/manage-resources/cpu-constraint-namespace/',
    setup: [
      { run: 'create namespace constraints-cpu-example' },
      { run: 'apply -f admin/resource/cpu-constraints.yaml --namespace=constraints-cpu-example' },
    ],
    flags: '--namespace=constraints-cpu-example',
    error:
      'Error from server (Forbidden): error when creating "admin/resource/cpu-constraints-pod-2.yaml": pods "constraints-cpu-demo-2" is forbidden: ' +
      'maximum cpu usage per Container is 800m, but limit is 1500m\n',
    wait: 5 * S,
    check: (c) => expect(c.objects('/pods', 'constraints-cpu-example')).toEqual([]),
  },
  {
    file: 'admin/resource/limit-mem-cpu-container.yaml',
    page: 'https://kubernetes.io/docs/concepts/policy/limit-range/',
    setup: [{ run: 'create namespace limitrange-demo' }],
    flags: '--namespace=limitrange-demo',
    created: created('limitrange/limit-mem-cpu-per-container created'),
    wait: 5 * S,
    check: (c) => {
      // A container without resources gets defaultRequest as requests and default as limits.
      ok(c, 'apply -f -', podWithoutResources('busybox1', 'limitrange-demo'));
      const ctr = pod(c, 'busybox1', 'limitrange-demo').spec.containers[0];
      expect(ctr.resources).toEqual({ requests: { cpu: '110m', memory: '111Mi' }, limits: { cpu: '700m', memory: '900Mi' } });
      expect(pod(c, 'busybox1', 'limitrange-demo').metadata.annotations?.['kubernetes.io/limit-ranger']).toBe(
        'LimitRanger plugin set: cpu, memory request for container busybox1-ctr; cpu, memory limit for container busybox1-ctr',
      );
    },
  },
  {
    file: 'admin/resource/memory-defaults.yaml',
    page: 'https://kubernetes.io/docs/tasks/administer-cluster/manage-resources/memory-default-namespace/',
    setup: [{ run: 'create namespace default-mem-example' }],
    flags: '--namespace=default-mem-example',
    created: created('limitrange/mem-limit-range created'),
    wait: 5 * S,
    check: (c) => {
      ok(c, 'apply -f -', podWithoutResources('default-mem-demo', 'default-mem-example'));
      expect(pod(c, 'default-mem-demo', 'default-mem-example').spec.containers[0].resources).toEqual({
        requests: { memory: '256Mi' },
        limits: { memory: '512Mi' },
      });
    },
  },
  {
    file: 'admin/resource/quota-mem-cpu.yaml',
    page: 'https://kubernetes.io/docs/tasks/administer-cluster/manage-resources/quota-memory-cpu-namespace/',
    setup: [{ run: 'create namespace quota-mem-cpu-example' }],
    flags: '--namespace=quota-mem-cpu-example',
    created: created('resourcequota/mem-cpu-demo created'),
    wait: 10 * S,
    check: (c) => {
      const q = obj(c, '/resourcequotas', 'mem-cpu-demo', 'quota-mem-cpu-example');
      expect(field(q, 'status.hard')).toEqual({ 'limits.cpu': '2', 'limits.memory': '2Gi', 'requests.cpu': '1', 'requests.memory': '1Gi' });
      expect(field(q, 'status.used')).toEqual({ 'limits.cpu': '0', 'limits.memory': '0', 'requests.cpu': '0', 'requests.memory': '0' });
    },
  },
  {
    file: 'admin/resource/quota-mem-cpu-pod.yaml',
    page: 'https://kubernetes.io/docs/tasks/administer-cluster/manage-resources/quota-memory-cpu-namespace/',
    setup: [
      { run: 'create namespace quota-mem-cpu-example' },
      { run: 'apply -f admin/resource/quota-mem-cpu.yaml --namespace=quota-mem-cpu-example' },
    ],
    flags: '--namespace=quota-mem-cpu-example',
    created: created('pod/quota-mem-cpu-demo created'),
    wait: 60 * S,
    check: (c) => {
      expectRunningReady(pod(c, 'quota-mem-cpu-demo', 'quota-mem-cpu-example'));
      const q = obj(c, '/resourcequotas', 'mem-cpu-demo', 'quota-mem-cpu-example');
      expect(field(q, 'status.used')).toEqual({ 'limits.cpu': '800m', 'limits.memory': '800Mi', 'requests.cpu': '400m', 'requests.memory': '600Mi' });
    },
  },
  {
    file: 'admin/resource/quota-pod.yaml',
    page: 'https://kubernetes.io/docs/tasks/administer-cluster/manage-resources/quota-pod-namespace/',
    setup: [{ run: 'create namespace quota-pod-example' }],
    flags: '--namespace=quota-pod-example',
    created: created('resourcequota/pod-demo created'),
    wait: 10 * S,
    check: (c) => {
      const q = obj(c, '/resourcequotas', 'pod-demo', 'quota-pod-example');
      expect(field(q, 'status.hard')).toEqual({ pods: '2' });
      expect(field(q, 'status.used')).toEqual({ pods: '0' });
    },
  },
  {
    file: 'admin/resource/quota-pod-deployment.yaml',
    page: 'https://kubernetes.io/docs/tasks/administer-cluster/manage-resources/quota-pod-namespace/',
    setup: [
      { run: 'create namespace quota-pod-example' },
      { run: 'apply -f admin/resource/quota-pod.yaml --namespace=quota-pod-example' },
    ],
    flags: '--namespace=quota-pod-example',
    created: created('deployment.apps/pod-quota-demo created'),
    wait: 90 * S,
    check: (c) => {
      // Only two of the three replicas: the third is refused by the quota.
      const d = obj(c, 'apps/deployments', 'pod-quota-demo', 'quota-pod-example');
      expect(field(d, 'status.availableReplicas')).toBe(2);
      expect(podsOf(c, 'quota-pod-example', { purpose: 'quota-demo' })).toHaveLength(2);
      const failure = condition(d, 'ReplicaFailure');
      expect(failure?.reason).toBe('FailedCreate');
      expect(failure?.message).toMatch(
        /^pods "pod-quota-demo-[4-9bcdf]+-[bcdfghjklmnpqrstvwxz2456789]{5}" is forbidden: exceeded quota: pod-demo, requested: pods=1, used: pods=2, limited: pods=2$/,
      );
      const q = obj(c, '/resourcequotas', 'pod-demo', 'quota-pod-example');
      expect(field(q, 'status.used')).toEqual({ pods: '2' });
    },
  },

  // --------------------------------------------------------------- application/
  {
    file: 'application/basic-daemonset.yaml',
    page: 'https://kubernetes.io/docs/tasks/manage-daemon/pods-some-nodes/',
    created: created('daemonset.apps/example-daemonset created'),
    wait: 60 * S,
    check: (c) => expectDaemonSetOnNodes(c, 'example-daemonset', 'default', { 'app.kubernetes.io/name': 'example' }, WORKERS),
  },
  {
    file: 'application/deployment-scale.yaml',
    page: 'https://kubernetes.io/docs/tasks/run-application/run-stateless-application-deployment/',
    created: created('deployment.apps/nginx-deployment created'),
    wait: 60 * S,
    check: (c) => expectDeploymentAvailable(c, 'nginx-deployment', 4),
  },
  {
    file: 'application/deployment-sidecar.yaml',
    page: 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/',
    created: created('deployment.apps/myapp created'),
    wait: 60 * S,
    check: (c) => {
      expectDeploymentAvailable(c, 'myapp', 1);
      const [p] = podsOf(c, 'default', { 'app.kubernetes.io/name': 'myapp' });
      expect(p.status?.initContainerStatuses?.[0]).toMatchObject({ name: 'logshipper', ready: true, started: true });
      expect(ok(c, `logs ${p.metadata.name} -c logshipper`)).toMatch(/^logging\n/);
    },
  },
  {
    file: 'application/deployment-update.yaml',
    page: 'https://kubernetes.io/docs/tasks/run-application/run-stateless-application-deployment/',
    created: created('deployment.apps/nginx-deployment created'),
    wait: 60 * S,
    check: (c) => expectDeploymentAvailable(c, 'nginx-deployment', 2),
  },
  {
    file: 'application/deployment.yaml',
    page: 'https://kubernetes.io/docs/tasks/run-application/run-stateless-application-deployment/',
    created: created('deployment.apps/nginx-deployment created'),
    wait: 60 * S,
    check: (c) => expectDeploymentAvailable(c, 'nginx-deployment', 2),
  },
  {
    file: 'application/guestbook/frontend-deployment.yaml',
    page: 'https://kubernetes.io/docs/tutorials/stateless-application/guestbook/',
    created: created('deployment.apps/frontend created'),
    wait: 90 * S,
    check: (c) => expectDeploymentAvailable(c, 'frontend', 3),
  },
  {
    // The stored revisions do not match (INDEX.tsv): the Service selects app.kubernetes.io/name
    // while this Deployment revision labels its pods app=guestbook, so the Service has no endpoints.
    file: 'application/guestbook/frontend-service.yaml',
    page: 'https://kubernetes.io/docs/tutorials/stateless-application/guestbook/',
    setup: [{ run: 'apply -f application/guestbook/frontend-deployment.yaml' }],
    created: created('service/frontend created'),
    wait: 90 * S,
    check: (c) => {
      expect(podsOf(c, 'default', { app: 'guestbook', tier: 'frontend' }).filter(isReady)).toHaveLength(3);
      expectServiceEndpoints(c, 'frontend', { 'app.kubernetes.io/name': 'guestbook', tier: 'frontend' }, 0);
      expect(ok(c, 'get endpoints frontend')).toMatch(/^NAME\s+ENDPOINTS\s+AGE\nfrontend\s+<none>\s+/);
    },
  },
  {
    file: 'application/guestbook/redis-leader-deployment.yaml',
    page: 'https://kubernetes.io/docs/tutorials/stateless-application/guestbook/',
    created: created('deployment.apps/redis-leader created'),
    wait: 60 * S,
    check: (c) => expectDeploymentAvailable(c, 'redis-leader', 1),
  },
  {
    file: 'application/guestbook/redis-leader-service.yaml',
    page: 'https://kubernetes.io/docs/tutorials/stateless-application/guestbook/',
    setup: [{ run: 'apply -f application/guestbook/redis-leader-deployment.yaml' }],
    created: created('service/redis-leader created'),
    wait: 60 * S,
    check: (c) => expectServiceEndpoints(c, 'redis-leader', { 'app.kubernetes.io/name': 'redis', tier: 'backend' }, 1),
  },
  {
    file: 'application/hpa/php-apache.yaml',
    page: 'https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale-walkthrough/',
    setup: [{ run: 'apply -f application/php-apache.yaml' }],
    created: created('horizontalpodautoscaler.autoscaling/php-apache created'),
    wait: 2 * MIN,
    check: (c) => {
      // No load yet: 0% of the 50% target, one replica.
      const hpa = obj(c, 'autoscaling/horizontalpodautoscalers', 'php-apache');
      expect(field(hpa, 'status.currentReplicas')).toBe(1);
      expect(field(hpa, 'status.desiredReplicas')).toBe(1);
      // Idle apache: a few percent of its 200m request at most (the page shows 0%).
      const metrics = field(hpa, 'status.currentMetrics') as { type: string; resource: { name: string; current: { averageUtilization: number } } }[];
      expect(metrics.map((m) => [m.type, m.resource.name])).toEqual([['Resource', 'cpu']]);
      expect(metrics[0].resource.current.averageUtilization).toBeLessThan(10);
      expect(condition(hpa, 'ScalingActive')?.status).toBe('True');
      expectDeploymentAvailable(c, 'php-apache', 1);
    },
  },
  {
    file: 'application/job/cronjob.yaml',
    page: 'https://kubernetes.io/docs/tasks/job/automated-tasks-with-cron-jobs/',
    error: noMatches('hello', 'application/job/cronjob.yaml', 'CronJob', 'batch/v1beta1'),
    wait: 2 * MIN,
    check: (c) => {
      expect(c.objects('batch/cronjobs', 'default')).toEqual([]);
      expect(c.objects('batch/jobs', 'default')).toEqual([]);
    },
  },
  {
    file: 'application/job/indexed-job.yaml',
    page: 'https://kubernetes.io/docs/tasks/job/indexed-parallel-processing-static/',
    created: created('job.batch/indexed-job created'),
    wait: 2 * MIN,
    check: (c) => {
      expectJobComplete(c, 'indexed-job', 5);
      expect(field(obj(c, 'batch/jobs', 'indexed-job'), 'status.completedIndexes')).toBe('0-4');
      // Each worker reverses its item: index 0 had "foo", so its log is "oof".
      const words = ['oof', 'rab', 'zab', 'xuq', 'zyx'];
      for (let i = 0; i < 5; i++) {
        const p = podsOf(c, 'default', { 'batch.kubernetes.io/job-completion-index': String(i) });
        expect(p.length, `pods of index ${i}`).toBeGreaterThan(0);
        expectCompleted(p[0]);
        expect(ok(c, `logs ${p[0].metadata.name}`)).toBe(`${words[i]}\n`);
      }
    },
  },
  {
    file: 'application/job/job-sidecar.yaml',
    page: 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/',
    created: created('job.batch/myjob created'),
    wait: 60 * S,
    check: (c) => {
      expectJobComplete(c, 'myjob', 1);
      const [p] = podsOf(c, 'default', { 'job-name': 'myjob' });
      expectCompleted(p);
    },
  },
  {
    file: 'application/mysql/mysql-configmap.yaml',
    page: 'https://kubernetes.io/docs/tasks/run-application/run-replicated-stateful-application/',
    created: created('configmap/mysql created'),
    wait: 5 * S,
    check: (c) => {
      const cm = obj(c, '/configmaps', 'mysql');
      expect(Object.keys((field(cm, 'data') ?? {}) as object).sort()).toEqual(['primary.cnf', 'secondary.cnf']);
    },
  },
  {
    file: 'application/mysql/mysql-services.yaml',
    page: 'https://kubernetes.io/docs/tasks/run-application/run-replicated-stateful-application/',
    created: created('service/mysql created', 'service/mysql-read created'),
    wait: 5 * S,
    check: (c) => {
      expect(field(obj(c, '/services', 'mysql'), 'spec.clusterIP')).toBe('None');
      expect(field(obj(c, '/services', 'mysql-read'), 'spec.clusterIP')).toMatch(/^10\.96\.\d+\.\d+$/);
    },
  },
  {
    file: 'application/mysql/mysql-statefulset.yaml',
    page: 'https://kubernetes.io/docs/tasks/run-application/run-replicated-stateful-application/',
    setup: [{ run: 'apply -f application/mysql/mysql-configmap.yaml' }, { run: 'apply -f application/mysql/mysql-services.yaml' }],
    created: created('statefulset.apps/mysql created'),
    wait: 6 * MIN,
    check: (c) => {
      expectStatefulSetReady(c, 'mysql', 3, ['data'], true);
      for (const p of podsOf(c, 'default', { app: 'mysql' })) expect(p.status?.containerStatuses?.every((s) => s.ready)).toBe(true);
      expectServiceEndpoints(c, 'mysql-read', { app: 'mysql' }, 3);
    },
  },
  {
    file: 'application/nginx-app.yaml',
    page: 'https://kubernetes.io/docs/concepts/cluster-administration/manage-deployment/',
    created: created('service/my-nginx-svc created', 'deployment.apps/my-nginx created'),
    wait: 60 * S,
    check: (c) => {
      expectDeploymentAvailable(c, 'my-nginx', 3);
      expectServiceEndpoints(c, 'my-nginx-svc', { app: 'nginx' }, 3);
      // The playground's simulated cloud controller (like cloud-provider-kind) assigns an external IP.
      expect(ok(c, 'get svc my-nginx-svc')).toMatch(/my-nginx-svc\s+LoadBalancer\s+10\.96\.\d+\.\d+\s+172\.18\.255\.\d+\s+80:3\d{4}\/TCP/);
    },
  },
  {
    file: 'application/nginx-with-request.yaml',
    page: 'https://kubernetes.io/docs/tasks/configure-pod-container/assign-cpu-resource/',
    created: created('deployment.apps/nginx-deployment created'),
    wait: 60 * S,
    check: (c) => expectDeploymentAvailable(c, 'nginx-deployment', 2),
  },
  {
    file: 'application/php-apache.yaml',
    page: 'https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale-walkthrough/',
    created: created('deployment.apps/php-apache created', 'service/php-apache created'),
    wait: 60 * S,
    check: (c) => {
      expectDeploymentAvailable(c, 'php-apache', 1);
      expectServiceEndpoints(c, 'php-apache', { 'app.kubernetes.io/name': 'php-apache' }, 1);
    },
  },
  {
    file: 'application/shell-demo.yaml',
    page: 'https://kubernetes.io/docs/tasks/debug/debug-application/get-shell-running-container/',
    created: created('pod/shell-demo created'),
    wait: 60 * S,
    check: (c) => expectRunningReady(pod(c, 'shell-demo')),
  },
  {
    file: 'application/simple_deployment.yaml',
    page: 'https://kubernetes.io/docs/tasks/manage-kubernetes-objects/declarative-config/',
    created: created('deployment.apps/nginx-deployment created'),
    wait: 60 * S,
    check: (c) => {
      expectDeploymentAvailable(c, 'nginx-deployment', 1);
      expect(obj(c, 'apps/deployments', 'nginx-deployment').metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toBeDefined();
    },
  },
  {
    file: 'application/web/web-parallel.yaml',
    page: 'https://kubernetes.io/docs/tutorials/stateful-application/basic-stateful-set/',
    created: created('service/nginx created', 'statefulset.apps/web created'),
    wait: 90 * S,
    check: (c) => {
      expectStatefulSetReady(c, 'web', 2, ['www'], false);
      expect(readyEndpoints(c, 'nginx')).toHaveLength(2);
    },
  },
  {
    file: 'application/web/web.yaml',
    page: 'https://kubernetes.io/docs/tutorials/stateful-application/basic-stateful-set/',
    created: created('service/nginx created', 'statefulset.apps/web created'),
    wait: 90 * S,
    check: (c) => {
      expectStatefulSetReady(c, 'web', 2, ['www'], true);
      expect(pod(c, 'web-0').spec.hostname).toBe('web-0');
      expect(pod(c, 'web-0').spec.subdomain).toBe('nginx');
      expectServiceEndpoints(c, 'nginx', { app: 'nginx' }, 2);
    },
  },
  {
    file: 'application/wordpress/mysql-deployment.yaml',
    page: 'https://kubernetes.io/docs/tutorials/stateful-application/mysql-wordpress-persistent-volume/',
    // The page generates the Secret with kustomize's secretGenerator.
    setup: [{ run: 'create secret generic mysql-pass --from-literal=password=YOUR_PASSWORD' }],
    created: created('service/wordpress-mysql created', 'persistentvolumeclaim/mysql-pv-claim created', 'deployment.apps/wordpress-mysql created'),
    wait: 2 * MIN,
    check: (c) => {
      expectDeploymentAvailable(c, 'wordpress-mysql', 1);
      expect(field(obj(c, '/persistentvolumeclaims', 'mysql-pv-claim'), 'status.phase')).toBe('Bound');
      expectServiceEndpoints(c, 'wordpress-mysql', { app: 'wordpress', tier: 'mysql' }, 1);
    },
  },
  {
    file: 'application/wordpress/wordpress-deployment.yaml',
    page: 'https://kubernetes.io/docs/tutorials/stateful-application/mysql-wordpress-persistent-volume/',
    setup: [
      { run: 'create secret generic mysql-pass --from-literal=password=YOUR_PASSWORD' },
      { run: 'apply -f application/wordpress/mysql-deployment.yaml' },
    ],
    created: created('service/wordpress created', 'persistentvolumeclaim/wp-pv-claim created', 'deployment.apps/wordpress created'),
    wait: 3 * MIN,
    check: (c) => {
      expectDeploymentAvailable(c, 'wordpress', 1);
      expect(field(obj(c, '/persistentvolumeclaims', 'wp-pv-claim'), 'status.phase')).toBe('Bound');
      expectServiceEndpoints(c, 'wordpress', { 'app.kubernetes.io/name': 'wordpress', tier: 'frontend' }, 1);
      expect(ok(c, 'get svc wordpress')).toMatch(/wordpress\s+LoadBalancer\s+10\.96\.\d+\.\d+\s+172\.18\.255\.\d+\s+80:3\d{4}\/TCP/);
    },
  },
  {
    file: 'application/zookeeper/zookeeper.yaml',
    page: 'https://kubernetes.io/docs/tutorials/stateful-application/zookeeper/',
    created: created('service/zk-hs created', 'service/zk-cs created', 'poddisruptionbudget.policy/zk-pdb created', 'statefulset.apps/zk created'),
    wait: 5 * MIN,
    check: (c) => {
      expectStatefulSetReady(c, 'zk', 3, ['datadir'], true);
      // Required pod anti-affinity on the hostname: one zk pod per worker.
      expect(podsOf(c, 'default', { 'app.kubernetes.io/name': 'zk' }).map((p) => p.spec.nodeName).sort()).toEqual(WORKERS);
      expectServiceEndpoints(c, 'zk-hs', { 'app.kubernetes.io/name': 'zk' }, 3);
      const pdb = obj(c, 'policy/poddisruptionbudgets', 'zk-pdb');
      expect(field(pdb, 'status.currentHealthy')).toBe(3);
      expect(field(pdb, 'status.disruptionsAllowed')).toBe(1);
    },
  },

  // --------------------------------------------------------------- configmap/
  {
    file: 'configmap/configmaps.yaml',
    page: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-pod-configmap/',
    created: created('configmap/special-config created', 'configmap/env-config created'),
    wait: 5 * S,
    check: (c) => {
      expect(field(obj(c, '/configmaps', 'special-config'), 'data')).toEqual({ 'special.how': 'very' });
      expect(field(obj(c, '/configmaps', 'env-config'), 'data')).toEqual({ log_level: 'INFO' });
    },
  },

  // --------------------------------------------------------------- controllers/
  {
    // Old revision: tolerates only the pre-1.24 `master` taint, so not kind's control-plane node.
    file: 'controllers/daemonset.yaml',
    page: 'https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/',
    created: created('daemonset.apps/fluentd-elasticsearch created'),
    wait: 90 * S,
    check: (c) => expectDaemonSetOnNodes(c, 'fluentd-elasticsearch', 'kube-system', { name: 'fluentd-elasticsearch' }, WORKERS),
  },
  {
    // Tolerates node-role.kubernetes.io/control-plane: one pod on every node, control plane included.
    file: 'controllers/fluentd-daemonset.yaml',
    page: 'https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/',
    created: created('daemonset.apps/fluentd-elasticsearch created'),
    wait: 90 * S,
    check: (c) =>
      expectDaemonSetOnNodes(c, 'fluentd-elasticsearch', 'kube-system', { 'app.kubernetes.io/name': 'fluentd-elasticsearch' }, ALL_NODES),
  },
  {
    file: 'controllers/frontend.yaml',
    page: 'https://kubernetes.io/docs/concepts/workloads/controllers/replicaset/',
    created: created('replicaset.apps/frontend created'),
    wait: 60 * S,
    check: (c) => {
      const rs = obj(c, 'apps/replicasets', 'frontend');
      expect(field(rs, 'status.readyReplicas')).toBe(3);
      const pods = podsOf(c, 'default', { tier: 'frontend' });
      expect(pods).toHaveLength(3);
      pods.forEach(expectRunningReady);
      for (const p of pods) expect(p.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', name: 'frontend', controller: true });
    },
  },
  {
    file: 'controllers/hpa-rs.yaml',
    page: 'https://kubernetes.io/docs/concepts/workloads/controllers/replicaset/',
    setup: [{ run: 'apply -f controllers/frontend.yaml' }],
    created: created('horizontalpodautoscaler.autoscaling/frontend-scaler created'),
    wait: 2 * MIN,
    check: (c) => {
      // The frontend pods request no CPU, so utilization cannot be computed: the HPA keeps the
      // ReplicaSet at minReplicas (3) and says why.
      const hpa = obj(c, 'autoscaling/horizontalpodautoscalers', 'frontend-scaler');
      expect(field(hpa, 'spec.scaleTargetRef')).toEqual({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'frontend' });
      expect(field(hpa, 'status.currentReplicas')).toBe(3);
      expect(condition(hpa, 'ScalingActive')).toMatchObject({ status: 'False', reason: 'FailedGetResourceMetric' });
      expect(condition(hpa, 'ScalingActive')?.message).toMatch(/missing request for cpu in container nginx of Pod frontend-/);
      expect(field(obj(c, 'apps/replicasets', 'frontend'), 'spec.replicas')).toBe(3);
    },
  },
  {
    file: 'controllers/job-pod-failure-policy-example.yaml',
    page: 'https://kubernetes.io/docs/tasks/job/pod-failure-policy/',
    created: created('job.batch/job-pod-failure-policy-example created'),
    wait: 60 * S,
    check: (c) => {
      // The first pod exits 42 after ~5 s: the FailJob rule fails the whole Job, no retries.
      const job = obj(c, 'batch/jobs', 'job-pod-failure-policy-example');
      const failed = condition(job, 'Failed');
      expect(failed?.status).toBe('True');
      expect(failed?.reason).toBe('PodFailurePolicy');
      expect(failed?.message).toMatch(
        /^Container main for pod default\/job-pod-failure-policy-example-[bcdfghjklmnpqrstvwxz2456789]{5} failed with exit code 42 matching FailJob rule at index 0$/,
      );
      expect(field(job, 'status.succeeded') ?? 0).toBe(0);
      expect(field(job, 'status.active') ?? 0).toBe(0);
    },
  },
  {
    file: 'controllers/job.yaml',
    page: 'https://kubernetes.io/docs/concepts/workloads/controllers/job/',
    created: created('job.batch/pi created'),
    wait: 2 * MIN,
    check: (c) => {
      expectJobComplete(c, 'pi', 1);
      const [p] = podsOf(c, 'default', { 'job-name': 'pi' });
      expectCompleted(p);
      const out = ok(c, `logs ${p.metadata.name}`);
      expect(out).toMatch(/^3\.14159265358979323846264338327950288419716939937510/);
      expect(out.trim()).toHaveLength(1001);
    },
  },
  {
    file: 'controllers/nginx-deployment.yaml',
    page: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/',
    created: created('deployment.apps/nginx-deployment created'),
    wait: 60 * S,
    check: (c) => {
      expectDeploymentAvailable(c, 'nginx-deployment', 3);
      expect(ok(c, 'get deployments')).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nnginx-deployment\s+3\/3\s+3\s+3\s+/);
    },
  },
  {
    file: 'controllers/replication.yaml',
    page: 'https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/',
    created: created('replicationcontroller/nginx created'),
    wait: 60 * S,
    check: (c) => {
      const rc = obj(c, '/replicationcontrollers', 'nginx');
      expect(field(rc, 'status.readyReplicas')).toBe(3);
      const pods = podsOf(c, 'default', { app: 'nginx' });
      expect(pods).toHaveLength(3);
      pods.forEach(expectRunningReady);
    },
  },
  {
    // storageClassName "my-storage-class" does not exist on kind: the claim stays Pending, so
    // web-0 cannot be scheduled and OrderedReady never creates web-1.
    file: 'controllers/statefulset.yaml',
    page: 'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/',
    created: created('service/nginx created', 'statefulset.apps/web created'),
    wait: 2 * MIN,
    check: (c) => {
      expect(field(obj(c, '/persistentvolumeclaims', 'www-web-0'), 'status.phase')).toBe('Pending');
      expect(pod(c, 'web-0').status?.phase).toBe('Pending');
      expect(c.objects('/pods', 'default').map((p) => p.metadata.name)).toEqual(['web-0']);
      expect(events(c, 'default', 'web-0').some((e) => e.reason === 'FailedScheduling' && /pod has unbound immediate PersistentVolumeClaims/.test(e.message))).toBe(true);
    },
  },

  // --------------------------------------------------------------- pods/
  {
    file: 'pods/commands.yaml',
    page: 'https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/',
    created: created('pod/command-demo created'),
    wait: 60 * S,
    check: (c) => {
      expectCompleted(pod(c, 'command-demo'));
      expect(ok(c, 'logs command-demo')).toBe('command-demo\ntcp://10.96.0.1:443\n');
    },
  },
  {
    file: 'pods/init-containers.yaml',
    page: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-pod-initialization/',
    created: created('pod/init-demo created'),
    wait: 60 * S,
    check: (c) => {
      const p = pod(c, 'init-demo');
      expectRunningReady(p);
      expect(p.status?.initContainerStatuses?.[0].state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    },
  },
  {
    file: 'pods/inject/secret.yaml',
    page: 'https://kubernetes.io/docs/tasks/inject-data-application/distribute-credentials-secure/',
    created: created('secret/test-secret created'),
    wait: 5 * S,
    check: (c) => {
      const s = obj(c, '/secrets', 'test-secret');
      expect(field(s, 'type')).toBe('Opaque');
      expect(field(s, 'data')).toEqual({ username: 'bXktYXBw', password: 'Mzk1MjgkdmRnN0pi' });
    },
  },
  {
    file: 'pods/pod-configmap-volume.yaml',
    page: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-pod-configmap/',
    setup: [{ run: 'apply -f configmap/configmaps.yaml' }],
    created: created('pod/dapi-test-pod created'),
    wait: 60 * S,
    check: (c) => {
      expectCompleted(pod(c, 'dapi-test-pod'));
      expect(ok(c, 'logs dapi-test-pod')).toBe('special.how\n');
    },
  },
  {
    file: 'pods/pod-nginx.yaml',
    page: 'https://kubernetes.io/docs/tasks/configure-pod-container/assign-pods-nodes/',
    setup: [{ run: 'label nodes kind-worker2 disktype=ssd' }],
    created: created('pod/nginx created'),
    wait: 60 * S,
    check: (c) => {
      const p = pod(c, 'nginx');
      expectRunningReady(p);
      expect(p.spec.nodeName).toBe('kind-worker2');
    },
  },
  {
    file: 'pods/pod-with-node-affinity.yaml',
    page: 'https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/',
    error:
      'Error from server (BadRequest): error when creating "pods/pod-with-node-affinity.yaml": Pod in version "v1" cannot be handled as a Pod: ' +
      'json: cannot unmarshal array into Go struct field NodeAffinity.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution of type v1.NodeSelector\n',
    wait: 5 * S,
    check: (c) => expect(c.objects('/pods', 'default')).toEqual([]),
  },
  {
    file: 'pods/pod-with-toleration.yaml',
    page: 'https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/',
    created: created('pod/nginx created'),
    wait: 60 * S,
    check: (c) => {
      const p = pod(c, 'nginx');
      expectRunningReady(p);
      expect(WORKERS).toContain(p.spec.nodeName);
    },
  },
  {
    file: 'pods/probe/exec-liveness.yaml',
    page: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/',
    created: created('pod/liveness-exec created'),
    wait: 30 * S,
    check: (c) => {
      // Healthy for 30 s; then three failed probes 5 s apart and the kubelet restarts it.
      expect(pod(c, 'liveness-exec').status?.containerStatuses?.[0].restartCount).toBe(0);
      c.advance(50 * S);
      expect(pod(c, 'liveness-exec').status?.containerStatuses?.[0].restartCount).toBe(1);
      const evs = events(c, 'default', 'liveness-exec');
      expect(evs).toContainEqual({
        type: 'Warning',
        reason: 'Unhealthy',
        message: "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory",
      });
      expect(evs).toContainEqual({ type: 'Normal', reason: 'Killing', message: 'Container liveness failed liveness probe, will be restarted' });
    },
  },
  {
    file: 'pods/probe/http-liveness.yaml',
    page: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/',
    created: created('pod/liveness-http created'),
    wait: 60 * S,
    check: (c) => {
      // /healthz answers 200 for 10 s, then 500: the kubelet restarts the container.
      expect(pod(c, 'liveness-http').status?.containerStatuses?.[0].restartCount).toBeGreaterThanOrEqual(1);
      expect(events(c, 'default', 'liveness-http')).toContainEqual({
        type: 'Warning',
        reason: 'Unhealthy',
        message: 'Liveness probe failed: HTTP probe failed with statuscode: 500',
      });
    },
  },
  {
    file: 'pods/probe/tcp-liveness-readiness.yaml',
    page: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/',
    created: created('pod/goproxy created'),
    wait: 60 * S,
    check: (c) => {
      const p = pod(c, 'goproxy');
      expectRunningReady(p);
      expect(p.status?.containerStatuses?.[0].restartCount).toBe(0);
    },
  },
  {
    file: 'pods/qos/qos-pod.yaml',
    page: 'https://kubernetes.io/docs/tasks/configure-pod-container/quality-service-pod/',
    setup: [{ run: 'create namespace qos-example' }],
    created: created('pod/qos-demo created'),
    wait: 60 * S,
    check: (c) => {
      const p = pod(c, 'qos-demo', 'qos-example');
      expectRunningReady(p);
      expect(p.status?.qosClass).toBe('Guaranteed');
    },
  },
  {
    file: 'pods/resource/memory-request-limit.yaml',
    page: 'https://kubernetes.io/docs/tasks/configure-pod-container/assign-memory-resource/',
    setup: [{ run: 'create namespace mem-example' }],
    created: created('pod/memory-demo created'),
    wait: 60 * S,
    check: (c) => {
      // stress allocates 150M, within its 200Mi limit: it keeps running.
      const p = pod(c, 'memory-demo', 'mem-example');
      expectRunningReady(p);
      expect(p.status?.containerStatuses?.[0].restartCount).toBe(0);
      expect(p.status?.qosClass).toBe('Burstable');
    },
  },
  {
    file: 'pods/simple-pod.yaml',
    page: 'https://kubernetes.io/docs/concepts/workloads/pods/',
    created: created('pod/nginx created'),
    wait: 60 * S,
    check: (c) => expectRunningReady(pod(c, 'nginx')),
  },
  {
    file: 'pods/storage/pv-claim.yaml',
    page: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-persistent-volume-storage/',
    setup: [{ run: 'apply -f -', stdin: TASK_PV_VOLUME }],
    created: created('persistentvolumeclaim/task-pv-claim created'),
    wait: 30 * S,
    check: (c) => {
      const pvc = obj(c, '/persistentvolumeclaims', 'task-pv-claim');
      expect(field(pvc, 'status.phase')).toBe('Bound');
      expect(field(pvc, 'spec.volumeName')).toBe('task-pv-volume');
      expect(field(pvc, 'status.capacity')).toEqual({ storage: '10Gi' });
      expect(field(c.objects('/persistentvolumes').find((v) => v.metadata.name === 'task-pv-volume'), 'status.phase')).toBe('Bound');
    },
  },
  {
    file: 'pods/two-container-pod.yaml',
    page: 'https://kubernetes.io/docs/tasks/access-application-cluster/communicate-containers-same-pod-shared-volume/',
    created: created('pod/two-containers created'),
    wait: 60 * S,
    check: (c) => {
      // The debian container writes index.html and exits; nginx keeps serving it.
      const p = pod(c, 'two-containers');
      expect(p.status?.phase).toBe('Running');
      const byName = new Map((p.status?.containerStatuses ?? []).map((s) => [s.name, s]));
      expect(byName.get('debian-container')?.state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
      expect(byName.get('nginx-container')?.state?.running).toBeDefined();
      expect(ok(c, 'exec two-containers -c nginx-container -- cat /usr/share/nginx/html/index.html')).toBe('Hello from the debian container\n');
    },
  },

  // --------------------------------------------------------------- service/
  {
    file: 'service/access/backend-deployment.yaml',
    page: 'https://kubernetes.io/docs/tasks/access-application-cluster/connecting-frontend-backend/',
    created: created('deployment.apps/backend created'),
    wait: 60 * S,
    check: (c) => expectDeploymentAvailable(c, 'backend', 3),
  },
  {
    file: 'service/access/backend-service.yaml',
    page: 'https://kubernetes.io/docs/tasks/access-application-cluster/connecting-frontend-backend/',
    setup: [{ run: 'apply -f service/access/backend-deployment.yaml' }],
    created: created('service/hello created'),
    wait: 60 * S,
    check: (c) => expectServiceEndpoints(c, 'hello', { 'app.kubernetes.io/name': 'hello', tier: 'backend' }, 3),
  },
  {
    file: 'service/access/frontend-deployment.yaml',
    page: 'https://kubernetes.io/docs/tasks/access-application-cluster/connecting-frontend-backend/',
    setup: [{ run: 'apply -f service/access/backend-deployment.yaml' }, { run: 'apply -f service/access/backend-service.yaml' }],
    created: created('deployment.apps/frontend created'),
    wait: 60 * S,
    check: (c) => expectDeploymentAvailable(c, 'frontend', 1),
  },
  {
    file: 'service/access/frontend-service.yaml',
    page: 'https://kubernetes.io/docs/tasks/access-application-cluster/connecting-frontend-backend/',
    setup: [
      { run: 'apply -f service/access/backend-deployment.yaml' },
      { run: 'apply -f service/access/backend-service.yaml' },
      { run: 'apply -f service/access/frontend-deployment.yaml' },
    ],
    created: created('service/frontend created'),
    wait: 60 * S,
    check: (c) => {
      expectServiceEndpoints(c, 'frontend', { 'app.kubernetes.io/name': 'hello', tier: 'frontend' }, 1);
      expect(ok(c, 'get service frontend')).toMatch(/frontend\s+LoadBalancer\s+10\.96\.\d+\.\d+\s+172\.18\.255\.\d+\s+80:3\d{4}\/TCP/);
    },
  },
  {
    file: 'service/load-balancer-example.yaml',
    page: 'https://kubernetes.io/docs/tutorials/stateless-application/expose-external-ip-address/',
    created: created('deployment.apps/hello-world created'),
    wait: 60 * S,
    check: (c) => {
      expectDeploymentAvailable(c, 'hello-world', 5);
      expect(ok(c, 'expose deployment hello-world --type=LoadBalancer --name=my-service')).toBe('service/my-service exposed\n');
      c.advance(5 * S);
      expectServiceEndpoints(c, 'my-service', { 'app.kubernetes.io/name': 'load-balancer-example' }, 5);
    },
  },
  {
    // Hybrid revision: v1beta1 Ingress was removed in v1.22.
    file: 'service/networking/example-ingress.yaml',
    page: 'https://kubernetes.io/docs/tasks/access-application-cluster/ingress-minikube/',
    error: noMatches('example-ingress', 'service/networking/example-ingress.yaml', 'Ingress', 'networking.k8s.io/v1beta1'),
    wait: 5 * S,
  },
  {
    file: 'service/networking/minimal-ingress.yaml',
    page: 'https://kubernetes.io/docs/concepts/services-networking/ingress/',
    created: created('ingress.networking.k8s.io/minimal-ingress created'),
    wait: 30 * S,
    check: (c) => {
      // No ingress controller for class nginx-example on kind: accepted, but no ADDRESS.
      const ing = obj(c, 'networking.k8s.io/ingresses', 'minimal-ingress');
      expect(field(ing, 'spec.ingressClassName')).toBe('nginx-example');
      expect(ok(c, 'get ingress minimal-ingress')).toMatch(/^NAME\s+CLASS\s+HOSTS\s+ADDRESS\s+PORTS\s+AGE\nminimal-ingress\s+nginx-example\s+\*\s+80\s+/);
    },
  },
  {
    file: 'service/networking/nginx-svc.yaml',
    page: 'https://kubernetes.io/docs/tutorials/services/connect-applications-service/',
    setup: [{ run: 'apply -f service/networking/run-my-nginx.yaml' }],
    created: created('service/my-nginx created'),
    wait: 60 * S,
    check: (c) => expectServiceEndpoints(c, 'my-nginx', { run: 'my-nginx' }, 2),
  },
  {
    file: 'service/networking/run-my-nginx.yaml',
    page: 'https://kubernetes.io/docs/tutorials/services/connect-applications-service/',
    created: created('deployment.apps/my-nginx created'),
    wait: 60 * S,
    check: (c) => {
      expectDeploymentAvailable(c, 'my-nginx', 2);
      const pods = podsOf(c, 'default', { run: 'my-nginx' });
      expect(new Set(pods.map((p) => p.spec.nodeName)).size).toBe(2);
    },
  },
  {
    // The Service page's selector app.kubernetes.io/name=nginx, with the Deployment page's pods.
    file: 'service/nginx-service.yaml',
    page: 'https://kubernetes.io/docs/concepts/services-networking/service/',
    setup: [{ run: 'apply -f controllers/nginx-deployment.yaml' }],
    created: created('service/nginx-service created'),
    wait: 60 * S,
    check: (c) => {
      expectServiceEndpoints(c, 'nginx-service', { 'app.kubernetes.io/name': 'nginx' }, 3);
      expect(ok(c, 'get svc nginx-service')).toMatch(/nginx-service\s+ClusterIP\s+10\.96\.\d+\.\d+\s+<none>\s+8000\/TCP/);
    },
  },
  {
    file: 'service/pod-with-graceful-termination.yaml',
    page: 'https://kubernetes.io/docs/tutorials/services/pods-and-endpoint-termination-flow/',
    created: created('deployment.apps/nginx-deployment created', 'service/nginx-service created'),
    wait: 60 * S,
    check: (c) => {
      expectDeploymentAvailable(c, 'nginx-deployment', 1);
      expectServiceEndpoints(c, 'nginx-service', { app: 'nginx' }, 1);
    },
  },
];

// ------------------------------------------------------------------ the test

function indexedFiles(): string[] {
  return fs
    .readFileSync(path.join(EXAMPLES, 'INDEX.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#') && !l.startsWith('path\t'))
    .map((l) => l.split('\t')[0]);
}

describe('kubernetes.io examples (../shared/k8s-examples)', () => {
  it.each(ROWS.map((r) => [r.file, r] as const))('%s', (_file, row) => {
    const c = createCluster({ seed: SEED });
    for (const step of row.setup ?? []) ok(c, step.run, step.stdin);
    const r = kubectl(c, `apply -f ${row.file}${row.flags ? ` ${row.flags}` : ''}`);
    if (row.error !== undefined) {
      expect(r.stderr).toBe(row.error);
      expect(r.stdout).toBe('');
      expect(r.exitCode).toBe(1);
    } else {
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe((row.created ?? []).map((l) => `${l}\n`).join(''));
      expect(r.exitCode).toBe(0);
    }
    c.advance(row.wait);
    row.check?.(c);
  });

  it('has a row for each of the 71 files in INDEX.tsv, and no other', () => {
    const files = indexedFiles();
    expect(files).toHaveLength(71);
    expect(ROWS.map((r) => r.file).sort()).toEqual([...files].sort());
    expect(new Set(ROWS.map((r) => r.file)).size).toBe(ROWS.length);
  });
});
