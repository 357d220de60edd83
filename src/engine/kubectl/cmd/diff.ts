// kubectl diff: mirrors staging/src/k8s.io/kubectl/pkg/cmd/diff/diff.go. For each object of
// the manifests, LIVE is the stored object and MERGED what a server-side dry run of apply
// returns; both are printed as YAML (managedFields left out) and compared with `diff -u -N`.
// Exit code 1 when something differs, 0 when nothing does, as kubectl (and diff) do.
import type { KubeObject } from '../../api/meta';
import { apiVersionOf } from '../../api/resources';
import { lastAppliedOf, withLastApplied } from '../apply/lastapplied';
import { threeWayPatch } from '../apply/merge';
import type { Ctx } from '../context';
import { ExitError, KubectlError } from '../errors';
import type { FlagSpec } from '../flags';
import { readFilenameArgs } from '../manifest';
import { forOutput } from '../printers/output';
import { toYaml } from '../printers/yaml';
import { unifiedDiff } from '../diff/unified';
import { mappingFor } from './apply';
import { namespaceFor } from './common';

export const DIFF_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'server-side', type: 'bool' },
  { name: 'force-conflicts', type: 'bool' },
  { name: 'field-manager', type: 'string', default: 'kubectl-client-side-apply' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'prune', type: 'bool' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'concurrency', type: 'int', default: 1 },
];

/** Timestamp in diff's header format (`2025-03-03 09:00:00.000000000 +0000`), from the simulated clock's ISO time. */
function diffTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.000000000 +0000`;
}

export function runDiff(ctx: Ctx): void {
  const files = ctx.flags.arr('filename');
  if (!files.length) throw new KubectlError('error: must specify one of -f and -k');
  let differs = false;
  const stamp = diffTime(ctx.clock.iso());
  for (const m of readFilenameArgs(ctx, files)) {
    const info = mappingFor(ctx, m);
    const ns = namespaceFor(ctx, info, m.object.metadata.namespace);
    const name = m.object.metadata.name ?? '';
    const obj: KubeObject = { ...m.object, metadata: { ...m.object.metadata } };
    if (info.namespaced) obj.metadata.namespace = ns;
    const modified = withLastApplied(obj);
    const live = ctx.api.tryGet(info, ns, name);
    let merged: KubeObject;
    if (!live) merged = ctx.api.create(info, ns, modified, { dryRun: true, user: 'kubectl-client-side-apply' });
    else {
      const patch = threeWayPatch(lastAppliedOf(live), modified as unknown as Record<string, unknown>, live as unknown as Record<string, unknown>);
      merged = Object.keys(patch).length ? ctx.api.patch(info, ns, name, 'strategic', patch, { dryRun: true, user: 'kubectl-client-side-apply' }) : live;
    }
    const show = (o: KubeObject | undefined) => (o ? toYaml(ctx.flags.bool('show-managed-fields') ? o : forOutput(o)) : '');
    const hunks = unifiedDiff(show(live), show(merged));
    if (!hunks.length) continue;
    differs = true;
    const file = `${apiVersionOf(info).replace('/', '.')}.${info.kind}.${info.namespaced ? `${ns}.` : ''}${name}`;
    const a = `/tmp/LIVE-0000000001/${file}`;
    const b = `/tmp/MERGED-0000000002/${file}`;
    ctx.out(`diff -u -N ${a} ${b}`);
    ctx.out(`--- ${a}\t${stamp}`);
    ctx.out(`+++ ${b}\t${stamp}`);
    for (const l of hunks) ctx.out(l);
  }
  if (differs) throw new ExitError(1);
}
