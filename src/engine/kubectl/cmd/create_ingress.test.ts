// kubectl create ingress against what a real kubectl v1.32.5 printed for the same command line
// (`kubectl <line>` with no cluster: client-side dry runs and client-side validation). The
// recorded outputs below are the real binary's stdout, stderr and exit code, byte for byte.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/meta';
import { fakeCluster } from '../testing/fake';

interface Golden {
  line: string;
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Recorded from kubectl v1.32.5. */
const REAL: Golden[] = [
  {
    line: `create ingress simple --rule="foo.com/bar=svc1:8080,tls=my-cert" --dry-run=client -o yaml`,
    stdout: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  creationTimestamp: null
  name: simple
spec:
  rules:
  - host: foo.com
    http:
      paths:
      - backend:
          service:
            name: svc1
            port:
              number: 8080
        path: /bar
        pathType: Exact
  tls:
  - hosts:
    - foo.com
    secretName: my-cert
status:
  loadBalancer: {}
`,
    stderr: ``,
    exitCode: 0,
  },
  {
    line: `create ingress catch-all --class=otheringress --rule="/path=svc:port" --dry-run=client -o yaml`,
    stdout: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  creationTimestamp: null
  name: catch-all
spec:
  ingressClassName: otheringress
  rules:
  - http:
      paths:
      - backend:
          service:
            name: svc
            port:
              name: port
        path: /path
        pathType: Exact
status:
  loadBalancer: {}
`,
    stderr: ``,
    exitCode: 0,
  },
  {
    line: `create ingress annotated --class=default --rule="foo.com/bar=svc:port" --annotation ingress.annotation1=foo --annotation ingress.annotation2=bla --dry-run=client -o yaml`,
    stdout: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  annotations:
    ingress.annotation1: foo
    ingress.annotation2: bla
  creationTimestamp: null
  name: annotated
spec:
  ingressClassName: default
  rules:
  - host: foo.com
    http:
      paths:
      - backend:
          service:
            name: svc
            port:
              name: port
        path: /bar
        pathType: Exact
status:
  loadBalancer: {}
`,
    stderr: ``,
    exitCode: 0,
  },
  {
    line: `create ingress multipath --class=default --rule="foo.com/=svc:port" --rule="foo.com/admin/=svcadmin:portadmin" --dry-run=client -o yaml`,
    stdout: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  creationTimestamp: null
  name: multipath
spec:
  ingressClassName: default
  rules:
  - host: foo.com
    http:
      paths:
      - backend:
          service:
            name: svc
            port:
              name: port
        path: /
        pathType: Exact
      - backend:
          service:
            name: svcadmin
            port:
              name: portadmin
        path: /admin/
        pathType: Exact
status:
  loadBalancer: {}
`,
    stderr: ``,
    exitCode: 0,
  },
  {
    line: `create ingress ingress1 --class=default --rule="foo.com/path*=svc:8080" --rule="bar.com/admin*=svc2:http" --dry-run=client -o yaml`,
    stdout: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  creationTimestamp: null
  name: ingress1
spec:
  ingressClassName: default
  rules:
  - host: foo.com
    http:
      paths:
      - backend:
          service:
            name: svc
            port:
              number: 8080
        path: /path
        pathType: Prefix
  - host: bar.com
    http:
      paths:
      - backend:
          service:
            name: svc2
            port:
              name: http
        path: /admin
        pathType: Prefix
status:
  loadBalancer: {}
`,
    stderr: ``,
    exitCode: 0,
  },
  {
    line: `create ingress ingtls --class=default --rule="foo.com/=svc:https,tls" --rule="foo.com/path/subpath*=othersvc:8080" --dry-run=client -o yaml`,
    stdout: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  creationTimestamp: null
  name: ingtls
spec:
  ingressClassName: default
  rules:
  - host: foo.com
    http:
      paths:
      - backend:
          service:
            name: svc
            port:
              name: https
        path: /
        pathType: Exact
      - backend:
          service:
            name: othersvc
            port:
              number: 8080
        path: /path/subpath
        pathType: Prefix
  tls:
  - hosts:
    - foo.com
status:
  loadBalancer: {}
`,
    stderr: ``,
    exitCode: 0,
  },
  {
    line: `create ingress ingsecret --class=default --rule="foo.com/*=svc:8080,tls=secret1" --dry-run=client -o yaml`,
    stdout: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  creationTimestamp: null
  name: ingsecret
spec:
  ingressClassName: default
  rules:
  - host: foo.com
    http:
      paths:
      - backend:
          service:
            name: svc
            port:
              number: 8080
        path: /
        pathType: Prefix
  tls:
  - hosts:
    - foo.com
    secretName: secret1
status:
  loadBalancer: {}
`,
    stderr: ``,
    exitCode: 0,
  },
  {
    line: `create ingress ingdefault --class=default --default-backend=defaultsvc:http --rule="foo.com/*=svc:8080,tls=secret1" --dry-run=client -o yaml`,
    stdout: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  creationTimestamp: null
  name: ingdefault
spec:
  defaultBackend:
    service:
      name: defaultsvc
      port:
        name: http
  ingressClassName: default
  rules:
  - host: foo.com
    http:
      paths:
      - backend:
          service:
            name: svc
            port:
              number: 8080
        path: /
        pathType: Prefix
  tls:
  - hosts:
    - foo.com
    secretName: secret1
status:
  loadBalancer: {}
`,
    stderr: ``,
    exitCode: 0,
  },
  {
    line: `create ingress only-default --default-backend=web:80 --dry-run=client -o yaml`,
    stdout: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  creationTimestamp: null
  name: only-default
spec:
  defaultBackend:
    service:
      name: web
      port:
        number: 80
status:
  loadBalancer: {}
`,
    stderr: ``,
    exitCode: 0,
  },
  {
    line: `create ing shared --rule="a.com/=web:80,tls=cert" --rule="b.com/=web:80,tls=cert" --rule="c.com/=web:80,tls" --rule="d.com/=web:80,tls" --rule="a.com/x=web:80,tls=other" --dry-run=client -o yaml`,
    stdout: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  creationTimestamp: null
  name: shared
spec:
  rules:
  - host: a.com
    http:
      paths:
      - backend:
          service:
            name: web
            port:
              number: 80
        path: /
        pathType: Exact
      - backend:
          service:
            name: web
            port:
              number: 80
        path: /x
        pathType: Exact
  - host: b.com
    http:
      paths:
      - backend:
          service:
            name: web
            port:
              number: 80
        path: /
        pathType: Exact
  - host: c.com
    http:
      paths:
      - backend:
          service:
            name: web
            port:
              number: 80
        path: /
        pathType: Exact
  - host: d.com
    http:
      paths:
      - backend:
          service:
            name: web
            port:
              number: 80
        path: /
        pathType: Exact
  tls:
  - hosts:
    - a.com
    - b.com
    secretName: cert
  - hosts:
    - c.com
    - d.com
status:
  loadBalancer: {}
`,
    stderr: ``,
    exitCode: 0,
  },
  {
    line: `create ingress mixed --rule="/a=web:80" --rule="shop.example.com/b*=api:8080" --rule="/c*=web:0" --rule="*.example.com/d=web:080" --dry-run=client -o yaml`,
    stdout: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  creationTimestamp: null
  name: mixed
spec:
  rules:
  - http:
      paths:
      - backend:
          service:
            name: web
            port:
              number: 80
        path: /a
        pathType: Exact
      - backend:
          service:
            name: web
            port: {}
        path: /c
        pathType: Prefix
  - host: shop.example.com
    http:
      paths:
      - backend:
          service:
            name: api
            port:
              number: 8080
        path: /b
        pathType: Prefix
  - host: '*.example.com'
    http:
      paths:
      - backend:
          service:
            name: web
            port:
              number: 80
        path: /d
        pathType: Exact
status:
  loadBalancer: {}
`,
    stderr: ``,
    exitCode: 0,
  },
  {
    line: `create ingress odd --rule="foo.com/a=svc:80!" --rule="bar.com/x=svc:2147483648" --rule="baz.com/=svc:80,tls=a.b" --dry-run=client -o yaml`,
    stdout: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  creationTimestamp: null
  name: odd
spec:
  rules:
  - host: foo.com
    http:
      paths:
      - backend:
          service:
            name: svc
            port:
              name: 80!
        path: /a
        pathType: Exact
  - host: bar.com
    http:
      paths:
      - backend:
          service:
            name: svc
            port:
              name: "2147483648"
        path: /x
        pathType: Exact
  - host: baz.com
    http:
      paths:
      - backend:
          service:
            name: svc
            port:
              number: 80
        path: /
        pathType: Exact
  tls:
  - hosts:
    - baz.com
    secretName: a.b
status:
  loadBalancer: {}
`,
    stderr: ``,
    exitCode: 0,
  },
  {
    line: `create ingress notls --rule="foo.com/=svc:80,tls=sec,x" --rule="bar.com/=svc:80,foo" --dry-run=client -o yaml`,
    stdout: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  creationTimestamp: null
  name: notls
spec:
  rules:
  - host: foo.com
    http:
      paths:
      - backend:
          service:
            name: svc
            port:
              number: 80
        path: /
        pathType: Exact
  - host: bar.com
    http:
      paths:
      - backend:
          service:
            name: svc
            port:
              number: 80
        path: /
        pathType: Exact
  tls:
  - hosts:
    - bar.com
status:
  loadBalancer: {}
`,
    stderr: ``,
    exitCode: 0,
  },
  {
    line: `create ingress ann --rule="foo.com/=svc:80" --annotation=empty= --annotation="nginx.ingress.kubernetes.io/rewrite-target=/" --annotation=k=a=b --dry-run=client -o yaml`,
    stdout: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  annotations:
    empty: ""
    k: a=b
    nginx.ingress.kubernetes.io/rewrite-target: /
  creationTimestamp: null
  name: ann
spec:
  rules:
  - host: foo.com
    http:
      paths:
      - backend:
          service:
            name: svc
            port:
              number: 80
        path: /
        pathType: Exact
status:
  loadBalancer: {}
`,
    stderr: ``,
    exitCode: 0,
  },
  {
    line: `create ingress ns --rule="foo.com/=svc:80" -n shop --dry-run=client -o yaml`,
    stdout: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  creationTimestamp: null
  name: ns
  namespace: shop
spec:
  rules:
  - host: foo.com
    http:
      paths:
      - backend:
          service:
            name: svc
            port:
              number: 80
        path: /
        pathType: Exact
status:
  loadBalancer: {}
`,
    stderr: ``,
    exitCode: 0,
  },
  {
    line: `create ingress jsonout --rule="foo.com/=svc:80" --dry-run=client -o name`,
    stdout: `ingress.networking.k8s.io/jsonout
`,
    stderr: ``,
    exitCode: 0,
  },
  {
    line: `create ingress plain --rule="foo.com/=svc:80" --dry-run=client`,
    stdout: `ingress.networking.k8s.io/plain created (dry run)
`,
    stderr: ``,
    exitCode: 0,
  },
  {
    line: `create ingress x --dry-run=client -o yaml`,
    stdout: ``,
    stderr: `error: not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)
`,
    exitCode: 1,
  },
  {
    line: `create ingress x --rule="foo.com=svc:80" --dry-run=client -o yaml`,
    stdout: ``,
    stderr: `error: rule foo.com=svc:80 is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]
`,
    exitCode: 1,
  },
  {
    line: `create ingress x --rule="foo.com/a=svc" --dry-run=client -o yaml`,
    stdout: ``,
    stderr: `error: rule foo.com/a=svc is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]
