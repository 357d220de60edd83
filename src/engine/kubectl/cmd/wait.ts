// kubectl wait: mirrors staging/src/k8s.io/kubectl/pkg/cmd/wait/wait.go (and condition.go,
// delete.go, json.go). --for=delete | condition=NAME[=VALUE] | jsonpath='{PATH}'[=VALUE] |
// create; each object is waited for in turn, advancing simulated time, up to --timeout (30s).
import type { KubeObject } from '../../api/meta';
import type { ResourceInfo } from '../../api/resources';
import { parseResourceArgs, nameString } from '../builder';
import type { Ctx } from '../context';
import { AggregateError, KubectlError } from '../errors';
import type { FlagSpec } from '../flags';
import { jsonPathValues, valueText } from '../jsonpath/jsonpath';
import { readFilenameArgs } from '../manifest';
import { mappingFor } from './apply';
import { listOptions, namespaceFor, waitFor } from './common';

export const WAIT_FLAGS: FlagSpec[] = [
  { name: 'for', type: 'stringArray' },
  { name: 'timeout', type: 'duration', default: 30_000 },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'local', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
];

type Condition = (obj: KubeObject | undefined) => boolean;

/** Turn --for into a test on the object (undefined: the object does not exist). */
export function parseFor(spec: string): { test: Condition; isDelete: boolean; isCreate: boolean } {
  const lower = spec.toLowerCase();
  if (lower === 'delete') return { test: (o) => !o, isDelete: true, isCreate: false };
  if (lower === 'create') return { test: (o) => !!o, isDelete: false, isCreate: true };
  if (lower.startsWith('condition=')) {
    const rest = spec.slice('condition='.length);
    const eq = rest.indexOf('=');
    const type = eq < 0 ? rest : rest.slice(0, eq);
    const value = eq < 0 ? 'true' : rest.slice(eq + 1);
    if (!type) throw new KubectlError(`error: unrecognized condition: "${spec}"`);
    return {
      test: (o) => {
        const conds = ((o?.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions) ?? [];
        return conds.some((c) => c.type.toLowerCase() === type.toLowerCase() && c.status.toLowerCase() === value.toLowerCase());
      },
      isDelete: false,
      isCreate: false,
    };
  }
  if (lower.startsWith('jsonpath=')) {
    const rest = spec.slice('jsonpath='.length);
    // `{.status.phase}=Running` or `.status.phase=Running`; without a value: the field exists.
    let path: string;
    let value: string | undefined;
    if (rest.startsWith('{')) {
      const close = rest.indexOf('}');
      if (close < 0) throw new KubectlError(`error: unrecognized condition: "${spec}"`);
      path = rest.slice(0, close + 1);
      value = rest.length > close + 1 ? rest.slice(close + 2) : undefined;
      if (rest.length > close + 1 && rest[close + 1] !== '=') throw new KubectlError(`error: jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'`);
    } else {
      const eq = rest.indexOf('=');
      path = `{${eq < 0 ? rest : rest.slice(0, eq)}}`;
      value = eq < 0 ? undefined : rest.slice(eq + 1);
    }
    return {
      test: (o) => {
        if (!o) return false;
        const vals = jsonPathValues(path, o);
        if (!vals.length) return false;
        if (value === undefined) return true;
        return vals.length === 1 && valueText(vals[0]) === value;
      },
      isDelete: false,
      isCreate: false,
    };
  }
  throw new KubectlError(`error: unrecognized condition: "${spec}"`);
}

export function runWait(ctx: Ctx): void {
  const f = ctx.flags;
  const fors = f.arr('for');
  if (!fors.length) throw new KubectlError("error: --for must be specified\nSee 'kubectl wait -h' for help and examples");
  if (fors.length > 1) throw new KubectlError('error: multiple --for conditions are not supported in the playground');
  const cond = parseFor(fors[0]);
  const timeout = f.ms('timeout') < 0 ? 7 * 24 * 3600_000 : f.ms('timeout');
  const targets: { info: ResourceInfo; ns: string; name: string }[] = [];
  if (f.arr('filename').length) {
    for (const m of readFilenameArgs(ctx, f.arr('filename'))) {
      const info = mappingFor(ctx, m);
      targets.push({ info, ns: namespaceFor(ctx, info, m.object.metadata.namespace), name: m.object.metadata.name ?? '' });
    }
  } else {
    if (!f.args.length) throw new KubectlError("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
    for (const ref of parseResourceArgs(ctx, f.args)) {
      const ns = f.bool('all-namespaces') ? undefined : namespaceFor(ctx, ref.info);
      if (ref.name !== undefined) targets.push({ info: ref.info, ns: ns ?? '', name: ref.name });
      else if (f.bool('all') || f.str('selector') || f.str('field-selector')) {
        // With a selector, the objects matching now are waited for (a real kubectl re-lists).
        const items = ctx.api.list(ref.info, ns, listOptions(ctx)).items;
        if (!items.length && !cond.isDelete) {
          if (!waitFor(ctx, () => ctx.api.list(ref.info, ns, listOptions(ctx)).items.length > 0, timeout)) throw new KubectlError('error: no matching resources found');
        }
        for (const o of ctx.api.list(ref.info, ns, listOptions(ctx)).items) targets.push({ info: ref.info, ns: o.metadata.namespace ?? '', name: o.metadata.name ?? '' });
        if (!items.length && cond.isDelete) throw new KubectlError('error: no matching resources found');
      } else throw new KubectlError('error: resource(s) were provided, but no name was specified');
    }
  }
  const errors: unknown[] = [];
  const deadline = ctx.now() + timeout;
  for (const t of targets) {
    const current = () => ctx.api.tryGet(t.info, t.ns, t.name);
    if (!current() && !cond.isDelete && !cond.isCreate) {
      try {
        ctx.api.get(t.info, t.ns, t.name);
      } catch (e) {
        errors.push(e);
        continue;
      }
    }
    if (cond.isDelete && !current()) continue;
    const left = Math.max(0, deadline - ctx.now());
    if (waitFor(ctx, () => cond.test(current()), left)) ctx.out(`${nameString(t.info, t.name)} condition met`);
    else errors.push(new KubectlError(`error: timed out waiting for the condition on ${t.info.resource}/${t.name}`));
  }
  if (errors.length) throw errors.length === 1 ? errors[0] : new AggregateError(errors);
}
