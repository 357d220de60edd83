// kubectl get: mirrors staging/src/k8s.io/kubectl/pkg/cmd/get/get.go.
import type { KubeObject } from '../../api/meta';
import type { ResourceInfo } from '../../api/resources';
import { parseResourceArgs, nameString } from '../builder';
import type { Ctx } from '../context';
import { AggregateError, KubectlError } from '../errors';
import type { FlagSpec } from '../flags';
import { readFilenameArgs } from '../manifest';
import { parseOutputFormat, printObjects } from '../printers/output';
import { formatTable } from '../printers/tabwriter';
import { tableRows } from '../printers/table';
import { printContext, listOptions, namespaceFor } from './common';

export const GET_FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'show-labels', type: 'bool' },
  { name: 'show-kind', type: 'bool' },
  { name: 'no-headers', type: 'bool' },
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'watch-only', type: 'bool' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'chunk-size', type: 'int', default: 500 },
  { name: 'sort-by', type: 'string' },
];

interface Group {
  info: ResourceInfo;
  objs: KubeObject[];
  listed: boolean;
}

export function runGet(ctx: Ctx): void {
  const f = ctx.flags;
  const format = parseOutputFormat(f.str('output'));
  const all = f.bool('all-namespaces');
  const errors: unknown[] = [];
  const groups: Group[] = [];
  const groupFor = (info: ResourceInfo, listed: boolean): Group => {
    let g = groups.find((x) => x.info === info && x.listed === listed);
    if (!g) {
      g = { info, objs: [], listed };
      groups.push(g);
    }
    return g;
  };

  if (f.arr('filename').length) {
    for (const m of readFilenameArgs(ctx, f.arr('filename'))) {
      const info = ctx.api.catalogue.forKind(m.object.apiVersion, m.object.kind);
      if (!info) throw new KubectlError(`error: resource mapping not found for name: "${m.object.metadata.name ?? ''}" namespace: "${m.object.metadata.namespace ?? ''}" from "${m.source}": no matches for kind "${m.object.kind}" in version "${m.object.apiVersion}"\nensure CRDs are installed first`);
      try {
        groupFor(info, false).objs.push(ctx.api.get(info, namespaceFor(ctx, info, m.object.metadata.namespace), m.object.metadata.name ?? ''));
      } catch (e) {
        errors.push(e);
      }
    }
  } else {
    if (!f.args.length) {
      throw new KubectlError(
        'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples',
      );
    }
    const refs = parseResourceArgs(ctx, f.args);
    for (const ref of refs) {
      if (ref.name === undefined) {
        const ns = all ? undefined : namespaceFor(ctx, ref.info);
        const list = ctx.api.list(ref.info, ns, listOptions(ctx));
        groupFor(ref.info, true).objs.push(...list.items);
      } else {
        try {
          const obj = ctx.api.get(ref.info, namespaceFor(ctx, ref.info), ref.name);
          groupFor(ref.info, false).objs.push(obj);
        } catch (e) {
          if (!(f.bool('ignore-not-found') && e instanceof Error && (e as { reason?: string }).reason === 'NotFound')) errors.push(e);
        }
      }
    }
  }

  const objs = groups.flatMap((g) => g.objs);
  const anyListed = groups.some((g) => g.listed) || groups.length > 1 || objs.length !== 1;
  if (format === 'json' || format === 'yaml') {
    if (objs.length || anyListed) ctx.out(printObjects(objs, format, anyListed).replace(/\n$/, ''));
  } else if (format === 'name') {
    for (const g of groups) for (const o of g.objs) ctx.out(nameString(g.info, o.metadata.name ?? ''));
  } else {
    const withKind = f.bool('show-kind') || new Set(groups.map((g) => g.info)).size > 1;
    const p = printContext(ctx);
    let first = true;
    // Objects of the same type share one table, as kubectl prints them.
    const byType = new Map<ResourceInfo, KubeObject[]>();
    for (const g of groups) byType.set(g.info, [...(byType.get(g.info) ?? []), ...g.objs]);
    for (const [info, list] of byType) {
      if (!list.length) continue;
      if (!first) ctx.out('');
      first = false;
      const rows = tableRows(info, list, p, {
        wide: format === 'wide',
        withNamespace: all,
        withKind,
        showLabels: f.bool('show-labels'),
        noHeaders: f.bool('no-headers'),
      });
      for (const line of formatTable(rows)) ctx.out(line);
    }
  }
  if (!objs.length && !errors.length && format !== 'json' && format !== 'yaml') {
    const namespaced = groups.some((g) => g.info.namespaced) || groups.length === 0;
    if (all || !namespaced) ctx.err('No resources found');
    else ctx.err(`No resources found in ${ctx.namespace} namespace.`);
  }
  if (errors.length) throw errors.length === 1 ? errors[0] : new AggregateError(errors);
}

