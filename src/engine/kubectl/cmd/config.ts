// kubectl config current-context | get-contexts | set-context | use-context | view: mirrors
// staging/src/k8s.io/kubectl/pkg/cmd/config. The kubeconfig is the one kind writes (context
// kind-kind); it lives with the cluster (../kubeconfig.ts) so a namespace set here is the
// default of every later command, and it is saved in snapshots.
import type { Ctx } from '../context';
import { KubectlError } from '../errors';
import type { FlagSpec } from '../flags';
import { kubeConfigOf } from '../kubeconfig';
import { formatTable } from '../printers/tabwriter';
import { toJson, toYaml } from '../printers/yaml';
import { parseTemplateFormat, printTemplate } from '../printers/template_output';
import type { KubeObject } from '../../api/meta';

export const CONFIG_FLAGS: FlagSpec[] = [];
export const GET_CONTEXTS_FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string' },
  { name: 'no-headers', type: 'bool' },
];
export const SET_CONTEXT_FLAGS: FlagSpec[] = [
  { name: 'current', type: 'bool' },
  { name: 'cluster', type: 'string' },
  { name: 'user', type: 'string' },
  { name: 'namespace', type: 'string' },
];
export const VIEW_FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string', default: 'yaml' },
  { name: 'minify', type: 'bool' },
  { name: 'raw', type: 'bool' },
  { name: 'flatten', type: 'bool' },
];

export function runCurrentContext(ctx: Ctx): void {
  const kc = kubeConfigOf(ctx.cluster);
  if (!kc.currentContext) throw new KubectlError('error: current-context is not set');
  ctx.out(kc.currentContext);
}

export function runGetContexts(ctx: Ctx): void {
  const kc = kubeConfigOf(ctx.cluster);
  const wanted = ctx.flags.args;
  for (const n of wanted) if (!kc.contexts.some((c) => c.name === n)) throw new KubectlError(`error: context ${n} not found`);
  const list = kc.contexts.filter((c) => !wanted.length || wanted.includes(c.name));
  if (ctx.flags.str('output') === 'name') {
    for (const c of list) ctx.out(c.name);
    return;
  }
  if (ctx.flags.str('output')) throw new KubectlError(`error: output must be one of '' or 'name'`);
  const rows = ctx.flags.bool('no-headers') ? [] : [['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE']];
  for (const c of list) rows.push([c.name === kc.currentContext ? '*' : '', c.name, c.cluster, c.user, c.namespace ?? '']);
  for (const l of formatTable(rows)) ctx.out(l);
}

export function runSetContext(ctx: Ctx): void {
  const kc = kubeConfigOf(ctx.cluster);
  const f = ctx.flags;
  if (f.bool('current') && f.args.length) throw new KubectlError('error: you cannot specify both a context name and --current');
  const name = f.bool('current') ? kc.currentContext : f.args[0];
  if (!name) throw new KubectlError("error: you must specify a non-empty context name or --current\nSee 'kubectl config set-context -h' for help and examples");
  let c = kc.contexts.find((x) => x.name === name);
  const created = !c;
  if (!c) {
    c = { name, cluster: '', user: '' };
    kc.contexts.push(c);
  }
  if (f.has('cluster')) c.cluster = f.str('cluster');
  if (f.has('user')) c.user = f.str('user');
  if (f.has('namespace')) {
    if (f.str('namespace')) c.namespace = f.str('namespace');
    else delete c.namespace;
  }
  ctx.out(`Context "${name}" ${created ? 'created' : 'modified'}.`);
}

export function runUseContext(ctx: Ctx): void {
  const kc = kubeConfigOf(ctx.cluster);
  const name = ctx.flags.args[0];
  if (!name) throw new KubectlError("error: Unexpected args: []\nSee 'kubectl config use-context -h' for help and examples");
  const c = kc.contexts.find((x) => x.name === name);
  if (!c) throw new KubectlError(`error: no context exists with the name: "${name}"`);
  if (!c.cluster || c.cluster !== 'kind-kind') throw new KubectlError(`error: the playground has one cluster: context "${name}" must use cluster kind-kind (kubectl config set-context ${name} --cluster=kind-kind --user=kind-kind)`);
  kc.currentContext = name;
  ctx.out(`Switched to context "${name}".`);
}

export function runView(ctx: Ctx): void {
  const kc = kubeConfigOf(ctx.cluster);
  const minify = ctx.flags.bool('minify');
  const contexts = kc.contexts.filter((c) => !minify || c.name === kc.currentContext);
  const secret = ctx.flags.bool('raw') ? 'LS0tLS1CRUdJTi (a simulated certificate)' : 'DATA+OMITTED';
  const config = {
    apiVersion: 'v1',
    clusters: [{ cluster: { 'certificate-authority-data': secret, server: 'https://127.0.0.1:6443' }, name: 'kind-kind' }],
    contexts: contexts.map((c) => ({ context: { cluster: c.cluster, ...(c.namespace ? { namespace: c.namespace } : {}), user: c.user }, name: c.name })),
    'current-context': kc.currentContext,
    kind: 'Config',
    preferences: {},
    users: [{ name: 'kind-kind', user: { 'client-certificate-data': secret, 'client-key-data': secret } }],
  };
  const o = ctx.flags.str('output');
  const tmpl = parseTemplateFormat(o);
  if (tmpl) {
    const text = printTemplate(tmpl, [config as unknown as KubeObject], false, false).join('\n');
    ctx.raw(text);
  } else if (o === 'json') ctx.out(toJson(config));
  else if (o === 'yaml' || o === '') ctx.out(toYaml(config).replace(/\n$/, ''));
  else throw new KubectlError(`error: unable to match a printer suitable for the output format "${o}", allowed formats are: json,jsonpath,jsonpath-as-json,jsonpath-file,yaml`);
}
