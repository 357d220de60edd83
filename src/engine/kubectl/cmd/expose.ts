// kubectl expose and kubectl create service: mirrors staging/src/k8s.io/kubectl/pkg/cmd/expose/
// expose.go (the service generator: selector and ports from the workload, `service/NAME
// exposed`) and cmd/create/create_service.go (`--tcp=port[:targetPort]`, ports named
// `80-8080`, selector app=NAME).
import type { KubeObject } from '../../api/meta';
import type { Pod, PodTemplateSpec } from '../../api/core';
import type { Service, ServicePort } from '../../api/networking';
import { parseResourceArgs } from '../builder';
import type { Ctx } from '../context';
import { KubectlError } from '../errors';
import type { FlagSpec } from '../flags';
import { parseOutputFormat, printObjects } from '../printers/output';
import { dryRunMode, dryRunSuffix } from './apply';
import { namespaceFor } from './common';
import { createGenerated } from './create';

const COMMON: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string' },
  { name: 'dry-run', type: 'string', default: 'none' },
  { name: 'save-config', type: 'bool' },
  { name: 'validate', type: 'string', default: 'strict' },
  { name: 'field-manager', type: 'string' },
];

export const EXPOSE_FLAGS: FlagSpec[] = [
  ...COMMON,
  { name: 'port', type: 'string' },
  { name: 'target-port', type: 'string' },
  { name: 'type', type: 'string' },
  { name: 'name', type: 'string' },
  { name: 'protocol', type: 'string' },
  { name: 'selector', type: 'string' },
  { name: 'labels', short: 'l', type: 'string' },
  { name: 'external-ip', type: 'string' },
  { name: 'cluster-ip', type: 'string' },
  { name: 'session-affinity', type: 'string' },
  { name: 'load-balancer-ip', type: 'string' },
  { name: 'filename', short: 'f', type: 'stringArray' },
];

export const CREATE_SERVICE_FLAGS: FlagSpec[] = [
  ...COMMON,
  { name: 'tcp', type: 'stringArray' },
  { name: 'clusterip', type: 'string' },
  { name: 'node-port', type: 'int', default: 0 },
  { name: 'external-name', type: 'string' },
];

const SERVICES = { group: '', resource: 'services' };

function parseLabels(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of text.split(',').filter(Boolean)) {
    const i = kv.indexOf('=');
    if (i <= 0) throw new KubectlError(`error: invalid label spec: ${kv}`);
    out[kv.slice(0, i)] = kv.slice(i + 1);
  }
  return out;
}

function submit(ctx: Ctx, svc: KubeObject, verb: string): void {
  const mode = dryRunMode(ctx);
  const format = parseOutputFormat(ctx.flags.str('output'), false);
  const info = ctx.api.catalogue.get('', 'services')!;
  const ns = namespaceFor(ctx, info);
  let result = svc;
  if (mode !== 'client') result = ctx.api.create(SERVICES, ns, { ...svc, metadata: { ...svc.metadata, namespace: ns } }, { dryRun: mode === 'server' });
  if (format === 'json' || format === 'yaml') ctx.out(printObjects([result], format, false).replace(/\n$/, ''));
  else if (format === 'name') ctx.out(`service/${svc.metadata.name}`);
  else ctx.out(`service/${svc.metadata.name} ${verb}${dryRunSuffix(mode)}`);
}

function intOrName(v: string): number | string {
  return /^\d+$/.test(v) ? Number(v) : v;
}

