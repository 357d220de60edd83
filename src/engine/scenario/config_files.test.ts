// Whole-cluster checks of scenarios/namespaces-quotas.scenario and scenarios/configmap.scenario
// (fixed seeds), plus the behaviours around them: namespace deletion with content, quota
// replenishment, the kube-root-ca.crt publisher, ConfigMap env/volumes and their waiting states.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Namespace, Pod } from '../api/core';
import type { ResourceQuota } from '../api/config';
import { createCluster, type Cluster } from '../index';
import { parseScenario, runScenario } from './index';

const DIR = join(__dirname, '..', '..', '..', 'scenarios');
const EXAMPLES = '/work/shared/k8s-examples/';

function transcript(file: string, seed = 1): string {
  return runScenario(createCluster({ seed }), parseScenario(readFileSync(join(DIR, file), 'utf8'))).transcript;
}

function outputOf(t: string, command: string, n = -1): string {
  const blocks = t.split(/^\$ /m).filter((b) => b.startsWith(command));
  const b = blocks.at(n) ?? '';
  return b.slice(b.indexOf('\n') + 1);
}

function logsOf(c: Cluster, ns: string, name: string): string[] {
  const pod = c.api.get({ group: '', resource: 'pods' }, ns, name) as Pod;
  return c.kubelets.get(pod.spec.nodeName!)!.logs(ns, name);
}

const example = (p: string) => readFileSync(EXAMPLES + p, 'utf8');

describe('scenarios/namespaces-quotas.scenario', () => {
  const t = transcript('namespaces-quotas.scenario');

  it('a pods: 2 quota gives a 3-replica Deployment 2 pods and a FailedCreate on the ReplicaSet', () => {
    expect(outputOf(t, 'kubectl get deployment,pods -n quota-pod-example')).toMatch(/pod-quota-demo\s+2\/3\s+2\s+2\s+30s/);
    expect(outputOf(t, 'kubectl get deployment,pods -n quota-pod-example').match(/1\/1\s+Running/g)).toHaveLength(2);
    expect(outputOf(t, 'kubectl get quota -n quota-pod-example')).toMatch(/^NAME\s+AGE\s+REQUEST\s+LIMIT\npod-demo\s+30s\s+pods: 2\/2\s*$/m);
    expect(outputOf(t, 'kubectl describe quota pod-demo')).toBe('Name:       pod-demo\nNamespace:  quota-pod-example\nResource    Used  Hard\n--------    ----  ----\npods        2     2\n');
    expect(outputOf(t, 'kubectl get events -n quota-pod-example')).toMatch(
      /Warning\s+FailedCreate\s+replicaset\/pod-quota-demo-\w+\s+Error creating: pods "pod-quota-demo-\w+-\w{5}" is forbidden: exceeded quota: pod-demo, requested: pods=1, used: pods=2, limited: pods=2/,
    );
  });

  it('LimitRange: rejection message, defaulting and the namespace description', () => {
    expect(t).toContain('Error from server (Forbidden): error when creating "STDIN": pods "constraints-cpu-demo-2" is forbidden: maximum cpu usage per Container is 800m, but limit is 1500m');
    const y = outputOf(t, 'kubectl get pod defaulted');
    expect(y).toContain("kubernetes.io/limit-ranger: 'LimitRanger plugin set: cpu request for container defaulted; cpu limit for container defaulted'");
    expect(y).toMatch(/resources:\n\s+limits:\n\s+cpu: 800m\n\s+requests:\n\s+cpu: 800m/);
    expect(outputOf(t, 'kubectl describe namespace constraints-cpu-example')).toContain(' Container  cpu       200m  800m  800m             800m           -');
  });

  it('deleting a namespace deletes its content and then the namespace', () => {
    expect(outputOf(t, 'kubectl delete namespace quota-pod-example')).toBe('namespace "quota-pod-example" deleted\n');
    expect(outputOf(t, 'kubectl get namespaces')).not.toContain('quota-pod-example');
    expect(outputOf(t, 'kubectl get pods -n quota-pod-example')).toBe('No resources found in quota-pod-example namespace.\n');
  });
});

describe('namespace deletion', () => {
  it('Terminating with conditions while pods shut down; refuses new content; then gone', () => {
    const c = createCluster({ seed: 3 });
    c.kubectl('create namespace doomed');
    c.kubectl('create deployment web --image=nginx --replicas=2 -n doomed');
    c.kubectl('create configmap cfg --from-literal=a=b -n doomed');
    c.advance(30_000);
    expect(c.kubectl('get cm -n doomed').stdout).toMatch(/kube-root-ca\.crt/);
    c.kubectl('delete namespace doomed --wait=false');
    const ns = c.api.get({ group: '', resource: 'namespaces' }, '', 'doomed') as Namespace;
    expect(ns.status?.phase).toBe('Terminating');
    expect(c.kubectl('get ns doomed').stdout).toMatch(/^doomed\s+Terminating\s/m);
    const remaining = ns.status?.conditions?.find((x) => x.type === 'NamespaceContentRemaining');
    expect(remaining).toMatchObject({ status: 'True', reason: 'SomeResourcesRemain', message: 'Some resources are remaining: pods. has 2 resource instances' });
    expect(c.kubectl('run x --image=nginx -n doomed').stderr).toBe(
      'Error from server (Forbidden): pods "x" is forbidden: unable to create new content in namespace doomed because it is being terminated\n',
    );
    c.advance(60_000);
    expect(c.api.tryGet({ group: '', resource: 'namespaces' }, '', 'doomed')).toBeUndefined();
    expect(c.objects('/configmaps', 'doomed')).toEqual([]);
    expect(c.objects('/pods', 'doomed')).toEqual([]);
    expect(c.objects('apps/deployments', 'doomed')).toEqual([]);
    expect(c.kubectl('get ns').stdout).not.toContain('doomed');
  });
});

