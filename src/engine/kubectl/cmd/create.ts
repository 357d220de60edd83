// kubectl create -f, create deployment, create namespace and kubectl run: mirrors
// staging/src/k8s.io/kubectl/pkg/cmd/create/create.go, create_deployment.go,
// create_namespace.go and cmd/run/run.go (the generators print exactly what
// `--dry-run=client -o yaml` shows).
import type { KubeObject } from '../../api/meta';
import type { ResourceInfo } from '../../api/resources';
import { nameString } from '../builder';
import type { Ctx } from '../context';
import { addSourceToErr, AggregateError, KubectlError } from '../errors';
import { StatusError } from '../../apiserver/errors';
import type { FlagSpec } from '../flags';
import { readFilenameArgs } from '../manifest';
import { parseOutputFormat, printObjects } from '../printers/output';
import { dryRunMode, dryRunSuffix, mappingFor } from './apply';
import { namespaceFor } from './common';
import { withLastApplied } from '../apply/lastapplied';

const COMMON: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string' },
  { name: 'dry-run', type: 'string', default: 'none' },
  { name: 'save-config', type: 'bool' },
  { name: 'validate', type: 'string', default: 'strict' },
  { name: 'field-manager', type: 'string' },
];

export const CREATE_FLAGS: FlagSpec[] = [...COMMON, { name: 'filename', short: 'f', type: 'stringArray' }, { name: 'recursive', short: 'R', type: 'bool' }, { name: 'kustomize', short: 'k', type: 'string' }, { name: 'edit', type: 'bool' }];
export const CREATE_DEPLOYMENT_FLAGS: FlagSpec[] = [...COMMON, { name: 'image', type: 'stringArray' }, { name: 'replicas', short: 'r', type: 'int', default: 1 }, { name: 'port', type: 'int', default: -1 }];
export const CREATE_NAMESPACE_FLAGS: FlagSpec[] = [...COMMON];
export const RUN_FLAGS: FlagSpec[] = [
  ...COMMON,
  { name: 'image', type: 'string' },
  { name: 'port', type: 'string' },
  { name: 'labels', short: 'l', type: 'string' },
  { name: 'env', type: 'stringArray' },
  { name: 'restart', type: 'string', default: 'Always' },
  { name: 'command', type: 'bool' },
  { name: 'image-pull-policy', type: 'string' },
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'rm', type: 'bool' },
  { name: 'annotations', type: 'stringArray' },
];

/** Create (or, for client dry-run, just print) one object and report it as kubectl does. */
export function createOne(ctx: Ctx, info: ResourceInfo, obj: KubeObject): void {
  const format = parseOutputFormat(ctx.flags.str('output'), false);
  const mode = dryRunMode(ctx);
  const ns = namespaceFor(ctx, info, obj.metadata.namespace);
  let body = obj;
  if (ctx.flags.bool('save-config')) body = withLastApplied(obj);
  let result = body;
  if (mode !== 'client') {
    const sent = info.namespaced ? { ...body, metadata: { ...body.metadata, namespace: ns } } : body;
    result = ctx.api.create(info, ns, sent, { dryRun: mode === 'server' });
  }
  if (format === 'json' || format === 'yaml') ctx.out(printObjects([result], format, false).replace(/\n$/, ''));
  else if (format === 'name') ctx.out(nameString(info, obj.metadata.name ?? ''));
  else ctx.out(`${nameString(info, obj.metadata.name ?? '')} created${dryRunSuffix(mode)}`);
}

/**
 * What every `create <generator>` does around createOne: `namespace := ""; if o.EnforceNamespace
 * { namespace = o.Namespace }`, so `-n shop` shows in the printed object (the kubeconfig's
 * namespace does not). With `failedTo`, the server's error is wrapped as the generator wraps it,
 * `fmt.Errorf("failed to create ingress: %v", err)`: %v, not %w, so kubectl prints a plain error,
 * `error: failed to create ingress: ingresses.networking.k8s.io "web" already exists`, not
 * `Error from server (AlreadyExists): …`.
 */
export function createGenerated(ctx: Ctx, info: ResourceInfo, obj: KubeObject, failedTo?: string): void {
  const body = info.namespaced && ctx.explicitNamespace ? { ...obj, metadata: { ...obj.metadata, namespace: ctx.namespace } } : obj;
  try {
    createOne(ctx, info, body);
  } catch (e) {
    if (failedTo !== undefined && e instanceof StatusError) throw new KubectlError(`error: ${failedTo}${e.status.message}`);
    throw e;
  }
}

