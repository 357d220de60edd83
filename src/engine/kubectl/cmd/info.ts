// kubectl version, cluster-info and api-resources: mirrors cmd/version/version.go,
// cmd/clusterinfo/clusterinfo.go and cmd/apiresources/apiresources.go.
import { apiVersionOf } from '../../api/resources';
import type { Ctx } from '../context';
import { KubectlError } from '../errors';
import type { FlagSpec } from '../flags';
import { formatTable } from '../printers/tabwriter';
import { toJson, toYaml } from '../printers/yaml';

export const CLIENT_VERSION = 'v1.32.2';
const KUSTOMIZE_VERSION = 'v5.5.0';

export const VERSION_FLAGS: FlagSpec[] = [
  { name: 'client', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
];
export const API_RESOURCES_FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string' },
  { name: 'namespaced', type: 'bool', default: true },
  { name: 'api-group', type: 'string' },
  { name: 'no-headers', type: 'bool' },
  { name: 'sort-by', type: 'string' },
  { name: 'verbs', type: 'stringArray' },
  { name: 'cached', type: 'bool' },
];

export function runVersion(ctx: Ctx): void {
  const server = ctx.cluster.config.kubernetesVersion;
  const o = ctx.flags.str('output');
  const info = (v: string) => {
    const [major, minor] = v.replace(/^v/, '').split('.');
    return { major, minor, gitVersion: v, gitCommit: '', gitTreeState: 'clean', buildDate: '', goVersion: 'go1.23.6', compiler: 'gc', platform: 'linux/amd64' };
  };
  if (o === 'json' || o === 'yaml') {
    const v: Record<string, unknown> = { clientVersion: info(CLIENT_VERSION), kustomizeVersion: KUSTOMIZE_VERSION };
    if (!ctx.flags.bool('client')) v.serverVersion = info(server);
    ctx.out(o === 'json' ? toJson(v) : toYaml(v).replace(/\n$/, ''));
    return;
  }
  if (o) throw new KubectlError(`error: --output must be 'yaml' or 'json'`);
  ctx.out(`Client Version: ${CLIENT_VERSION}`);
  ctx.out(`Kustomize Version: ${KUSTOMIZE_VERSION}`);
  if (!ctx.flags.bool('client')) ctx.out(`Server Version: ${server}`);
}

export function runClusterInfo(ctx: Ctx): void {
  if (ctx.flags.args[0] === 'dump') throw new KubectlError('error: cluster-info dump is not supported by this simulator');
  ctx.out('Kubernetes control plane is running at https://127.0.0.1:6443');
  const dns = ctx.api.served('', 'services') ? ctx.api.tryGet({ group: '', resource: 'services' }, 'kube-system', 'kube-dns') : undefined;
  if (dns) ctx.out('CoreDNS is running at https://127.0.0.1:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy');
  ctx.out('');
  ctx.out("To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.");
}

export function runApiResources(ctx: Ctx): void {
  const f = ctx.flags;
  let infos = ctx.api.catalogue.all().filter((i) => ctx.api.served(i.group, i.resource));
  if (f.has('namespaced')) infos = infos.filter((i) => i.namespaced === f.bool('namespaced'));
  if (f.has('api-group')) infos = infos.filter((i) => i.group === f.str('api-group'));
  if (f.arr('verbs').length) infos = infos.filter((i) => f.arr('verbs').every((v) => i.verbs.includes(v)));
  infos.sort((a, b) => (a.group === b.group ? (a.resource < b.resource ? -1 : 1) : a.group === '' ? -1 : b.group === '' ? 1 : a.group < b.group ? -1 : 1));
  const o = f.str('output');
  if (o === 'name') {
    for (const i of infos) ctx.out(i.group ? `${i.resource}.${i.group}` : i.resource);
    return;
  }
  if (o && o !== 'wide') throw new KubectlError(`error: --output ${o} is not available`);
  const rows: string[][] = [];
  const header = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'];
  if (o === 'wide') header.push('VERBS', 'CATEGORIES');
  if (!f.bool('no-headers')) rows.push(header);
  for (const i of infos) {
    const r = [i.resource, i.shortNames.join(','), apiVersionOf(i), String(i.namespaced), i.kind];
    if (o === 'wide') r.push(`[${i.verbs.join(' ')}]`, i.resource === 'pods' || i.resource === 'deployments' || i.resource === 'replicasets' || i.resource === 'replicationcontrollers' ? 'all' : '');
    rows.push(r);
  }
  for (const line of formatTable(rows)) ctx.out(line);
}
