// kubectl set env: mirrors staging/src/k8s.io/kubectl/pkg/cmd/set/set_env.go. `KEY=VALUE` sets,
// `KEY-` removes, --list prints the variables of each container; -c picks containers.
import type { EnvVar } from '../../api/core';
import { nameString } from '../builder';
import type { Ctx } from '../context';
import { AggregateError, KubectlError } from '../errors';
import type { FlagSpec } from '../flags';
import { dryRunMode, dryRunSuffix } from './apply';
import { selectObjects } from './scale';
import { containerFieldOp, containerMatches, containersOf, podSpecPointer, type JsonPatchOp } from './set_common';

export const SET_ENV_FLAGS: FlagSpec[] = [
  { name: 'containers', short: 'c', type: 'string', default: '*' },
  { name: 'env', short: 'e', type: 'stringArray' },
  { name: 'list', type: 'bool' },
  { name: 'resolve', type: 'bool' },
  { name: 'overwrite', type: 'bool', default: true },
  { name: 'all', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'local', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'dry-run', type: 'string', default: 'none' },
];

export function runSetEnv(ctx: Ctx): void {
  const f = ctx.flags;
  const changes = [...f.args.filter((a) => a.includes('=') || (/^[A-Za-z_][A-Za-z0-9_.-]*-$/.test(a) && !a.includes('/'))), ...f.arr('env')];
  const resources = f.args.filter((a) => !changes.includes(a));
  // A bare `NAME-` right after the type would be a resource name ending in '-', which is invalid anyway.
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const c of changes) {
    if (c.includes('=')) {
      const k = c.slice(0, c.indexOf('='));
      if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(k)) throw new KubectlError(`error: invalid env: ${c}`);
      set.set(k, c.slice(c.indexOf('=') + 1));
    } else remove.push(c.slice(0, -1));
  }
  const list = f.bool('list');
  if (!list && !set.size && !remove.length) throw new KubectlError("error: at least one environment variable must be provided\nSee 'kubectl set env -h' for help and examples");
  const mode = dryRunMode(ctx);
  const errors: unknown[] = [];
  for (const { info, obj } of selectObjects(ctx, resources)) {
    const path = podSpecPointer(info);
    const name = obj.metadata.name ?? '';
    if (!path) {
      errors.push(new KubectlError(`error: ${info.resource}/${name} does not have a pod template`));
      continue;
    }
    const ops: JsonPatchOp[] = [];
    let matched = false;
    for (const init of [false, true]) {
      containersOf(obj, path, init).forEach((c, i) => {
        if (!containerMatches(f.str('containers'), c.name)) return;
        matched = true;
        if (list) {
          ctx.out(`# ${info.kind} ${name}, ${init ? 'init container' : 'container'} ${c.name}`);
          for (const e of c.env ?? []) ctx.out(e.value !== undefined ? `${e.name}=${e.value}` : `# ${e.name} from ${Object.keys(e.valueFrom ?? {})[0] ?? 'a source'}`);
          return;
        }
        const env: EnvVar[] = (c.env ?? []).map((e) => ({ ...e }));
        for (const [k, v] of set) {
          const at = env.findIndex((e) => e.name === k);
          if (at >= 0) env[at] = { name: k, value: v };
          else env.push({ name: k, value: v });
        }
        const next = env.filter((e) => !remove.includes(e.name));
        if (JSON.stringify(next) === JSON.stringify(c.env ?? [])) return;
        const op = containerFieldOp(path, i, 'env', c.env !== undefined, next.length ? next : undefined, init);
        if (op) ops.push(op);
      });
    }
    if (list) continue;
    if (!matched) {
      errors.push(new KubectlError(`error: unable to find container named ${f.str('containers')}`));
      continue;
    }
    if (!ops.length) continue;
    try {
      if (mode !== 'client') ctx.api.patch(info, obj.metadata.namespace ?? '', name, 'json', ops, { dryRun: mode === 'server' });
      ctx.out(`${nameString(info, name)} env updated${dryRunSuffix(mode)}`);
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length) throw errors.length === 1 ? errors[0] : new AggregateError(errors);
}
