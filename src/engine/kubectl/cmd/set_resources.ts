// kubectl set resources: mirrors staging/src/k8s.io/kubectl/pkg/cmd/set/set_resources.go.
// `--limits=cpu=200m,memory=512Mi --requests=cpu=100m` on every container (or those -c picks);
// values given replace those of the same resource, others are kept.
import { isQuantity } from '../../api/quantity';
import type { ResourceRequirements } from '../../api/core';
import { nameString } from '../builder';
import type { Ctx } from '../context';
import { AggregateError, KubectlError } from '../errors';
import type { FlagSpec } from '../flags';
import { dryRunMode, dryRunSuffix } from './apply';
import { selectObjects } from './scale';
import { containerFieldOp, containerMatches, containersOf, podSpecPointer, type JsonPatchOp } from './set_common';

export const SET_RESOURCES_FLAGS: FlagSpec[] = [
  { name: 'containers', short: 'c', type: 'string', default: '*' },
  { name: 'limits', type: 'string' },
  { name: 'requests', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'local', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'dry-run', type: 'string', default: 'none' },
];

/** `cpu=200m,memory=512Mi` → { cpu: '200m', memory: '512Mi' }, with kubectl's errors. */
export function parseResourceList(spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!spec) return out;
  for (const part of spec.split(',')) {
    const [k, v, extra] = part.split('=');
    if (!k || v === undefined || extra !== undefined) throw new KubectlError(`error: invalid resource spec: "${part}"`);
    if (!isQuantity(v)) throw new KubectlError(`error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`);
    out[k] = v;
  }
  return out;
}

export function runSetResources(ctx: Ctx): void {
  const f = ctx.flags;
  const limits = parseResourceList(f.str('limits'));
  const requests = parseResourceList(f.str('requests'));
  if (!Object.keys(limits).length && !Object.keys(requests).length) {
    throw new KubectlError("error: you must specify an update to requests or limits (in the form of --requests/--limits)\nSee 'kubectl set resources -h' for help and examples");
  }
  const mode = dryRunMode(ctx);
  const errors: unknown[] = [];
  for (const { info, obj } of selectObjects(ctx, f.args)) {
    const path = podSpecPointer(info);
    const name = obj.metadata.name ?? '';
    if (!path) {
      errors.push(new KubectlError(`error: ${info.resource}/${name} does not have a pod template`));
      continue;
    }
    const ops: JsonPatchOp[] = [];
    let matched = false;
    containersOf(obj, path).forEach((c, i) => {
      if (!containerMatches(f.str('containers'), c.name)) return;
      matched = true;
      const cur = (c.resources ?? {}) as ResourceRequirements;
      const next: ResourceRequirements = { ...cur };
      if (Object.keys(limits).length) next.limits = { ...(cur.limits ?? {}), ...limits };
      if (Object.keys(requests).length) next.requests = { ...(cur.requests ?? {}), ...requests };
      if (JSON.stringify(next) === JSON.stringify(cur)) return;
      const op = containerFieldOp(path, i, 'resources', c.resources !== undefined, next);
      if (op) ops.push(op);
    });
    if (!matched) {
      errors.push(new KubectlError(`error: unable to find container named ${f.str('containers')}`));
      continue;
    }
    try {
      if (ops.length && mode !== 'client') ctx.api.patch(info, obj.metadata.namespace ?? '', name, 'json', ops, { dryRun: mode === 'server' });
      ctx.out(`${nameString(info, name)} resource requirements updated${dryRunSuffix(mode)}`);
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length) throw errors.length === 1 ? errors[0] : new AggregateError(errors);
}
