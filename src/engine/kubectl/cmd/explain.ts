// kubectl explain: mirrors staging/src/k8s.io/kubectl/pkg/cmd/explain/explain.go. The first
// part of `pod.spec.containers` names the resource (any accepted form), the rest a field path;
// the text comes from ../explain/ (the editor's schema, see explain/schema.ts).
import { resolveType } from '../builder';
import type { Ctx } from '../context';
import { KubectlError } from '../errors';
import type { FlagSpec } from '../flags';
import { explain, ExplainError } from '../explain/explain';
import { apiVersionOf } from '../../api/resources';

export const EXPLAIN_FLAGS: FlagSpec[] = [
  { name: 'recursive', type: 'bool' },
  { name: 'api-version', type: 'string' },
  { name: 'output', short: 'o', type: 'string', default: 'plaintext' },
];

export function runExplain(ctx: Ctx): void {
  const args = ctx.flags.args;
  if (!args.length) {
    throw new KubectlError(
      'You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee \'kubectl explain -h\' for help and examples',
    );
  }
  if (args.length > 1) throw new KubectlError(`error: We accept only this format: explain RESOURCE\nSee 'kubectl explain -h' for help and examples`);
  const o = ctx.flags.str('output');
  if (o !== 'plaintext' && o !== 'plaintext-openapiv2') throw new KubectlError(`error: supported output format types are plaintext, plaintext-openapiv2`);
  // `deployments.apps.spec`: the type may carry a group; try the longest prefix that resolves.
  const parts = args[0].split('.');
  let info = undefined;
  let used = 1;
  for (let i = parts.length; i >= 1 && !info; i--) {
    const r = ctx.api.catalogue.resolve(parts.slice(0, i).join('.'));
    if (r && ctx.api.served(r.group, r.resource) && (i === 1 || parts.slice(1, i).join('.').length > 0 && (r.group.startsWith(parts[1]) || `${r.version}.${r.group}`.startsWith(parts.slice(1, i).join('.'))))) {
      info = r;
      used = i;
    }
  }
  info ??= resolveType(ctx, parts[0]);
  const path = parts.slice(used).filter(Boolean);
  try {
    ctx.out(explain(info.kind, apiVersionOf(info), path, ctx.flags.bool('recursive')).replace(/\n$/, ''));
  } catch (e) {
    if (e instanceof ExplainError) throw new KubectlError(`error: ${e.message}`);
    throw e;
  }
}
