import { describe, expect, it } from 'vitest';
import type { Deployment } from '../api/apps';
import type { NodeConfig } from '../kubelet/kubelet';
import { Harness } from '../controllers/testing/lifecycle_harness';
import { BOOT_SETTLE_MS, bootstrapCluster, defaultNodes } from './bootstrap';

describe('defaultNodes', () => {
  const table: [string, number | Partial<NodeConfig>[] | undefined, string[]][] = [
    ['default: three workers', undefined, ['kind-control-plane', 'kind-worker', 'kind-worker2', 'kind-worker3']],
    ['a count', 1, ['kind-control-plane', 'kind-worker']],
    ['zero workers', 0, ['kind-control-plane']],
    ['partial configs', [{ cpu: '4' }, { name: 'gpu-1', labels: { gpu: 'true' } }], ['kind-control-plane', 'kind-worker', 'gpu-1']],
  ];
  for (const [name, arg, names] of table) {
    it(name, () => expect(defaultNodes(arg).map((n) => n.name)).toEqual(names));
  }

  it('control plane: labels, taint, static pods as kubeadm writes them', () => {
    const [cp] = defaultNodes();
    expect(cp.labels).toEqual({ 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' });
    expect(cp.taints).toEqual([{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]);
    const pods = cp.staticPods!;
    expect(pods.map((p) => p.metadata.name)).toEqual(['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler']);
    expect(pods.map((p) => p.spec.containers[0].image)).toEqual([
      'registry.k8s.io/etcd:3.5.16-0',
      'registry.k8s.io/kube-apiserver:v1.32.2',
      'registry.k8s.io/kube-controller-manager:v1.32.2',
      'registry.k8s.io/kube-scheduler:v1.32.2',
    ]);
    expect(pods.map((p) => p.spec.containers[0].resources?.requests)).toEqual([{ cpu: '100m', memory: '100Mi' }, { cpu: '250m' }, { cpu: '200m' }, { cpu: '100m' }]);
    for (const p of pods) {
      expect(p.metadata.namespace).toBe('kube-system');
      expect(p.metadata.labels).toEqual({ component: p.metadata.name, tier: 'control-plane' });
      expect(p.spec.hostNetwork).toBe(true);
      expect(p.spec.priorityClassName).toBe('system-node-critical');
      expect(p.spec.containers[0].livenessProbe?.httpGet?.port).toBeGreaterThan(0);
    }
    const api = pods[1].spec.containers[0];
    expect(api.command).toContain('--advertise-address=172.18.0.2');
    expect(api.command).toContain('--service-cluster-ip-range=10.96.0.0/16');
    expect(api.livenessProbe).toEqual({ failureThreshold: 8, httpGet: { host: '172.18.0.2', path: '/livez', port: 6443, scheme: 'HTTPS' }, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 15 });
    expect(pods[0].spec.containers[0].command).toContain('--initial-cluster=kind-control-plane=https://172.18.0.2:2380');
    expect(pods[2].spec.containers[0].livenessProbe?.httpGet).toEqual({ host: '127.0.0.1', path: '/healthz', port: 10257, scheme: 'HTTPS' });
  });

  it('workers: 2 CPU, 4Gi, 110 pods, untainted', () => {
    for (const w of defaultNodes().slice(1)) {
      expect(w).toMatchObject({ cpu: '2', memory: '4Gi', pods: 110, taints: [], labels: {} });
    }
    expect(defaultNodes().map((n) => n.index)).toEqual([0, 1, 2, 3]);
  });
});

describe('bootstrapCluster', () => {
  function boot(bare: boolean) {
    const h = new Harness(() => []);
    const added: string[] = [];
    bootstrapCluster({ api: h.api, addNode: (cfg) => added.push(cfg.name) }, defaultNodes(), { bare });
    return { h, added };
  }

  it('creates namespaces, adds every node, and the add-on Deployments', () => {
    const { h, added } = boot(false);
    expect(added).toEqual(['kind-control-plane', 'kind-worker', 'kind-worker2', 'kind-worker3']);
    expect(h.api.list({ group: '', resource: 'namespaces' }, undefined).items.map((n) => n.metadata.name)).toEqual([
      'default',
      'kube-node-lease',
      'kube-public',
      'kube-system',
      'local-path-storage',
    ]);
    const dns = h.get({ group: 'apps', resource: 'deployments' }, 'kube-system', 'coredns') as Deployment;
    expect(dns.metadata.labels).toEqual({ 'k8s-app': 'kube-dns' });
    expect(dns.spec.replicas).toBe(2);
    expect(dns.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } });
    const spec = dns.spec.template.spec;
    const c = spec.containers[0];
    expect(c.image).toBe('registry.k8s.io/coredns/coredns:v1.11.3');
    expect(c.args).toEqual(['-conf', '/etc/coredns/Corefile']);
    expect(c.ports).toEqual([
      { containerPort: 53, name: 'dns', protocol: 'UDP' },
      { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
      { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
    ]);
    expect(c.resources).toEqual({ limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } });
    expect(c.livenessProbe).toEqual({ httpGet: { path: '/health', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 60, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 5 });
    expect(c.readinessProbe?.httpGet).toEqual({ path: '/ready', port: 8181, scheme: 'HTTP' });
    expect(spec.tolerations).toEqual([
      { key: 'CriticalAddonsOnly', operator: 'Exists' },
      { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
    ]);
    expect(spec.priorityClassName).toBe('system-cluster-critical');
    expect(spec.volumes).toEqual([{ name: 'config-volume', configMap: { name: 'coredns', items: [{ key: 'Corefile', path: 'Corefile' }] } }]);
    const lpp = h.get({ group: 'apps', resource: 'deployments' }, 'local-path-storage', 'local-path-provisioner') as Deployment;
    expect(lpp.spec.replicas).toBe(1);
    expect(lpp.spec.template.spec.containers[0].image).toBe('docker.io/kindest/local-path-provisioner:v20241212-8ac705d0');
    expect(lpp.spec.template.spec.tolerations?.[0]).toEqual({ key: 'node-role.kubernetes.io/control-plane', operator: 'Equal', effect: 'NoSchedule' });
  });

  it('bare: nodes and namespaces only', () => {
    const { h, added } = boot(true);
    expect(added).toHaveLength(4);
    expect(h.api.list({ group: 'apps', resource: 'deployments' }, undefined).items).toEqual([]);
  });

  it('exports a settle time for the Cluster', () => {
    expect(BOOT_SETTLE_MS).toBe(90_000);
  });
});
