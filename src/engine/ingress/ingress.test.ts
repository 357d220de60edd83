// Whole-cluster scenarios on fixed seeds: Ingress through the simulated ingress-nginx controller
// (address, routing by host and path to the right Service's pods, 404 and 503), the v1beta1
// example rejected, and NetworkPolicy enforcement (default deny, then allow a labelled client).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import type { Cluster } from '../cluster';

const EXAMPLES = '/work/shared/k8s-examples/service/networking';
const run = (c: Cluster, line: string) => c.run(line);
/** What the terminal shows (a container's stderr comes back on the exec stream). */
const shown = (c: Cluster, line: string) => {
  const r = c.run(line);
  return r.stdout + r.stderr;
};

function echoApp(c: Cluster, name: string, text: string): void {
  const r = c.apply(`apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  replicas: 2
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers:
      - name: echo
        image: hashicorp/http-echo:1.0
        args: ["-text=${text}"]
        ports: [{name: http, containerPort: 5678}]
---
apiVersion: v1
kind: Service
metadata: {name: ${name}}
spec:
  selector: {app: ${name}}
  ports: [{port: 80, targetPort: http}]
`);
  expect(r.exitCode).toBe(0);
}

const FANOUT = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: fanout}
spec:
  tls: [{hosts: [shop.example.com], secretName: shop-tls}]
  rules:
  - host: shop.example.com
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: store, port: {number: 80}}}}
      - {path: /api, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}
      - {path: /gone, pathType: Exact, backend: {service: {name: missing, port: {number: 80}}}}
  - host: "*.blog.example.com"
    http:
      paths:
      - {path: /, pathType: ImplementationSpecific, backend: {service: {name: api, port: {number: 80}}}}