`,
    exitCode: 1,
  },
  {
    line: `create ingress x --rule="foo.com:8080/=svc:80" --dry-run=client -o yaml`,
    stdout: ``,
    stderr: `error: rule foo.com:8080/=svc:80 is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]
`,
    exitCode: 1,
  },
  {
    line: `create ingress x --rule="foo.com/=svc:+80" --dry-run=client -o yaml`,
    stdout: ``,
    stderr: `error: rule foo.com/=svc:+80 is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]
`,
    exitCode: 1,
  },
  {
    line: `create ingress x --rule="foo.com/a=svc:80" --annotation=novalue --dry-run=client -o yaml`,
    stdout: ``,
    stderr: `error: annotation novalue is invalid and should be in format key=[value]
`,
    exitCode: 1,
  },
  {
    line: `create ingress x --rule="foo.com/a=svc:80" --default-backend=svc --dry-run=client -o yaml`,
    stdout: ``,
    stderr: `error: default-backend should be in format servicename:serviceport
`,
    exitCode: 1,
  },
  {
    line: `create ingress x --rule="foo.com/a=svc:80" --default-backend=svc:80:90 --dry-run=client -o yaml`,
    stdout: ``,
    stderr: `error: default-backend should be in format servicename:serviceport
`,
    exitCode: 1,
  },
  {
    line: `create ingress --rule="foo.com/a=svc:80" --dry-run=client -o yaml`,
    stdout: ``,
    stderr: `error: exactly one NAME is required, got 0