describe('resource quota controller', () => {
  it('keeps status current (quota-mem-cpu example) and frees usage when a pod goes', () => {
    const c = createCluster({ seed: 5 });
    c.kubectl('create namespace quota-mem-cpu-example');
    const readFile = (p: string) => example(p);
    c.kubectl('apply -f admin/resource/quota-mem-cpu.yaml -n quota-mem-cpu-example', { readFile });
    c.kubectl('apply -f admin/resource/quota-mem-cpu-pod.yaml -n quota-mem-cpu-example', { readFile });
    const q = () => c.api.get({ group: '', resource: 'resourcequotas' }, 'quota-mem-cpu-example', 'mem-cpu-demo') as ResourceQuota;
    expect(q().status).toEqual({
      hard: { 'limits.cpu': '2', 'limits.memory': '2Gi', 'requests.cpu': '1', 'requests.memory': '1Gi' },
      used: { 'limits.cpu': '800m', 'limits.memory': '800Mi', 'requests.cpu': '400m', 'requests.memory': '600Mi' },
    });
    expect(c.kubectl('get quota -n quota-mem-cpu-example').stdout).toBe(
      'NAME           AGE   REQUEST                                            LIMIT\nmem-cpu-demo   0s    requests.cpu: 400m/1, requests.memory: 600Mi/1Gi   limits.cpu: 800m/2, limits.memory: 800Mi/2Gi\n',
    );
    c.kubectl('delete pod quota-mem-cpu-demo -n quota-mem-cpu-example');
    expect(q().status?.used).toEqual({ 'limits.cpu': '0', 'limits.memory': '0', 'requests.cpu': '0', 'requests.memory': '0' });
  });
});

describe('scenarios/configmap.scenario', () => {
  it('env and volume values, secret shown as bytes and base64, CreateContainerConfigError then Running', () => {
    const c = createCluster({ seed: 1 });
    const { transcript: t } = runScenario(c, parseScenario(readFileSync(join(DIR, 'configmap.scenario'), 'utf8')));
    expect(outputOf(t, 'kubectl get pod dapi-test-pod')).toMatch(/dapi-test-pod\s+0\/1\s+Completed/);
    expect(logsOf(c, 'default', 'dapi-test-pod')).toEqual(['level=very password=s3cr3t pod=dapi-test-pod', 'special.how', 'special.type', 'charm']);
    expect(outputOf(t, 'kubectl describe secret db-pass')).toContain('password:  6 bytes');
    expect(outputOf(t, 'kubectl get secret db-pass -o yaml')).toContain('  password: czNjcjN0\n');
    expect(outputOf(t, 'kubectl get pod needs-config', 0)).toMatch(/needs-config\s+0\/1\s+CreateContainerConfigError/);
    expect(outputOf(t, 'kubectl describe pod needs-config')).toMatch(/Warning\s+Failed\s+\S+\s+kubelet\s+Error: configmap "app-config" not found/);
    expect(outputOf(t, 'kubectl get pod needs-config', 1)).toMatch(/needs-config\s+1\/1\s+Running/);
    expect(logsOf(c, 'default', 'needs-config')).toEqual(['mode=production']);
    expect(outputOf(t, 'kubectl get configmaps,secrets')).toMatch(/secret\/db-pass\s+Opaque\s+1\s+0s/);
  });

  it('a missing volume source: ContainerCreating with FailedMount, then Running (pod-configmap-volume.yaml)', () => {
    const c = createCluster({ seed: 2 });
    c.apply(example('pods/pod-configmap-volume.yaml'));
    c.advance(20_000);
    expect(c.kubectl('get pod dapi-test-pod').stdout).toMatch(/dapi-test-pod\s+0\/1\s+ContainerCreating/);
    expect(c.kubectl('describe pod dapi-test-pod').stdout).toMatch(/Warning\s+FailedMount\s+\S+\s+kubelet\s+MountVolume\.SetUp failed for volume "config-volume" : configmap "special-config" not found/);
    c.apply(example('configmap/configmaps.yaml'));
    c.advance(20_000);
    expect(c.kubectl('get pod dapi-test-pod').stdout).toMatch(/dapi-test-pod\s+0\/1\s+Completed/);
    expect(logsOf(c, 'default', 'dapi-test-pod')).toEqual(['special.how']);
  });

  it('the mysql ConfigMap (multi-line values) is stored and described as written', () => {
    const c = createCluster({ seed: 4 });
    expect(c.apply(example('application/mysql/mysql-configmap.yaml')).stdout).toBe('configmap/mysql created\n');
    expect(c.kubectl('get cm mysql').stdout).toMatch(/^mysql\s+2\s+0s$/m);
    expect(c.kubectl('describe cm mysql').stdout).toContain('primary.cnf:\n----\n# Apply this config only on the primary.\n[mysqld]\nlog-bin\n\nsecondary.cnf:');
  });

  it('snapshots stay byte-identical for the same seed and commands', () => {
    const run = () => {
      const c = createCluster({ seed: 9 });
      runScenario(c, parseScenario(readFileSync(join(DIR, 'configmap.scenario'), 'utf8')));
      return JSON.stringify(c.snapshot());
    };
    expect(run()).toBe(run());
  });
});