`;

function cluster(seed: number): Cluster {
  const c = createCluster({ seed });
  echoApp(c, 'store', 'store');
  echoApp(c, 'api', 'api');
  expect(run(c, 'kubectl run client --image=busybox:1.36 --labels=role=client -- sleep 3600').exitCode).toBe(0);
  c.advance(40_000);
  return c;
}

describe('Ingress with the simulated ingress-nginx controller', () => {
  it('gets the controller address after a short delay and routes by host and path', () => {
    const c = cluster(11);
    expect(c.apply(FANOUT).stdout).toBe('ingress.networking.k8s.io/fanout created\n');
    expect(run(c, 'kubectl get ingress').stdout).toMatch(/^NAME\s+CLASS\s+HOSTS\s+ADDRESS\s+PORTS\s+AGE\nfanout\s+nginx\s+shop\.example\.com,\*\.blog\.example\.com\s+80, 443\s+0s\n$/);
    c.advance(10_000);
    expect(run(c, 'kubectl get ing fanout').stdout).toMatch(/fanout\s+nginx\s+\S+\s+172\.18\.0\.2\s+80, 443\s+10s/);
    expect(run(c, 'kubectl get ingressclass').stdout).toMatch(/^NAME\s+CONTROLLER\s+PARAMETERS\s+AGE\nnginx\s+k8s\.io\/ingress-nginx\s+<none>\s+/);
    const curl = (host: string, path: string) => run(c, `kubectl exec client -- curl -s -H 'Host: ${host}' http://172.18.0.2${path}`);
    expect(curl('shop.example.com', '/').stdout).toBe('store\n');
    expect(curl('shop.example.com', '/api/items').stdout).toBe('api\n');
    expect(curl('shop.example.com', '/apix').stdout).toBe('store\n');
    expect(curl('x.blog.example.com', '/post/1').stdout).toBe('api\n');
    const notFound = curl('unknown.example.com', '/');
    expect(notFound.stdout).toContain('<head><title>404 Not Found</title></head>');
    expect(notFound.stdout).toContain('<hr><center>nginx</center>');
    expect(curl('shop.example.com', '/gone').stdout).toContain('<center><h1>503 Service Temporarily Unavailable</h1></center>');
    const d = run(c, 'kubectl describe ingress fanout').stdout;
    expect(d).toMatch(/Address:\s+172\.18\.0\.2\nIngress Class:\s+nginx\nDefault backend:\s+<default>\nTLS:\n\s+shop-tls terminates shop\.example\.com\nRules:\n\s+Host\s+Path\s+Backends\n/);
    expect(d).toMatch(/\/api\s+api:80 \(10\.244\.\d+\.\d+:5678,10\.244\.\d+\.\d+:5678\)/);
    expect(d).toContain('<error: services "missing" not found>');
    expect(d).toMatch(/Normal\s+Sync\s+\S+ \(x2 over \S+\)\s+nginx-ingress-controller\s+Scheduled for sync/);
    expect(c.recentTraces().some((t) => t.component === 'ingress-nginx-controller' && t.message.includes('503 (service "default/missing" does not exist)'))).toBe(true);
  });

  it('sim traffic start ingress/NAME reaches only the chosen Service\'s pods', () => {
    const c = cluster(12);
    c.apply(FANOUT);
    c.advance(10_000);
    expect(run(c, 'sim traffic start ingress/fanout --rps 20 --path /api').stdout).toBe('traffic #1 started: 20 req/s to ingress/fanout (Host: shop.example.com) (path /api) from outside the cluster\n');
    c.advance(5_000);
    const st = c.trafficStats();
    expect(st.targets['ingress/fanout'].requests).toBe(100);
    expect(st.targets['ingress/fanout'].errors).toBe(0);
    expect(Object.keys(st.pods).every((k) => k.startsWith('default/api-'))).toBe(true);
    run(c, 'sim traffic stop');
    run(c, 'sim traffic start ingress/fanout --rps 10 --path /gone');
    c.advance(1_000);
    expect(c.trafficStats().targets['ingress/fanout'].errors).toBe(10);
  });

  it('an Ingress of a class nobody serves gets no address; v1beta1 is not served', () => {
    const c = cluster(13);
    expect(c.kubectl('apply -f -', { stdin: readFileSync(`${EXAMPLES}/minimal-ingress.yaml`, 'utf8') }).stdout).toBe('ingress.networking.k8s.io/minimal-ingress created\n');
    c.advance(30_000);
    expect(run(c, 'kubectl get ingress minimal-ingress').stdout).toMatch(/minimal-ingress\s+nginx-example\s+\*\s+80\s+30s/);
    const r = c.kubectl('apply -f -', { stdin: readFileSync(`${EXAMPLES}/example-ingress.yaml`, 'utf8') });
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toContain('no matches for kind "Ingress" in version "networking.k8s.io/v1beta1"');
  });

  it('validation messages of v1.32', () => {
    const c = cluster(14);
    const bad = c.apply(`apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: bad}
spec:
  rules:
  - host: "foo.*.com"
    http:
      paths:
      - {path: /a, backend: {service: {name: web, port: {number: 80}}}}
      - {path: /b, pathType: Regex, backend: {service: {name: web, port: {number: 80}}}}
      - {path: c, pathType: Prefix, backend: {service: {name: 1web}}}
`);
    expect(bad.stderr).toContain('The Ingress "bad" is invalid: ');
    expect(bad.stderr).toContain("spec.rules[0].host: Invalid value: \"foo.*.com\": a wildcard DNS-1123 subdomain must start with '*.'");
    expect(bad.stderr).toContain('spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified');
    expect(bad.stderr).toContain('spec.rules[0].http.paths[1].pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"');
    expect(bad.stderr).toContain('spec.rules[0].http.paths[2].path: Invalid value: "c": must be an absolute path');
    expect(bad.stderr).toContain('spec.rules[0].http.paths[2].backend.service.name: Invalid value: "1web": a DNS-1035 label');
    expect(bad.stderr).toContain('spec.rules[0].http.paths[2].backend: Required value: port name or number is required');
    const np = c.apply(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: bad}
spec:
  podSelector: {}
  ingress:
  - from: [{}, {ipBlock: {cidr: 10.0.0.0/16, except: [10.1.0.0/24]}, podSelector: {}}]
    ports: [{port: http, endPort: 90}]
`);
    expect(np.stderr).toContain('spec.ingress[0].from[0]: Required value: must specify a peer');
    expect(np.stderr).toContain('spec.ingress[0].from[1].ipBlock.except[0]: Invalid value: "10.1.0.0/24": must be a strict subset of `cidr`');
    expect(np.stderr).toContain('spec.ingress[0].from[1]: Forbidden: may not specify both ipBlock and another peer');
    expect(np.stderr).toContain('spec.ingress[0].ports[0].endPort: Invalid value: 90: may not be specified when `port` is non-numeric');
  });
});

describe('NetworkPolicy enforcement', () => {
  it('default deny, then allow from a labelled client pod (kubectl exec curl and sim traffic --from)', () => {
    const c = cluster(21);
    expect(run(c, 'kubectl run stranger --image=busybox:1.36 -- sleep 3600').exitCode).toBe(0);
    c.advance(20_000);
    expect(run(c, 'kubectl exec client -- curl -s http://store').stdout).toBe('store\n');
    expect(c.apply(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny-ingress}
spec:
  podSelector: {}
  policyTypes: [Ingress]
`).stdout).toBe('networkpolicy.networking.k8s.io/default-deny-ingress created\n');
    expect(run(c, 'kubectl get netpol').stdout).toMatch(/^NAME\s+POD-SELECTOR\s+AGE\ndefault-deny-ingress\s+<none>\s+0s\n$/);
    const blocked = run(c, 'kubectl exec client -- curl -s -m 5 http://store');
    expect(blocked.stdout + blocked.stderr).toContain('curl: (28) Connection timed out after 5001 milliseconds');
    expect(blocked.exitCode).toBe(28);
    expect(c.recentTraces().some((t) => t.component === 'kube-network-policies' && t.action === 'drop' && t.message.includes('isolated for ingress by default-deny-ingress and no policy allows it'))).toBe(true);
    c.apply(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: store-allow-client}
