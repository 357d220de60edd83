// kubectl create configmap | secret (generic, tls, docker-registry) | quota: mirrors
// staging/src/k8s.io/kubectl/pkg/cmd/create/create_configmap.go, create_secret.go,
// create_secret_tls.go, create_secret_docker.go and create_quota.go. Files named by --from-file
// and --from-env-file are read through the same resolver as `-f` (KubectlOptions.readFile/listDir):
// the browser serves lesson files, scripts/sim.ts the disk.
import type { ConfigMap, ResourceQuota, Secret } from '../../api/config';
import type { KubeObject } from '../../api/meta';
import { encodeBase64 } from '../../api/base64';
import { isConfigMapKey } from '../../apiserver/validation/config';
import type { Ctx } from '../context';
import { KubectlError } from '../errors';
import type { FlagSpec } from '../flags';
import { createGenerated } from './create';

const COMMON: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string' },
  { name: 'dry-run', type: 'string', default: 'none' },
  { name: 'save-config', type: 'bool' },
  { name: 'validate', type: 'string', default: 'strict' },
  { name: 'field-manager', type: 'string' },
];
const FROM: FlagSpec[] = [
  { name: 'from-literal', type: 'stringArray' },
  { name: 'from-file', type: 'stringArray' },
  { name: 'from-env-file', type: 'stringArray' },
  { name: 'append-hash', type: 'bool' },
];

export const CREATE_CONFIGMAP_FLAGS: FlagSpec[] = [...COMMON, ...FROM];
export const CREATE_SECRET_FLAGS: FlagSpec[] = [
  ...COMMON, ...FROM,
  { name: 'type', type: 'string' },
  { name: 'cert', type: 'string' },
  { name: 'key', type: 'string' },
  { name: 'docker-server', type: 'string', default: 'https://index.docker.io/v1/' },
  { name: 'docker-username', type: 'string' },
  { name: 'docker-password', type: 'string' },
  { name: 'docker-email', type: 'string' },
];
export const CREATE_QUOTA_FLAGS: FlagSpec[] = [...COMMON, { name: 'hard', type: 'string' }, { name: 'scopes', type: 'string' }];

const meta = (name: string) => ({ creationTimestamp: null, name }) as unknown as KubeObject['metadata'];

function oneName(ctx: Ctx, args: string[]): string {
  if (args.length !== 1) throw new KubectlError(`error: exactly one NAME is required, got ${args.length}\nSee 'kubectl ${ctx.command} -h' for help and examples`);
  return args[0];
}

/** The entries --from-literal / --from-file / --from-env-file produce, in flag order by kind. */
function sources(ctx: Ctx): [string, string][] {
  const out: [string, string][] = [];
  for (const lit of ctx.flags.arr('from-literal')) {
    const i = lit.indexOf('=');
    if (i <= 0) throw new KubectlError(`error: invalid literal source ${lit}, expected key=value`);
    out.push([lit.slice(0, i), lit.slice(i + 1)]);
  }
  for (const src of ctx.flags.arr('from-file')) {
    // --from-file=[key=]path: a file (key defaults to its basename) or a directory (each file).
    const i = src.indexOf('=');
    const key = i > 0 ? src.slice(0, i) : undefined;
    const path = i > 0 ? src.slice(i + 1) : src;
    const entries = ctx.opts.listDir?.(path);
    if (entries) {
      if (key) throw new KubectlError(`error: cannot give a key name for a directory path`);
      for (const p of [...entries].sort()) {
        const text = ctx.opts.readFile?.(p);
        if (text !== undefined) out.push([basename(p), text]);
      }
      continue;
    }
    const text = ctx.opts.readFile?.(path);
    if (text === undefined) throw new KubectlError(`error: error reading ${path}: no such file or directory`);
    out.push([key ?? basename(path), text]);
  }
  for (const path of ctx.flags.arr('from-env-file')) {
    const text = ctx.opts.readFile?.(path);
    if (text === undefined) throw new KubectlError(`error: error reading ${path}: no such file or directory`);
    for (const raw of text.split('\n')) {
      const line = raw.replace(/^\uFEFF/, '').trim();
      if (!line || line.startsWith('#')) continue;
      const i = line.indexOf('=');
      // A bare name takes its value from kubectl's own environment, which here is empty.
      out.push(i < 0 ? [line, ''] : [line.slice(0, i), line.slice(i + 1)]);
    }
  }
  return out;
}

function basename(p: string): string {
  const s = p.replace(/\/+$/, '');
  return s.slice(s.lastIndexOf('/') + 1);
}

/** kubectl create configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] */
export function runCreateConfigMap(ctx: Ctx): void {
  const name = oneName(ctx, ctx.flags.args);
  const data: Record<string, string> = {};
  for (const [k, v] of sources(ctx)) {
    const bad = isConfigMapKey(k);
    if (bad.length) throw new KubectlError(`error: "${k}" is not a valid key name for a ConfigMap: ${bad.join(', ')}`);
    if (k in data) throw new KubectlError(`error: cannot add key "${k}", another key by that name already exists in Data for ConfigMap "${name}"`);
    data[k] = v;
  }
  const cm: ConfigMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(name) };
  if (Object.keys(data).length) cm.data = data;
  createGenerated(ctx, ctx.api.catalogue.get('', 'configmaps')!, cm, 'failed to create configmap: ');
}