export function runExpose(ctx: Ctx): void {
  const f = ctx.flags;
  if (!f.args.length) {
    throw new KubectlError("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
  }
  const [ref] = parseResourceArgs(ctx, f.args);
  if (!ref || ref.name === undefined) throw new KubectlError('error: resource(s) were provided, but no name was specified');
  const ns = namespaceFor(ctx, ref.info);
  const obj = ctx.api.get(ref.info, ns, ref.name);
  const kind = ref.info.kind;
  let selector: Record<string, string> | undefined;
  let template: PodTemplateSpec | undefined;
  switch (kind) {
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet': {
      const spec = obj.spec as { selector?: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] }; template?: PodTemplateSpec };
      if (spec.selector?.matchExpressions?.length) throw new KubectlError(`error: couldn't convert expressions - "${JSON.stringify(spec.selector.matchExpressions)}" to map-based selector format`);
      selector = spec.selector?.matchLabels;
      template = spec.template;
      break;
    }
    case 'ReplicationController': {
      const spec = obj.spec as { selector?: Record<string, string>; template?: PodTemplateSpec };
      selector = spec.selector;
      template = spec.template;
      break;
    }
    case 'Pod':
      selector = obj.metadata.labels;
      if (!selector || !Object.keys(selector).length) throw new KubectlError('error: the pod has no labels and cannot be exposed');
      template = { metadata: obj.metadata, spec: (obj as Pod).spec };
      break;
    case 'Service':
      selector = (obj as Service).spec.selector;
      break;
    default:
      throw new KubectlError(`error: cannot expose a ${kind}`);
  }
  if (f.str('selector')) selector = parseLabels(f.str('selector'));
  if (!selector || !Object.keys(selector).length) throw new KubectlError(`error: couldn't retrieve selectors via --selector flag or introspection: the ${kind.toLowerCase()} has no selector`);
  const protocol = (f.str('protocol') || 'TCP') as ServicePort['protocol'];
  let ports: ServicePort[];
  if (f.str('port')) {
    ports = f.str('port').split(',').map((p, i, all) => {
      if (!/^\d+$/.test(p)) throw new KubectlError(`error: strconv.Atoi: parsing "${p}": invalid syntax`);
      const sp: ServicePort = { port: Number(p), protocol };
      if (all.length > 1) sp.name = `port-${i + 1}`;
      return sp;
    });
  } else if (kind === 'Service') {
    ports = ((obj as Service).spec.ports ?? []).map((p) => ({ ...(p.name ? { name: p.name } : {}), port: p.port, protocol: p.protocol, targetPort: p.targetPort }));
  } else {
    const cports = (template?.spec.containers ?? []).flatMap((c) => c.ports ?? []);
    if (!cports.length) throw new KubectlError("error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples");
    ports = cports.map((c, i) => ({ ...(cports.length > 1 ? { name: c.name ?? `port-${i + 1}` } : {}), port: c.containerPort, protocol: c.protocol ?? protocol }));
  }
  if (f.str('target-port')) for (const p of ports) p.targetPort = intOrName(f.str('target-port'));
  else for (const p of ports) if (p.targetPort === undefined) p.targetPort = p.port;
  const labels = f.str('labels') ? parseLabels(f.str('labels')) : obj.metadata.labels;
  const spec: Service['spec'] = { ports, selector: { ...selector } };
  if (f.str('type')) {
    const t = f.str('type');
    const types = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
    const match = types.find((x) => x.toLowerCase() === t.toLowerCase());
    if (!match) throw new KubectlError(`error: invalid service type "${t}"`);
    spec.type = match as Service['spec']['type'];
  }
  if (f.str('cluster-ip')) spec.clusterIP = f.str('cluster-ip');
  if (f.str('external-ip')) spec.externalIPs = f.str('external-ip').split(',');
  if (f.str('session-affinity')) spec.sessionAffinity = f.str('session-affinity') as Service['spec']['sessionAffinity'];
  if (f.str('load-balancer-ip')) spec.loadBalancerIP = f.str('load-balancer-ip');
  const name = f.str('name') || ref.name;
  const svc: KubeObject = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { ...(labels && Object.keys(labels).length ? { labels: { ...labels } } : {}), name, creationTimestamp: null } as unknown as KubeObject['metadata'],
    spec,
    status: { loadBalancer: {} },
  };
  submit(ctx, svc, 'exposed');
}

/** `kubectl create service clusterip|nodeport|loadbalancer|externalname NAME`. */
export function runCreateService(type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName') {
  return (ctx: Ctx): void => {
    const f = ctx.flags;
    if (f.args.length !== 1) throw new KubectlError(`error: exactly one NAME is required, got ${f.args.length}\nSee 'kubectl ${ctx.command} -h' for help and examples`);
    const name = f.args[0];
    const ports: ServicePort[] = [];
    if (type !== 'ExternalName') {
      const specs = f.arr('tcp');
      if (!specs.length) throw new KubectlError('error: at least one tcp port specifier must be provided');
      for (const s of specs) {
        const [p, t] = s.split(':');
        if (!/^\d+$/.test(p) || (t !== undefined && !/^\d+$/.test(t) && !/^[a-z]/.test(t))) throw new KubectlError(`error: strconv.Atoi: parsing "${/^\d+$/.test(p) ? t : p}": invalid syntax`);
        const target = t === undefined ? Number(p) : intOrName(t);
        const sp: ServicePort = { name: t === undefined ? p : `${p}-${t}`, port: Number(p), protocol: 'TCP', targetPort: target };
        if (type === 'NodePort' && f.int('node-port')) sp.nodePort = f.int('node-port');
        ports.push(sp);
      }
    } else if (!f.str('external-name')) {
      throw new KubectlError('error: required flag(s) "external-name" not set');
    }
    const spec: Service['spec'] = { ...(ports.length ? { ports } : {}), selector: { app: name }, type };
    if (type === 'ExternalName') spec.externalName = f.str('external-name');
    if (f.has('clusterip')) spec.clusterIP = f.str('clusterip');
    const svc: KubeObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { creationTimestamp: null, labels: { app: name }, name } as unknown as KubeObject['metadata'],
      spec,
      status: { loadBalancer: {} },
    };
    createGenerated(ctx, ctx.api.catalogue.get('', 'services')!, svc, `failed to create ${type} service: `);
  };
}

const SERVICE_TYPES: Record<string, 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName'> = {
  clusterip: 'ClusterIP',
  nodeport: 'NodePort',
  loadbalancer: 'LoadBalancer',
  externalname: 'ExternalName',
};

/** `kubectl create service TYPE NAME …`: the TYPE word selects the generator. */
export function runCreateServiceFamily(ctx: Ctx): void {
  const t = ctx.flags.args[0];
  const type = t ? SERVICE_TYPES[t] : undefined;
  if (!type) {
    if (t) throw new KubectlError(`error: unknown command "${t}" for "kubectl create service"\nSee 'kubectl create service -h' for help and examples`);
    throw new KubectlError('Create a service using a specified subcommand.\n\nAliases:\nservice, svc\n\nAvailable Commands:\n  clusterip      Create a ClusterIP service\n  externalname   Create an ExternalName service\n  loadbalancer   Create a LoadBalancer service\n  nodeport       Create a NodePort service\n\nUsage:\n  kubectl create service [flags] [options]', 1);
  }
  ctx.flags.args.shift();
  runCreateService(type)({ ...ctx, command: `create service ${t}` });
}
