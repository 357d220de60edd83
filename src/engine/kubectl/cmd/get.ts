// kubectl get: mirrors staging/src/k8s.io/kubectl/pkg/cmd/get/get.go (the `all` category,
// -L label columns, --sort-by, template printers and --watch; see ../watch.ts for watches).
import type { KubeObject } from '../../api/meta';
import type { ResourceInfo } from '../../api/resources';
import { parseResourceArgs, nameString, resolveType, type ResourceRef } from '../builder';
import type { Ctx } from '../context';
import { AggregateError, KubectlError } from '../errors';
import type { FlagSpec } from '../flags';
import { readFilenameArgs } from '../manifest';
import { parseOutputFormat, printObjects } from '../printers/output';
import { parseTemplateFormat, printTemplate, sortObjects } from '../printers/template_output';
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
  { name: 'label-columns', short: 'L', type: 'stringArray' },
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'watch-only', type: 'bool' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'chunk-size', type: 'int', default: 500 },
  { name: 'sort-by', type: 'string' },
];

/** The `all` category (what `kubectl api-resources --categories=all` lists), in discovery order. */
export const ALL_CATEGORY = [
  'pods', 'replicationcontrollers', 'services', 'daemonsets.apps', 'deployments.apps', 'replicasets.apps',
  'statefulsets.apps', 'horizontalpodautoscalers.autoscaling', 'cronjobs.batch', 'jobs.batch',
];

interface Group {
  info: ResourceInfo;
  objs: KubeObject[];
  listed: boolean;
}

/** Expand `all` (alone or in a comma list) into the category's types. */
function expandAll(ctx: Ctx, args: string[]): string[] {
  if (!args.length || args[0].includes('/')) return args;
  const types = args[0].split(',');
  if (!types.includes('all')) return args;
  const expanded = types.flatMap((t) => (t === 'all' ? ALL_CATEGORY.filter((a) => { const i = ctx.api.catalogue.resolve(a); return !!i && ctx.api.served(i.group, i.resource); }) : [t]));
  return [[...new Set(expanded)].join(','), ...args.slice(1)];
}

export function runGet(ctx: Ctx): void {
  const f = ctx.flags;
  const template = parseTemplateFormat(f.str('output'));
  const format = template ? '' : parseOutputFormat(f.str('output'));
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
  let refs: ResourceRef[] = [];
  const usedAll = f.args.length > 0 && !f.args[0].includes('/') && f.args[0].split(',').includes('all');

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
    refs = parseResourceArgs(ctx, expandAll(ctx, f.args));
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

  if (f.str('sort-by')) for (const g of groups) g.objs = sortObjects(g.objs, f.str('sort-by'));
  let objs = groups.flatMap((g) => g.objs);
  if (f.str('sort-by') && groups.length > 1) objs = sortObjects(objs, f.str('sort-by'));
  const anyListed = groups.some((g) => g.listed) || groups.length > 1 || objs.length !== 1;
  const watchOnly = f.bool('watch-only');
  if (watchOnly) {
    // --watch-only: no initial table.
  } else if (template) {
    if (objs.length || anyListed) {
      const text = printTemplate(template, objs, anyListed, f.bool('no-headers')).join('\n');
      // jsonpath output has no trailing newline, as kubectl prints it.
      if (template.kind === 'custom-columns' || text.endsWith('\n')) ctx.out(text.replace(/\n$/, ''));
      else if (text) ctx.raw(text);
    }
  } else if (format === 'json' || format === 'yaml') {
    if (objs.length || anyListed) ctx.out(printObjects(objs, format, anyListed).replace(/\n$/, ''));
  } else if (format === 'name') {
    for (const o of objs) ctx.out(nameString(groups.find((g) => g.objs.includes(o))!.info, o.metadata.name ?? ''));
  } else {
    const withKind = f.bool('show-kind') || new Set(groups.map((g) => g.info)).size > 1 || usedAll;
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
        labelColumns: f.arr('label-columns').flatMap((x) => x.split(',')).filter(Boolean),
      });
      for (const line of formatTable(rows)) ctx.out(line);
    }
  }
  if (!objs.length && !errors.length && format !== 'json' && format !== 'yaml' && !watchOnly) {
    const namespaced = groups.some((g) => g.info.namespaced) || groups.length === 0;
    if (all || !namespaced) ctx.err('No resources found');
    else ctx.err(`No resources found in ${ctx.namespace} namespace.`);
  }
  if (f.bool('watch') || watchOnly) startGetWatch(ctx, refs, groups);
  if (errors.length) throw errors.length === 1 ? errors[0] : new AggregateError(errors);
}

/** Hand the watch to the terminal (startWatch), or say that a script cannot follow one. */
function startGetWatch(ctx: Ctx, refs: ResourceRef[], groups: Group[]): void {
  const infos = [...new Set([...refs.map((r) => r.info), ...groups.map((g) => g.info)])];
  if (infos.length > 1) throw new KubectlError('error: you may only specify a single resource type');
  const info = infos[0] ?? resolveType(ctx, 'pods');
  const names = refs.filter((r) => r.name !== undefined).map((r) => r.name!);
  if (!ctx.opts.onWatch) {
    ctx.err('(this runner cannot follow a watch: the table above is the current state; run the command in the terminal to keep watching)');
    return;
  }
  ctx.opts.onWatch({
    info,
    namespace: ctx.flags.bool('all-namespaces') ? undefined : namespaceFor(ctx, info),
    names,
    listOptions: listOptions(ctx),
    wide: ctx.flags.str('output') === 'wide',
    withNamespace: ctx.flags.bool('all-namespaces'),
    showLabels: ctx.flags.bool('show-labels'),
    labelColumns: ctx.flags.arr('label-columns').flatMap((x) => x.split(',')).filter(Boolean),
  });
}