function secretHelp(ctx: Ctx): never {
  throw new KubectlError(
    [
      'Create a secret with specified type.',
      '',
      ' A docker-registry type secret is for accessing a container registry.',
      '',
      ' A generic type secret indicate an Opaque secret type.',
      '',
      ' A tls type secret holds TLS certificate and its associated key.',
      '',
      'Available Commands:',
      '  docker-registry   Create a secret for use with a Docker registry',
      '  generic           Create a secret from a local file, directory, or literal value',
      '  tls               Create a TLS secret',
      '',
      'Usage:',
      '  kubectl create secret (docker-registry | generic | tls) [options]',
      '',
      `Use "kubectl create secret <command> --help" for more information about a given command.`,
    ].join('\n') + (ctx.flags.args.length ? `\nerror: unknown command "${ctx.flags.args[0]}"` : ''),
  );
}

/** kubectl create secret generic|tls|docker-registry NAME … */
export function runCreateSecret(ctx: Ctx): void {
  const [kind, ...rest] = ctx.flags.args;
  const name = () => oneName(ctx, rest);
  const secret = (n: string, type: string | undefined, data: Record<string, string>): Secret => {
    const s: Secret = { apiVersion: 'v1', kind: 'Secret', metadata: meta(n) };
    if (Object.keys(data).length) s.data = data;
    if (type) s.type = type;
    return s;
  };
  let obj: Secret;
  switch (kind) {
    case 'generic': {
      const n = name();
      const data: Record<string, string> = {};
      for (const [k, v] of sources(ctx)) {
        const bad = isConfigMapKey(k);
        if (bad.length) throw new KubectlError(`error: "${k}" is not valid key name for a Secret ${bad.join(', ')}`);
        if (k in data) throw new KubectlError(`error: cannot add key ${k}, another key by that name already exists`);
        data[k] = encodeBase64(v);
      }
      obj = secret(n, ctx.flags.str('type') || undefined, data);
      break;
    }
    case 'tls': {
      const n = name();
      const cert = ctx.flags.str('cert');
      const key = ctx.flags.str('key');
      if (!cert || !key) throw new KubectlError('error: key and cert must be specified');
      const certText = ctx.opts.readFile?.(cert);
      if (certText === undefined) throw new KubectlError(`error: open ${cert}: no such file or directory`);
      const keyText = ctx.opts.readFile?.(key);
      if (keyText === undefined) throw new KubectlError(`error: open ${key}: no such file or directory`);
      if (!certText.includes('-----BEGIN')) throw new KubectlError('error: tls: failed to find any PEM data in certificate input');
      if (!keyText.includes('-----BEGIN')) throw new KubectlError('error: tls: failed to find any PEM data in key input');
      obj = secret(n, 'kubernetes.io/tls', { 'tls.crt': encodeBase64(certText), 'tls.key': encodeBase64(keyText) });
      break;
    }
    case 'docker-registry': {
      const n = name();
      const user = ctx.flags.str('docker-username');
      const pass = ctx.flags.str('docker-password');
      if (!ctx.flags.arr('from-file').length && (!user || !pass)) {
        throw new KubectlError('error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
      }
      const server = ctx.flags.str('docker-server');
      const entry: Record<string, string> = { username: user, password: pass };
      if (ctx.flags.str('docker-email')) entry.email = ctx.flags.str('docker-email');
      entry.auth = encodeBase64(`${user}:${pass}`);
      obj = secret(n, 'kubernetes.io/dockerconfigjson', { '.dockerconfigjson': encodeBase64(JSON.stringify({ auths: { [server]: entry } })) });
      break;
    }
    default:
      secretHelp(ctx);
  }
  // Upstream's message has no colon here ("failed to create secret %v").
  createGenerated(ctx, ctx.api.catalogue.get('', 'secrets')!, obj, 'failed to create secret ');
}

/** kubectl create quota NAME [--hard=key1=value1,key2=value2] [--scopes=Scope1,Scope2] */
export function runCreateQuota(ctx: Ctx): void {
  const name = oneName(ctx, ctx.flags.args);
  const rq: ResourceQuota = { apiVersion: 'v1', kind: 'ResourceQuota', metadata: meta(name), spec: {}, status: {} };
  const hard = ctx.flags.str('hard');
  if (hard) {
    const list: Record<string, string> = {};
    for (const kv of hard.split(',')) {
      const i = kv.indexOf('=');
      if (i <= 0 || i === kv.length - 1) throw new KubectlError(`error: Invalid argument syntax ${kv}, expected <resource>=<value>`);
      list[kv.slice(0, i).trim()] = kv.slice(i + 1).trim();
    }
    rq.spec!.hard = list;
  }
  const scopes = ctx.flags.str('scopes');
  if (scopes) rq.spec!.scopes = scopes.split(',').map((s) => s.trim()).filter(Boolean);
  createGenerated(ctx, ctx.api.catalogue.get('', 'resourcequotas')!, rq, 'failed to create quota: ');
}
