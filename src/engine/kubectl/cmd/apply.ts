// kubectl apply (client-side): mirrors staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go and
// patcher.go. Every manifest is read and parsed first (a syntax error applies nothing); then
// each object is created (with its last-applied annotation) or three-way patched, and the
// errors of the failing ones are reported together at the end.
import type { KubeObject } from '../../api/meta';
import { isNotFound } from '../../apiserver/errors';
import { lastAppliedOf, withLastApplied } from '../apply/lastapplied';
import { threeWayPatch } from '../apply/merge';
import { nameString } from '../builder';
import type { Ctx } from '../context';
import { addSourceToErr, AggregateError, KubectlError } from '../errors';
import type { FlagSpec } from '../flags';
import { readFilenameArgs, type Manifest } from '../manifest';
import { parseOutputFormat, printObjects } from '../printers/output';
import { namespaceFor } from './common';
import { apiVersionOf, type ResourceInfo } from '../../api/resources';

export const APPLY_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'dry-run', type: 'string', default: 'none' },
  { name: 'server-side', type: 'bool' },
  { name: 'force', type: 'bool' },
  { name: 'prune', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'validate', type: 'string', default: 'strict' },
  { name: 'field-manager', type: 'string', default: 'kubectl-client-side-apply' },
  { name: 'overwrite', type: 'bool', default: true },
  { name: 'record', type: 'bool' },
  { name: 'wait', type: 'bool' },
  { name: 'save-config', type: 'bool' },
];

/** Resolve a manifest's kind, or the error kubectl reports for an unknown kind/version. */
export function mappingFor(ctx: Ctx, m: Manifest): ResourceInfo {
  const info = ctx.api.catalogue.forKind(m.object.apiVersion, m.object.kind);
  if (!info || !ctx.api.served(info.group, info.resource)) {
    throw new Error(
      `resource mapping not found for name: "${m.object.metadata.name ?? ''}" namespace: "${m.object.metadata.namespace ?? ''}" from "${m.source}": no matches for kind "${m.object.kind}" in version "${m.object.apiVersion}"\nensure CRDs are installed first`,
    );
  }
  return info;
}

export function dryRunMode(ctx: Ctx): 'none' | 'client' | 'server' {
  const v = ctx.flags.str('dry-run') || 'none';
  if (v === 'none' || v === 'client' || v === 'server') return v;
  if (v === 'true' || v === 'unchanged') return 'client';
  if (v === 'false') return 'none';
  throw new KubectlError(`error: Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
}

export function dryRunSuffix(mode: 'none' | 'client' | 'server'): string {
  return mode === 'client' ? ' (dry run)' : mode === 'server' ? ' (server dry run)' : '';
}

export function runApply(ctx: Ctx): void {
  const files = ctx.flags.arr('filename');
  if (!files.length) throw new KubectlError('error: must specify one of -f and -k');
  if (ctx.flags.bool('server-side')) throw new KubectlError('error: server-side apply is not supported by this simulator yet; use client-side apply (the default)');
  const format = parseOutputFormat(ctx.flags.str('output'), false);
  const mode = dryRunMode(ctx);
  const manifests = readFilenameArgs(ctx, files);
  if (!manifests.length) throw new KubectlError('error: no objects passed to apply');
  const errors: unknown[] = [];
  const printed: KubeObject[] = [];
  for (const m of manifests) {
    let info: ResourceInfo;
    try {
      info = mappingFor(ctx, m);
    } catch (e) {
      errors.push(e);
      continue;
    }
    const ns = namespaceFor(ctx, info, m.object.metadata.namespace);
    const obj: KubeObject = { ...m.object, metadata: { ...m.object.metadata } };
    if (info.namespaced) obj.metadata.namespace = ns;
    const name = obj.metadata.name;
    if (!name) {
      errors.push(new Error(`error when retrieving current configuration of:\nResource: "${apiVersionOf(info)}, Resource=${info.resource}", GroupVersionKind: "${apiVersionOf(info)}, Kind=${info.kind}"\nName: "", Namespace: "${ns}"\nfrom server for: "${m.source}": resource name may not be empty`));
      continue;
    }
    const modified = withLastApplied(obj);
    const current = ctx.api.tryGet(info, ns, name);
    let op: string;
    let result: KubeObject = modified;
    try {
      if (!current) {
        if (mode !== 'client') result = ctx.api.create(info, ns, modified, { dryRun: mode === 'server', user: 'kubectl-client-side-apply' });
        op = 'created';
      } else {
        const patch = threeWayPatch(lastAppliedOf(current), modified as unknown as Record<string, unknown>, current as unknown as Record<string, unknown>);
        if (Object.keys(patch).length === 0) {
          op = 'unchanged';
          result = current;
        } else {
          try {
            if (mode !== 'client') result = ctx.api.patch(info, ns, name, 'strategic', patch, { dryRun: mode === 'server', user: 'kubectl-client-side-apply' });
          } catch (e) {
            if (isNotFound(e)) throw e;
            throw addSourceToErr(
              `applying patch:\n${JSON.stringify(patch)}\nto:\nResource: "${apiVersionOf(info)}, Resource=${info.resource}", GroupVersionKind: "${apiVersionOf(info)}, Kind=${info.kind}"\nName: "${name}", Namespace: "${ns}"\nfor:`,
              m.source,
              e,
            );
          }
          op = 'configured';
        }
      }
    } catch (e) {
      errors.push(current ? e : addSourceToErr('creating', m.source, e));
      continue;
    }
    if (format === 'name') ctx.out(nameString(info, name));
    else if (format === 'json' || format === 'yaml') printed.push(result);
    else ctx.out(`${nameString(info, name)} ${op}${dryRunSuffix(mode)}`);
  }
  if (printed.length) ctx.out(printObjects(printed, format as 'json' | 'yaml', printed.length > 1).replace(/\n$/, ''));
  if (errors.length) throw errors.length === 1 ? errors[0] : new AggregateError(errors);
}
