// kubectl create ingress (alias ing): mirrors staging/src/k8s.io/kubectl/pkg/cmd/create/
// create_ingress.go as shipped in v1.32, quirks included, because the printed object is what a
// student compares with a real cluster:
//   --rule=foo.com/bar=svc:8080         → host foo.com, path /bar, pathType Exact, port number 8080
//   --rule=foo.com/bar*=svc:http        → path /bar, pathType Prefix, port name http
//   --rule=/path=svc:80                 → a rule without host
//   --rule=foo.com/=svc:80,tls          → also a TLS entry for foo.com (the controller's cert)
//   --rule=foo.com/=svc:80,tls=my-cert  → a TLS entry for foo.com with secretName my-cert
// Rules with the same host share one rule (paths in flag order); hosts sharing a secret share a
// TLS entry.
import type { KubeObject } from '../../api/meta';
import type { HTTPIngressPath, Ingress, IngressBackend, IngressRule, IngressSpec, IngressTLS, ServiceBackendPort } from '../../api/networking';
import type { Ctx } from '../context';
import { KubectlError } from '../errors';
import type { FlagSpec } from '../flags';
import { dryRunMode } from './apply';
import { parseIntOrString } from './common';
import { createGenerated } from './create';

export const CREATE_INGRESS_FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string' },
  { name: 'dry-run', type: 'string', default: 'none' },
  { name: 'save-config', type: 'bool' },
  { name: 'validate', type: 'string', default: 'strict' },
  { name: 'field-manager', type: 'string', default: 'kubectl-create' },
  { name: 'class', type: 'string' },
  { name: 'rule', type: 'stringArray' },
  { name: 'default-backend', type: 'string' },
  { name: 'annotation', type: 'stringArray' },
];

/**
 * ruleRegex: host (letters, digits, `_*-.`), a path starting with `/`, `=`, service `:` port.
 * v1.32 does not anchor it at the end, so anything after `svc:port` passes (`svc:80!` gives
 * the port *name* "80!", `,tls=a.b` the secret "a.b"); its optional `,tls[=secret]` group
 * therefore never decides anything and is left out here.
 */
const RULE = /^[\w*\-.]*\/.*=[\w-]+:[\w-]+/;

/**
 * Where v1.32 indexes past the end of a split and panics. A rule that passes RULE but has a `,`
 * in its path (`foo.com/a,b=svc:80`: the text before the first `,` has no `=`), or a second `=`
 * (`foo.com/a=b=svc:80`: the "service" is `b`, with no `:`), crashes the real kubectl: Go prints
 * the panic and a stack trace and exits with 2. The trace is cut to the frame that failed.
 */
class Panic extends Error {
  constructor(readonly frame: 'buildHTTPIngressPath' | 'buildIngressBackendSvc') {
    super('index out of range [1] with length 1');
  }
}

function panicText(p: Panic): string {
  const line = p.frame === 'buildHTTPIngressPath' ? 396 : 417;
  return [
    `panic: runtime error: ${p.message}`,
    '',
    'goroutine 1 [running]:',
    `k8s.io/kubectl/pkg/cmd/create.${p.frame}(...)`,
    `\tk8s.io/kubectl/pkg/cmd/create/create_ingress.go:${line}`,
  ].join('\n');
}

/** strings.SplitN(s, sep, 2) */
function splitN2(s: string, sep: string): string[] {
  const i = s.indexOf(sep);
  return i < 0 ? [s] : [s.slice(0, i), s.slice(i + sep.length)];
}

/** parseServiceBackendPort: a number (0 is omitted: `port: {}`), otherwise a port name. */
function backendPort(port: string): ServiceBackendPort {
  const v = parseIntOrString(port);
  if (typeof v === 'number') return v ? { number: v } : {};
  return v ? { name: v } : {};
}

/** buildIngressBackendSvc: `svc:port` → service backend. */
function backendSvc(service: string): IngressBackend {
  const parts = service.split(':');
  if (parts.length < 2) throw new Panic('buildIngressBackendSvc');
  return { service: { name: parts[0], port: backendPort(parts[1]) } };
}

