// kubectl patch: mirrors staging/src/k8s.io/kubectl/pkg/cmd/patch/patch.go. The patch text may
// be JSON or YAML (kubectl converts it to JSON first); the API server applies it (strategic,
// merge or json, see apiserver/patch.ts). An unchanged object prints "patched (no change)".
import { parse as parseYaml } from 'yaml';
import { nameString } from '../builder';
import type { Ctx } from '../context';
import { AggregateError, KubectlError } from '../errors';
import type { FlagSpec } from '../flags';
import type { PatchType } from '../../apiserver/apiserver';
import { parseOutputFormat, printObjects } from '../printers/output';
import { dryRunMode, dryRunSuffix } from './apply';
import { selectObjects } from './scale';

export const PATCH_FLAGS: FlagSpec[] = [
  { name: 'patch', short: 'p', type: 'string' },
  { name: 'patch-file', type: 'string' },
  { name: 'type', type: 'string', default: 'strategic' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'local', type: 'bool' },
  { name: 'subresource', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'dry-run', type: 'string', default: 'none' },
  { name: 'field-manager', type: 'string', default: 'kubectl-patch' },
];

/** Read the patch text as kubectl does: YAML or JSON, converted to a JSON value. */
export function parsePatch(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    try {
      const v: unknown = parseYaml(text);
      if (typeof v !== 'object' || v === null) throw new Error('not an object');
      return v;
    } catch (e) {
      throw new KubectlError(`error: unable to parse "${text}": yaml: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
  }
}

export function runPatch(ctx: Ctx): void {
  const f = ctx.flags;
  const type = f.str('type') as PatchType;
  if (!['json', 'merge', 'strategic'].includes(type)) throw new KubectlError(`error: --type must be one of [json merge strategic], not "${f.str('type')}"`);
  let text = f.str('patch');
  if (f.has('patch') && f.has('patch-file')) throw new KubectlError('error: cannot specify --patch and --patch-file together');
  if (f.has('patch-file')) {
    const t = ctx.opts.readFile?.(f.str('patch-file'));
    if (t === undefined) throw new KubectlError(`error: unable to read patch file: open ${f.str('patch-file')}: no such file or directory`);
    text = t;
  }
  if (!text.trim()) throw new KubectlError("error: must specify --patch or --patch-file containing the contents of the patch\nSee 'kubectl patch -h' for help and examples");
  const patch = parsePatch(text);
  if (type === 'json' && !Array.isArray(patch)) throw new KubectlError('error: unable to parse the patch: json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  if (f.bool('local')) throw new KubectlError('error: --local is not supported in the playground: patch an object in the cluster');
  const format = f.str('output') ? parseOutputFormat(f.str('output'), false) : '';
  const mode = dryRunMode(ctx);
  const targets = selectObjects(ctx, f.args);
  const errors: unknown[] = [];
  for (const { info, obj } of targets) {
    const name = obj.metadata.name ?? '';
    try {
      const sub = f.str('subresource');
      if (sub && sub !== 'status' && sub !== 'scale') throw new KubectlError(`error: invalid subresource value: "${sub}". Must be one of [status scale]`);
      const result = mode === 'client' ? obj : ctx.api.patch(info, obj.metadata.namespace ?? '', name, type, patch, { dryRun: mode === 'server', user: 'kubectl-patch', subresource: sub === 'status' ? 'status' : undefined });
      if (format === 'json' || format === 'yaml') ctx.out(printObjects([result], format, false).replace(/\n$/, ''));
      else if (format === 'name') ctx.out(nameString(info, name));
      else {
        const unchanged = mode === 'none' && result.metadata.resourceVersion === obj.metadata.resourceVersion;
        ctx.out(`${nameString(info, name)} patched${unchanged ? ' (no change)' : ''}${dryRunSuffix(mode)}`);
      }
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length) throw errors.length === 1 ? errors[0] : new AggregateError(errors);
}
