// kubectl replace: mirrors staging/src/k8s.io/kubectl/pkg/cmd/replace/replace.go. Each object of
// the manifests is PUT over the stored one (which must exist); --force deletes it, waits until
// it is gone (advancing simulated time) and creates it again.
import type { KubeObject } from '../../api/meta';
import { nameString, kindString } from '../builder';
import type { Ctx } from '../context';
import { addSourceToErr, AggregateError, KubectlError } from '../errors';
import type { FlagSpec } from '../flags';
import { readFilenameArgs } from '../manifest';
import { dryRunMode, dryRunSuffix, mappingFor } from './apply';
import { namespaceFor, waitFor } from './common';

export const REPLACE_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'force', type: 'bool' },
  { name: 'grace-period', type: 'int', default: -1 },
  { name: 'timeout', type: 'duration', default: 0 },
  { name: 'wait', type: 'bool' },
  { name: 'cascade', type: 'string', default: 'background' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'dry-run', type: 'string', default: 'none' },
  { name: 'save-config', type: 'bool' },
  { name: 'validate', type: 'string', default: 'strict' },
];

export function runReplace(ctx: Ctx): void {
  const files = ctx.flags.arr('filename');
  if (!files.length) throw new KubectlError("error: must specify --filename to replace\nSee 'kubectl replace -h' for help and examples");
  const mode = dryRunMode(ctx);
  const force = ctx.flags.bool('force');
  if (force && mode !== 'none') throw new KubectlError('error: --dry-run can not be used when --force is set');
  const errors: unknown[] = [];
  for (const m of readFilenameArgs(ctx, files)) {
    try {
      const info = mappingFor(ctx, m);
      const ns = namespaceFor(ctx, info, m.object.metadata.namespace);
      const name = m.object.metadata.name ?? '';
      const obj: KubeObject = { ...m.object, metadata: { ...m.object.metadata } };
      if (info.namespaced) obj.metadata.namespace = ns;
      if (force) {
        if (ctx.api.tryGet(info, ns, name)) {
          const grace = ctx.flags.int('grace-period');
          ctx.api.delete(info, ns, name, grace >= 0 ? { gracePeriodSeconds: grace } : {});
          ctx.out(`${kindString(info)} "${name}" deleted`);
          const timeout = ctx.flags.ms('timeout') || 5 * 60_000;
          if (!waitFor(ctx, () => !ctx.api.tryGet(info, ns, name), timeout)) {
            throw new KubectlError(`error: timed out waiting for the condition on ${info.resource}/${name}`);
          }
        }
        delete obj.metadata.resourceVersion;
        try {
          ctx.api.create(info, ns, obj);
        } catch (e) {
          throw addSourceToErr('creating', m.source, e);
        }
        ctx.out(`${nameString(info, name)} replaced`);
        continue;
      }
      try {
        if (mode !== 'client') ctx.api.update(info, ns, obj, { dryRun: mode === 'server' });
      } catch (e) {
        throw addSourceToErr('replacing', m.source, e);
      }
      ctx.out(`${nameString(info, name)} replaced${dryRunSuffix(mode)}`);
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length) throw errors.length === 1 ? errors[0] : new AggregateError(errors);
}