/** buildHTTPIngressPath: `bar*=svc:port` (the text after the host's `/`) → one path. */
function httpPath(pathsvc: string): HTTPIngressPath {
  const parts = pathsvc.split('=');
  if (parts.length < 2) throw new Panic('buildHTTPIngressPath');
  let path = `/${parts[0]}`;
  let pathType: HTTPIngressPath['pathType'] = 'Exact';
  // A trailing `*` means Prefix, and is dropped from the path: `/*` → `/` Prefix.
  if (path.endsWith('*')) {
    pathType = 'Prefix';
    path = path.slice(0, -1);
  }
  return { backend: backendSvc(parts[1]), path, pathType };
}

/**
 * buildTLSRules: only a rule with exactly one `,` asks for TLS (`,tls`, `,tls=secret`, and in
 * fact `,anything`); the secret is what follows the first `=`. Each host is listed once; a host
 * whose secret already has an entry joins that entry.
 */
function tlsRules(rules: string[]): IngressTLS[] {
  const present = new Set<string>();
  const out: IngressTLS[] = [];
  for (const rule of rules) {
    const tls = rule.split(',');
    if (tls.length !== 2) continue;
    const host = splitN2(rule, '/')[0];
    const secretName = tls[1].split('=');
    const secret = secretName.length > 1 ? secretName[1] : '';
    if (present.has(host)) continue;
    // getIndexSecret: an entry without a secret matches "" too.
    const same = out.find((t) => (t.secretName ?? '') === secret);
    present.add(host);
    if (same) {
      (same.hosts ??= []).push(host);
      continue;
    }
    const entry: IngressTLS = {};
    if (host) entry.hosts = [host];
    if (secret) entry.secretName = secret;
    if (entry.hosts || entry.secretName) out.push(entry);
  }
  return out;
}

/** buildIngressRules: one rule per host (the host-less rule too), paths in flag order. */
function ingressRules(rules: string[]): IngressRule[] {
  const out: IngressRule[] = [];
  for (const rule of rules) {
    const [host, pathsvc] = splitN2(rule.split(',')[0], '/');
    const path = httpPath(pathsvc);
    const same = out.find((r) => (r.host ?? '') === host);
    if (same) {
      same.http!.paths.push(path);
      continue;
    }
    const r: IngressRule = {};
    if (host) r.host = host;
    r.http = { paths: [path] };
    out.push(r);
  }
  return out;
}

/** kubectl create ingress NAME --rule=host/path=service:port[,tls[=secret]] */
export function runCreateIngress(ctx: Ctx): void {
  const args = ctx.flags.args;
  if (args.length !== 1) throw new KubectlError(`error: exactly one NAME is required, got ${args.length}\nSee 'kubectl ${ctx.command} -h' for help and examples`);
  const name = args[0];
  dryRunMode(ctx); // Complete() rejects a bad --dry-run before Validate() looks at the flags.
  const rules = ctx.flags.arr('rule');
  const annotations = ctx.flags.arr('annotation');
  const defaultBackend = ctx.flags.str('default-backend');
  const ingressClass = ctx.flags.str('class');

  // Validate()
  if (!defaultBackend && !rules.length) {
    throw new KubectlError('error: not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)');
  }
  for (const rule of rules) {
    if (!RULE.test(rule)) throw new KubectlError(`error: rule ${rule} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`);
  }
  for (const a of annotations) {
    if (!a.includes('=')) throw new KubectlError(`error: annotation ${a} is invalid and should be in format key=[value]`);
  }
  if (defaultBackend && defaultBackend.split(':').length !== 2) throw new KubectlError('error: default-backend should be in format servicename:serviceport');

  // createIngress()
  const spec: IngressSpec = {};
  try {
    if (ingressClass) spec.ingressClassName = ingressClass;
    if (defaultBackend) spec.defaultBackend = backendSvc(defaultBackend);
    const tls = tlsRules(rules);
    if (tls.length) spec.tls = tls;
    const r = ingressRules(rules);
    if (r.length) spec.rules = r;
  } catch (e) {
    if (e instanceof Panic) throw new KubectlError(panicText(e), 2);
    throw e;
  }
  const meta: Record<string, unknown> = { creationTimestamp: null, name };
  if (annotations.length) meta.annotations = Object.fromEntries(annotations.map((a) => splitN2(a, '=')));
  const ingress: Ingress = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: meta as KubeObject['metadata'],
    spec,
    status: { loadBalancer: {} },
  };
  createGenerated(ctx, ctx.api.catalogue.get('networking.k8s.io', 'ingresses')!, ingress, 'failed to create ingress: ');
}
