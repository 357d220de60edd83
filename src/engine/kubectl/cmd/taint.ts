// kubectl taint (staging/src/k8s.io/kubectl/pkg/cmd/taint/taint.go, utils.go): add
// `key=value:Effect`, remove `key:Effect-` or every effect of `key-`, on nodes named or selected.
import type { Node, Taint } from '../../api/core';
import { matches, parseSelector } from '../../api/labels';
import type { Ctx } from '../context';
import { KubectlError } from '../errors';
import type { FlagSpec } from '../flags';

const NODES = { group: '', resource: 'nodes' };
const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

export const TAINT_FLAGS: FlagSpec[] = [
  { name: 'overwrite', type: 'bool' },
  { name: 'all', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'dry-run', type: 'string', default: 'none' },
];

interface Spec {
  add: Taint[];
  remove: { key: string; effect?: string }[];
}

/** parseTaints: `k=v:E` and `k:E` add, `k:E-` and `k-` remove. */
export function parseTaintArgs(args: string[]): Spec {
  const spec: Spec = { add: [], remove: [] };
  for (const a of args) {
    if (a.endsWith('-')) {
      const body = a.slice(0, -1);
      const [key, effect] = body.split(':');
      if (effect !== undefined && !EFFECTS.includes(effect)) throw new KubectlError(`error: invalid taint effect: ${effect}, unsupported taint effect`);
      spec.remove.push(effect === undefined ? { key } : { key, effect });
      continue;
    }
    const colon = a.lastIndexOf(':');
    if (colon < 0) throw new KubectlError(`error: invalid taint spec: ${a}, at least one taint update is required`);
    const effect = a.slice(colon + 1);
    const kv = a.slice(0, colon);
    const eq = kv.indexOf('=');
    const key = eq < 0 ? kv : kv.slice(0, eq);
    const value = eq < 0 ? undefined : kv.slice(eq + 1);
    if (!EFFECTS.includes(effect)) throw new KubectlError(`error: invalid taint effect: ${effect}, unsupported taint effect`);
    if (!key) throw new KubectlError(`error: invalid taint spec: ${a}, at least one taint update is required`);
    spec.add.push(value === undefined || value === '' ? { key, effect: effect as Taint['effect'] } : { key, value, effect: effect as Taint['effect'] });
  }
  if (spec.add.length === 0 && spec.remove.length === 0) throw new KubectlError('error: at least one taint update is required');
  return spec;
}

/** The node's taints after the update, and whether anything was added and/or removed. */
export function applyTaints(node: Node, spec: Spec, overwrite: boolean): { taints: Taint[]; op: 'tainted' | 'untainted' | 'modified' } {
  let taints = [...(node.spec?.taints ?? [])];
  let removed = false;
  for (const r of spec.remove) {
    const before = taints.length;
    taints = taints.filter((t) => !(t.key === r.key && (r.effect === undefined || t.effect === r.effect)));
    if (taints.length === before) throw new KubectlError(`error: taint ${JSON.stringify(r.effect ? `${r.key}:${r.effect}` : r.key)} not found`);
    removed = true;
  }
  let added = false;
  for (const t of spec.add) {
    const i = taints.findIndex((x) => x.key === t.key && x.effect === t.effect);
    if (i >= 0) {
      if (!overwrite) throw new KubectlError(`error: node ${node.metadata.name} already has ${t.key} taint(s) with same effect(s) and --overwrite is false`);
      taints[i] = t;
    } else {
      taints.push(t);
      added = true;
    }
  }
  // As kubectl's reorganizeTaints: --overwrite always reports "modified".
  return { taints, op: (added && removed) || overwrite ? 'modified' : added ? 'tainted' : 'untainted' };
}

export function runTaint(ctx: Ctx): void {
  const args = [...ctx.flags.args];
  const first = args.shift();
  if (!first) throw new KubectlError("error: at least one taint update is required\nSee 'kubectl taint -h' for help and examples");
  let names: string[] = [];
  const [typ, slashName] = first.split('/');
  if (!['node', 'nodes', 'no'].includes(typ.toLowerCase())) {
    throw new KubectlError(`error: invalid resource type ${typ}, only node types are supported`);
  }
  if (slashName) names.push(slashName);
  else if (!ctx.flags.bool('all') && !ctx.flags.str('selector')) {
    const n = args.shift();
    if (!n) throw new KubectlError("error: at least one taint update is required\nSee 'kubectl taint -h' for help and examples");
    names.push(n);
  }
  const spec = parseTaintArgs(args);
  let nodes: Node[];
  if (names.length) nodes = names.map((n) => ctx.api.get(NODES, '', n) as Node);
  else {
    const sel = ctx.flags.str('selector') ? parseSelector(ctx.flags.str('selector')) : [];
    nodes = (ctx.api.list(NODES, undefined).items as Node[]).filter((n) => matches(sel, n.metadata.labels));
    names = nodes.map((n) => n.metadata.name ?? '');
  }
  const dry = ctx.flags.str('dry-run') !== 'none';
  for (const node of nodes) {
    const { taints, op } = applyTaints(node, spec, ctx.flags.bool('overwrite'));
    if (!dry) ctx.api.patch(NODES, '', node.metadata.name ?? '', 'merge', { spec: { taints: taints.length ? taints : null } });
    ctx.out(`node/${node.metadata.name} ${op}${dry ? ' (dry run)' : ''}`);
  }
}