export function runCreate(ctx: Ctx): void {
  const files = ctx.flags.arr('filename');
  if (!files.length) {
    if (ctx.flags.args.length) throw new KubectlError(`error: Unexpected args: [${ctx.flags.args.join(' ')}]\nSee 'kubectl create -h' for help and examples`);
    throw new KubectlError('error: must specify one of -f and -k');
  }
  const manifests = readFilenameArgs(ctx, files);
  const errors: unknown[] = [];
  for (const m of manifests) {
    try {
      const info = mappingFor(ctx, m);
      try {
        createOne(ctx, info, m.object);
      } catch (e) {
        throw addSourceToErr('creating', m.source, e);
      }
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length) throw errors.length === 1 ? errors[0] : new AggregateError(errors);
}

function oneName(ctx: Ctx, what: string): string {
  const args = ctx.flags.args;
  if (args.length === 0) throw new KubectlError(`error: exactly one NAME is required, got 0\nSee 'kubectl ${ctx.command} -h' for help and examples`);
  if (args.length > 1) throw new KubectlError(`error: exactly one NAME is required, got ${args.length}\nSee 'kubectl ${ctx.command} -h' for help and examples`);
  void what;
  return args[0];
}

/** Container name from an image reference: `registry/library/nginx:1.25` → `nginx`. */
export function imageBaseName(image: string): string {
  let s = image;
  const at = s.indexOf('@');
  if (at >= 0) s = s.slice(0, at);
  const slash = s.lastIndexOf('/');
  if (slash >= 0) s = s.slice(slash + 1);
  const colon = s.indexOf(':');
  if (colon >= 0) s = s.slice(0, colon);
  return s;
}

export function deploymentGenerator(name: string, images: string[], replicas: number, port: number): KubeObject {
  const labels = { app: name };
  const containers = images.map((image) => {
    const c: Record<string, unknown> = { image, name: imageBaseName(image) };
    if (port >= 0) c.ports = [{ containerPort: port }];
    c.resources = {};
    return c;
  });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { creationTimestamp: null, labels, name } as unknown as KubeObject['metadata'],
    spec: {
      replicas,
      selector: { matchLabels: { ...labels } },
      strategy: {},
      template: { metadata: { creationTimestamp: null, labels: { ...labels } }, spec: { containers } },
    },
    status: {},
  };
}

export function runCreateDeployment(ctx: Ctx): void {
  const name = oneName(ctx, 'deployment');
  const images = ctx.flags.arr('image');
  if (!images.length) throw new KubectlError('error: required flag(s) "image" not set');
  if (images.length > 1 && ctx.flags.int('port') >= 0) throw new KubectlError('error: cannot specify port when using multiple images');
  const info = ctx.api.catalogue.get('apps', 'deployments')!;
  createGenerated(ctx, info, deploymentGenerator(name, images, ctx.flags.int('replicas'), ctx.flags.int('port')), 'failed to create deployment: ');
}

export function runCreateNamespace(ctx: Ctx): void {
  const name = oneName(ctx, 'namespace');
  const info = ctx.api.catalogue.get('', 'namespaces')!;
  createOne(ctx, info, { apiVersion: 'v1', kind: 'Namespace', metadata: { creationTimestamp: null, name } as unknown as KubeObject['metadata'], spec: {}, status: {} });
}

export function podGenerator(ctx: Ctx, name: string, image: string, extraArgs: string[]): KubeObject {
  const f = ctx.flags;
  const labels: Record<string, string> = {};
  if (f.str('labels')) {
    for (const kv of f.str('labels').split(',')) {
      const i = kv.indexOf('=');
      if (i <= 0) throw new KubectlError(`error: invalid label spec: ${kv}`);
      labels[kv.slice(0, i)] = kv.slice(i + 1);
    }
  } else labels.run = name;
  const c: Record<string, unknown> = {};
  if (extraArgs.length) {
    if (f.bool('command')) c.command = extraArgs;
    else c.args = extraArgs;
  }
  if (f.arr('env').length) {
    c.env = f.arr('env').map((kv) => {
      const i = kv.indexOf('=');
      return i < 0 ? { name: kv } : { name: kv.slice(0, i), value: kv.slice(i + 1) };
    });
  }
  c.image = image;
  if (f.str('image-pull-policy')) c.imagePullPolicy = f.str('image-pull-policy');
  c.name = name;
  if (f.str('port')) {
    const port = Number(f.str('port'));
    if (!Number.isInteger(port)) throw new KubectlError(`error: strconv.Atoi: parsing "${f.str('port')}": invalid syntax`);
    c.ports = [{ containerPort: port }];
  }
  c.resources = {};
  if (f.bool('stdin')) c.stdin = true;
  if (f.bool('tty')) c.tty = true;
  const restart = f.str('restart') || 'Always';
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw new KubectlError(`error: invalid restart policy: ${restart}`);
  const meta: Record<string, unknown> = { creationTimestamp: null, labels, name };
  const annotations = f.arr('annotations');
  if (annotations.length) {
    meta.annotations = Object.fromEntries(annotations.map((kv) => [kv.slice(0, Math.max(0, kv.indexOf('='))), kv.slice(kv.indexOf('=') + 1)]));
  }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta as KubeObject['metadata'],
    spec: { containers: [c], dnsPolicy: 'ClusterFirst', restartPolicy: restart },
    status: {},
  };
}

export function runRun(ctx: Ctx): void {
  const args = ctx.flags.args;
  if (!args.length) throw new KubectlError("error: NAME is required for run\nSee 'kubectl run -h' for help and examples");
  if (!ctx.flags.has('image') || !ctx.flags.str('image')) throw new KubectlError('error: required flag(s) "image" not set');
  const info = ctx.api.catalogue.get('', 'pods')!;
  createOne(ctx, info, podGenerator(ctx, args[0], ctx.flags.str('image'), args.slice(1)));
}
