// Whole-cluster scenarios on fixed seeds: Services, endpoints, kube-proxy, DNS, env vars and
// simulated traffic together.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createCluster } from '../index';
import type { Cluster } from '../cluster';
import type { Pod } from '../api/core';
import type { Endpoints, EndpointSlice, Service } from '../api/networking';

const EXAMPLES = '/work/shared/k8s-examples';

function web(c: Cluster, replicas = 3, strategy = '', extra = ''): void {
  const r = c.apply(`apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  ${strategy}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports: [{name: http, containerPort: 80}]
${extra}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: http}]
`);
  expect(r.exitCode).toBe(0);
  c.advance(40_000);
}

const pods = (c: Cluster, prefix = 'web') => (c.objects('/pods', 'default') as Pod[]).filter((p) => p.metadata.name!.startsWith(prefix));
const run = (c: Cluster, line: string) => c.run(line);

describe('traffic through a ClusterIP Service', () => {
  it('3,000 requests spread across 3 pods roughly evenly', () => {
    const c = createCluster({ seed: 11 });
    web(c);
    expect(run(c, 'sim traffic start svc/web --rps 100').exitCode).toBe(0);
    c.advance(30_000);
    const st = c.trafficStats();
    expect(st.services['default/web'].requests).toBe(3000);
    expect(st.services['default/web'].errors).toBe(0);
    const counts = Object.values(st.pods).map((p) => p.requests);
    expect(counts).toHaveLength(3);
    for (const n of counts) expect(Math.abs(n / 3000 - 1 / 3)).toBeLessThan(0.05);
  });

  it('killing a pod moves its traffic to the others; only in-flight requests fail', () => {
    const c = createCluster({ seed: 12 });
    web(c);
    run(c, 'sim traffic start svc/web --rps 200');
    c.advance(5_000);
    const victim = pods(c)[0].metadata.name!;
    expect(run(c, `sim pod crash ${victim}`).exitCode).toBe(0);
    const before = c.trafficStats().pods[`default/${victim}`].requests;
    c.advance(5_000);
    const st = c.trafficStats();
    // The crashed container restarts at once (first restart), so the pod may come back; the
    // failures are the few requests open on it at the crash.
    expect(st.services['default/web'].errors).toBeLessThan(10);
    expect(st.services['default/web'].requests).toBe(2000);
    // While it was down (not Ready) the other pods took every request.
    expect(st.pods[`default/${victim}`].requests - before).toBeLessThan(1000);
  });

  it('deleting a pod: no errors, traffic moves to the remaining pods', () => {
    const c = createCluster({ seed: 13 });
    web(c);
    run(c, 'kubectl scale deployment web --replicas=2');
    c.advance(40_000);
    run(c, 'sim traffic start svc/web --rps 100');
    c.advance(2_000);
    const victim = pods(c).find((p) => !p.metadata.deletionTimestamp)!.metadata.name!;
    run(c, `kubectl delete pod ${victim} --wait=false`);
    const mark = c.trafficStats().pods[`default/${victim}`]?.requests ?? 0;
    c.advance(10_000);
    const st = c.trafficStats();
    expect(st.services['default/web'].errors).toBe(0);
    expect(st.pods[`default/${victim}`]?.requests ?? 0).toBeLessThanOrEqual(mark + 10);
  });

  it('a pod failing readiness leaves the endpoints and gets no traffic', () => {
    const c = createCluster({ seed: 14 });
    web(c, 3, '', '        readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 1}');
    const p = pods(c)[0];
    const k = c.kubelets.get(p.spec.nodeName!)!;
    expect(k.setProbeOverride('default', p.metadata.name!, 'nginx', 'readiness', 'fail')).toBeUndefined();
    c.advance(10_000);
    const ep = c.api.get({ group: '', resource: 'endpoints' }, 'default', 'web') as Endpoints;
    expect(ep.subsets?.[0].notReadyAddresses?.map((a) => a.targetRef?.name)).toEqual([p.metadata.name]);
    expect(ep.subsets?.[0].addresses).toHaveLength(2);
    const slice = c.objects('discovery.k8s.io/endpointslices', 'default').find((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web') as EndpointSlice;
    expect(slice.endpoints.find((e) => e.targetRef?.name === p.metadata.name)?.conditions).toEqual({ ready: false, serving: false, terminating: false });
    run(c, 'sim traffic start svc/web --rps 100');
    c.advance(10_000);
    const st = c.trafficStats();
    expect(st.pods[`default/${p.metadata.name}`]).toBeUndefined();
    expect(st.services['default/web']).toMatchObject({ requests: 1000, errors: 0 });
  });

  it('a rolling update with maxUnavailable 0 serves every request; Recreate fails some', () => {
    const rolling = createCluster({ seed: 15 });
    web(rolling, 3, 'strategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 0, maxSurge: 1}}');
    run(rolling, 'sim traffic start svc/web --rps 50');
    rolling.advance(2_000);
    expect(run(rolling, 'kubectl set image deployment/web nginx=nginx:1.25').exitCode).toBe(0);
    rolling.advance(120_000);
    const r = rolling.trafficStats().services['default/web'];
    expect(r.requests).toBe(6100);
    expect(r.errors).toBe(0);

    const recreate = createCluster({ seed: 15 });
    web(recreate, 3, 'strategy: {type: Recreate}');
    run(recreate, 'sim traffic start svc/web --rps 50');
    recreate.advance(2_000);
    run(recreate, 'kubectl set image deployment/web nginx=nginx:1.25');
    recreate.advance(120_000);
    const s = recreate.trafficStats().services['default/web'];
    expect(s.errors).toBeGreaterThan(0);
    expect(s.errors).toBeLessThan(s.requests);
  });
});

describe('NodePort and LoadBalancer from outside', () => {
  it('a NodePort answers on every node; the LoadBalancer gets an IP after EnsuringLoadBalancer', () => {
    const c = createCluster({ seed: 21 });
    web(c, 2);
    run(c, 'kubectl expose deployment web --name=web-np --port=80 --type=NodePort');
    run(c, 'kubectl expose deployment web --name=web-lb --port=80 --type=LoadBalancer');
    const np = c.api.get({ group: '', resource: 'services' }, 'default', 'web-np') as Service;
    const nodePort = np.spec.ports![0].nodePort!;
    expect(nodePort).toBeGreaterThanOrEqual(30000);
    expect(run(c, 'kubectl get svc web-lb').stdout).toContain('<pending>');
    c.advance(5_000);
    const lb = c.api.get({ group: '', resource: 'services' }, 'default', 'web-lb') as Service;
    const ip = lb.status!.loadBalancer!.ingress![0].ip!;
    expect(ip).toBe('172.18.255.200');
    const events = run(c, 'kubectl describe svc web-lb').stdout;
    expect(events).toContain('EnsuringLoadBalancer');
    expect(events).toContain('EnsuredLoadBalancer');
    run(c, `sim traffic start 172.18.0.2:${nodePort} --rps 20`);
    run(c, `sim traffic start ${ip} --rps 20`);
    c.advance(5_000);
    const st = c.trafficStats();
    expect(st.targets[`172.18.0.2:${nodePort}`]).toMatchObject({ requests: 100, errors: 0 });
    expect(st.targets[`${ip}:80`]).toMatchObject({ requests: 100, errors: 0 });
  });

  it('rejects a NodePort that is taken, with the API server message', () => {
    const c = createCluster({ seed: 22 });
    const svcYaml = (name: string) => `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}}\nspec:\n  type: NodePort\n  selector: {app: x}\n  ports: [{port: 80, nodePort: 30080}]\n`;
    expect(c.apply(svcYaml('a')).exitCode).toBe(0);
    const r = c.apply(svcYaml('b'));
    expect(r.stderr).toContain('The Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated');
  });
});

describe('DNS and environment variables inside pods', () => {
  it('nslookup, curl through the Service, env vars only for Services older than the container', () => {
    const c = createCluster({ seed: 31 });
    web(c, 2);
    run(c, 'kubectl run client --image=busybox:1.36 -- sleep 3600');
    c.advance(20_000);
    const ns = run(c, 'kubectl exec client -- nslookup web');
    const ip = (c.api.get({ group: '', resource: 'services' }, 'default', 'web') as Service).spec.clusterIP;
    expect(ns.stdout).toBe(`Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: ${ip}\n\n`);
    expect(run(c, 'kubectl exec client -- nslookup nope').stdout).toContain("** server can't find nope: NXDOMAIN");
    expect(run(c, 'kubectl exec client -- wget -qO- http://web').stdout).toContain('<title>Welcome to nginx!</title>');
    expect(run(c, 'kubectl exec client -- printenv WEB_SERVICE_HOST').stdout).toBe(`${ip}\n`);
    // A Service created after the container started is not in its environment.
    run(c, 'kubectl create service clusterip late --tcp=80:80');
    const late = run(c, 'kubectl exec client -- printenv LATE_SERVICE_HOST');
    expect(late.exitCode).toBe(1);
    expect(late.stderr).toBe('command terminated with exit code 1\n');
    const ping = run(c, `kubectl exec client -- ping -c 1 ${ip}`);
    expect(ping.stdout).toContain('100% packet loss');
    const nf = run(c, 'kubectl exec client -- foo');
    expect(nf.stdout).toBe('sh: foo: not found\n');
    expect(nf.exitCode).toBe(127);
  });

  it('lookups time out when no CoreDNS pod is ready', () => {
    const c = createCluster({ seed: 32 });
    run(c, 'kubectl run client --image=busybox:1.36 -- sleep 3600');
    c.advance(20_000);
    run(c, 'kubectl scale deployment coredns -n kube-system --replicas=0');
    c.advance(60_000);
    const r = run(c, 'kubectl exec client -- nslookup kubernetes');
    expect(r.stdout).toContain(';; connection timed out; no servers could be reached');
  });

  it('headless Service and StatefulSet-style hostnames', () => {
    const c = createCluster({ seed: 33 });
    c.apply(`apiVersion: v1
kind: Service
metadata: {name: nginx}
spec:
  clusterIP: None
  selector: {app: nginx}
  ports: [{name: web, port: 80}]
---
apiVersion: v1
kind: Pod
metadata: {name: web-0, labels: {app: nginx}}
spec:
  hostname: web-0
  subdomain: nginx
  containers: [{name: nginx, image: nginx:1.27}]
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec:
  containers: [{name: c, image: busybox:1.36, command: [sleep, '3600']}]
`);
    c.advance(30_000);
    const podIP = (c.api.get({ group: '', resource: 'pods' }, 'default', 'web-0') as Pod).status!.podIP;
    expect(run(c, 'kubectl get svc nginx').stdout).toContain('None');
    expect(run(c, 'kubectl exec client -- nslookup web-0.nginx.default.svc.cluster.local').stdout).toContain(`Address: ${podIP}`);
    expect(run(c, 'kubectl exec client -- nslookup nginx').stdout).toContain(`Address: ${podIP}`);
  });
});

describe('kubectl for Services', () => {
  it('get svc/endpoints/endpointslices columns, expose and create service', () => {
    const c = createCluster({ seed: 41 });
    web(c, 5);
    expect(run(c, 'kubectl get endpoints web').stdout).toMatch(/^NAME\s+ENDPOINTS\s+AGE\nweb\s+\S+:80,\S+:80,\S+:80 \+ 2 more\.\.\.\s+\d+s\n$/);
    expect(run(c, 'kubectl get endpointslices').stdout).toMatch(/web-[bcdfghjklmnpqrstvwxz2456789]{5}\s+IPv4\s+80\s+/);
    expect(run(c, 'kubectl expose deployment web --name=web2 --port=8080 --target-port=80').stdout).toBe('service/web2 exposed\n');
    expect(run(c, 'kubectl create service nodeport np --tcp=80:8080').stdout).toBe('service/np created\n');
    const wide = run(c, 'kubectl get svc -o wide').stdout;
    expect(wide.split('\n')[0]).toMatch(/^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE\s+SELECTOR$/);
    expect(wide).toMatch(/np\s+NodePort\s+10\.96\.\d+\.\d+\s+<none>\s+80:3\d{4}\/TCP/);
    expect(run(c, 'kubectl create service clusterip x').stderr).toBe('error: at least one tcp port specifier must be provided\n');
    expect(run(c, 'sim traffic start ingress/x --rps 1').stderr).toContain('ingresses.networking.k8s.io "x" not found in namespace "default"');
    expect(run(c, 'sim traffic start svc/web').stderr).toContain('missing --rps');
  });

  it('the kubernetes and kube-dns Services of a fresh cluster', () => {
    const c = createCluster({ seed: 42 });
    const out = run(c, 'kubectl get svc -A').stdout;
    expect(out).toMatch(/default\s+kubernetes\s+ClusterIP\s+10\.96\.0\.1\s+<none>\s+443\/TCP/);
    expect(out).toMatch(/kube-system\s+kube-dns\s+ClusterIP\s+10\.96\.0\.10\s+<none>\s+53\/UDP,53\/TCP,9153\/TCP/);
    expect(run(c, 'kubectl get ep kubernetes').stdout).toContain('172.18.0.2:6443');
  });

  it('the kubernetes.io examples: nginx-service.yaml and the guestbook frontend', () => {
    const c = createCluster({ seed: 43 });
    const read = (p: string) => readFileSync(`${EXAMPLES}/${p}`, 'utf8');
    expect(c.apply(read('service/nginx-service.yaml')).exitCode).toBe(0);
    c.apply(`apiVersion: v1\nkind: Pod\nmetadata: {name: nginx, labels: {app.kubernetes.io/name: nginx}}\nspec:\n  containers: [{name: nginx, image: nginx:1.27, ports: [{containerPort: 80}]}]\n`);
    c.advance(30_000);
    expect(run(c, 'kubectl get ep nginx-service').stdout).toMatch(/10\.244\.\d+\.\d+:80/);
    run(c, 'sim traffic start svc/nginx-service --rps 10');
    c.advance(1_000);
    expect(c.trafficStats().services['default/nginx-service']).toMatchObject({ requests: 10, errors: 0 });
    expect(run(c, 'kubectl logs nginx --tail 1').stdout).toMatch(/^10\.244\.\d+\.250 - - \[03\/Mar\/2025:\d\d:\d\d:\d\d \+0000\] "GET \/ HTTP\/1\.1" 200 615 "-" "traffic-generator\/1\.0" "-"\n$/);
    for (const f of ['application/guestbook/redis-leader-deployment.yaml', 'application/guestbook/redis-leader-service.yaml', 'application/guestbook/frontend-deployment.yaml', 'application/guestbook/frontend-service.yaml']) {
      expect(c.apply(read(f)).exitCode).toBe(0);
    }
    c.advance(60_000);
    expect(run(c, 'kubectl get svc frontend').stdout).toMatch(/frontend\s+ClusterIP\s+10\.96\.\d+\.\d+\s+<none>\s+80\/TCP/);
    const fe = pods(c, 'frontend')[0];
    expect(run(c, `kubectl exec ${fe.metadata.name} -- printenv REDIS_LEADER_SERVICE_HOST`).exitCode).toBe(0);
  });

  it('replays byte for byte from a snapshot with traffic running', () => {
    const c = createCluster({ seed: 44 });
    web(c, 2);
    run(c, 'sim traffic start svc/web --rps 30');
    c.advance(3_000);
    const snap = c.snapshot();
    const d = createCluster({ snapshot: snap });
    c.advance(5_000);
    d.advance(5_000);
    expect(JSON.stringify(d.snapshot())).toBe(JSON.stringify(c.snapshot()));
    expect(d.trafficStats()).toEqual(c.trafficStats());
  });
});