spec:
  podSelector: {matchLabels: {app: store}}
  ingress:
  - from: [{podSelector: {matchLabels: {role: client}}}]
    ports: [{protocol: TCP, port: http}]
`);
    expect(run(c, 'kubectl exec client -- curl -s -m 5 http://store').stdout).toBe('store\n');
    expect(c.recentTraces().some((t) => t.component === 'kube-network-policies' && t.message.includes('ingress allowed by default/store-allow-client'))).toBe(true);
    expect(shown(c, 'kubectl exec stranger -- curl -s -m 5 http://store')).toContain('curl: (28)');
    expect(shown(c, 'kubectl exec client -- curl -s -m 5 http://api')).toContain('curl: (28)');
    run(c, 'sim traffic start svc/store --rps 10 --from client');
    run(c, 'sim traffic start svc/api --rps 10 --from client');
    c.advance(2_000);
    const st = c.trafficStats();
    expect(st.targets['svc/store']).toMatchObject({ requests: 20, errors: 0 });
    expect(st.targets['svc/api']).toMatchObject({ requests: 20, errors: 20 });
    const d = run(c, 'kubectl describe networkpolicy store-allow-client').stdout;
    expect(d).toMatch(/Spec:\n\s+PodSelector:\s+app=store\n\s+Allowing ingress traffic:\n\s+To Port: http\/TCP\n\s+From:\n\s+PodSelector: role=client\n\s+Not affecting egress traffic\n\s+Policy Types: Ingress\n$/);
  });

  it('a default-deny egress policy also blocks DNS; snapshots round-trip', () => {
    const c = cluster(22);
    c.apply(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-egress}
spec:
  podSelector: {matchLabels: {role: client}}
  policyTypes: [Egress]
`);
    expect(shown(c, 'kubectl exec client -- curl -s http://store')).toContain('curl: (6) Could not resolve host: store');
    const snap = JSON.stringify(c.snapshot());
    const c2 = createCluster({ snapshot: JSON.parse(snap) });
    expect(JSON.stringify(c2.snapshot())).toBe(snap);
  });
});