See 'kubectl create ingress -h' for help and examples
`,
    exitCode: 1,
  },
  {
    line: `create ingress a b --rule="foo.com/a=svc:80" --dry-run=client -o yaml`,
    stdout: ``,
    stderr: `error: exactly one NAME is required, got 2
See 'kubectl create ingress -h' for help and examples
`,
    exitCode: 1,
  },
  {
    line: `create ingress x --rule="foo.com/a=svc:80" --dry-run=bogus`,
    stdout: ``,
    stderr: `error: Invalid dry-run value (bogus). Must be "none", "server", or "client".
`,
    exitCode: 1,
  },
  {
    line: `create ingress x --rule="foo.com/a=svc:80" --bogus`,
    stdout: ``,
    stderr: `error: unknown flag: --bogus
See 'kubectl create ingress --help' for usage.
`,
    exitCode: 1,
  },

];

describe('kubectl create ingress', () => {
  it.each(REAL.map((g) => [g.line, g] as const))('%s', (_line, g) => {
    const k = fakeCluster();
    expect(k.run(g.line)).toEqual({ stdout: g.stdout, stderr: g.stderr, exitCode: g.exitCode });
  });

  it('crashes like v1.32 when a rule passes the check but cannot be split', () => {
    // Real: `kubectl create ingress x --rule="foo.com/a,b=svc:80" --dry-run=client -o yaml`
    // exits with 2 and prints Go's panic, starting
    //   panic: runtime error: index out of range [1] with length 1
    //
    //   goroutine 1 [running]:
    //   k8s.io/kubectl/pkg/cmd/create.buildHTTPIngressPath({0x7ffff3fa7a8f?, 0x9?})
    //   	k8s.io/kubectl/pkg/cmd/create/create_ingress.go:396 +0x1e8
    // (and 20 more lines of stack, with addresses that change on every run).
    const k = fakeCluster();
    const r = k.run('create ingress x --rule="foo.com/a,b=svc:80" --dry-run=client -o yaml');
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').slice(0, 4)).toEqual(['panic: runtime error: index out of range [1] with length 1', '', 'goroutine 1 [running]:', 'k8s.io/kubectl/pkg/cmd/create.buildHTTPIngressPath(...)']);
    // `foo.com/a=b=svc:80`: the "service" is `b`, which has no `:` (create_ingress.go:417).
    expect(k.run('create ingress x --rule="foo.com/a=b=svc:80" --dry-run=client').stderr).toContain('k8s.io/kubectl/pkg/cmd/create.buildIngressBackendSvc(...)');
  });

  it('creates the Ingress; a second time fails as "failed to create ingress" (create_ingress.go wraps with %v)', () => {
    const k = fakeCluster();
    expect(k.run('create ingress web --rule="shop.example.com/*=web:80" --class=nginx')).toEqual({ stdout: 'ingress.networking.k8s.io/web created\n', stderr: '', exitCode: 0 });
    const ing = k.api.get({ group: 'networking.k8s.io', resource: 'ingresses' }, 'default', 'web') as KubeObject & { spec: unknown };
    expect(ing.spec).toEqual({ ingressClassName: 'nginx', rules: [{ host: 'shop.example.com', http: { paths: [{ backend: { service: { name: 'web', port: { number: 80 } } }, path: '/', pathType: 'Prefix' }] } }] });
    expect(k.run('create ingress web --rule="shop.example.com/*=web:80"')).toEqual({
      stdout: '',
      stderr: 'error: failed to create ingress: ingresses.networking.k8s.io "web" already exists\n',
      exitCode: 1,
    });
  });
});
