// The template printers of `kubectl get -o …`: jsonpath, custom-columns and go-template
// (k8s.io/cli-runtime/pkg/printers/jsonpath.go, template.go and kubectl/pkg/cmd/get/customcolumn.go),
// plus --sort-by (kubectl/pkg/cmd/get/sorter.go) and -L label columns.
import type { KubeObject } from '../../api/meta';
import { KubectlError } from '../errors';
import { executeGoTemplate } from '../jsonpath/gotemplate';
import { executeJsonPath, jsonPathValues, relaxedJsonPath } from '../jsonpath/jsonpath';
import { formatTable } from './tabwriter';

export interface TemplateFormat {
  kind: 'jsonpath' | 'jsonpath-as-json' | 'custom-columns' | 'go-template';
  template: string;
}

/** `-o jsonpath=…`, `-o custom-columns=…`, `-o go-template=…` (and `template=`), else undefined. */
export function parseTemplateFormat(o: string): TemplateFormat | undefined {
  const eq = o.indexOf('=');
  if (eq < 0) {
    if (['jsonpath', 'custom-columns', 'go-template', 'template', 'jsonpath-as-json'].includes(o)) {
      throw new KubectlError(`error: ${o === 'custom-columns' ? 'custom-columns format specified but no custom columns given' : 'template format specified but no template given'}`);
    }
    return undefined;
  }
  const name = o.slice(0, eq);
  const template = o.slice(eq + 1);
  if (name === 'jsonpath' || name === 'jsonpath-as-json' || name === 'custom-columns') return { kind: name, template };
  if (name === 'go-template' || name === 'template') return { kind: 'go-template', template };
  return undefined;
}

/** What a template sees: the object itself, or a `List` of every object. */
export function templateData(objs: KubeObject[], asList: boolean): unknown {
  const clean = objs.map((o) => {
    const meta = { ...o.metadata } as Record<string, unknown>;
    delete meta.managedFields;
    return { ...o, metadata: meta };
  });
  return asList ? { apiVersion: 'v1', items: clean, kind: 'List', metadata: { resourceVersion: '' } } : clean[0];
}

export function printTemplate(fmt: TemplateFormat, objs: KubeObject[], asList: boolean, noHeaders: boolean): string[] {
  const data = templateData(objs, asList);
  try {
    switch (fmt.kind) {
      case 'jsonpath':
        return [executeJsonPath(fmt.template, data)];
      case 'jsonpath-as-json':
        return [JSON.stringify(jsonPathValues(fmt.template, data), null, 4)];
      case 'go-template':
        return [executeGoTemplate(fmt.template, data)];
      case 'custom-columns':
        return customColumns(fmt.template, objs, noHeaders);
    }
  } catch (e) {
    if (e instanceof KubectlError) throw e;
    const what = fmt.kind === 'go-template' ? 'template' : 'jsonpath';
    throw new KubectlError(`error: error parsing ${what} ${fmt.template}, ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** `NAME:.metadata.name,NODE:.spec.nodeName`: one column per spec, `<none>` when missing. */
export function customColumns(spec: string, objs: KubeObject[], noHeaders: boolean): string[] {
  const cols = spec.split(',').map((c) => {
    const i = c.indexOf(':');
    if (i < 0) throw new KubectlError(`error: unexpected custom-columns spec: ${c}, expected <header>:<json-path-expr>`);
    return { header: c.slice(0, i), path: relaxedJsonPath(c.slice(i + 1)) };
  });
  const rows: string[][] = noHeaders ? [] : [cols.map((c) => c.header)];
  for (const o of objs) {
    rows.push(
      cols.map((c) => {
        const vals = jsonPathValues(c.path, templateData([o], false));
        if (!vals.length || vals.every((v) => v === undefined || v === null)) return '<none>';
        return vals.map((v) => (typeof v === 'string' ? v : typeof v === 'object' ? goMapText(v) : String(v))).join(',');
      }),
    );
  }
  return formatTable(rows);
}

/** Go's %v of a map or slice, as custom-columns prints structured values. */
function goMapText(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goMapText).join(' ')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `map[${Object.keys(o).sort().map((k) => `${k}:${goMapText(o[k])}`).join(' ')}]`;
  }
  return String(v);
}

/** --sort-by: a stable sort on the first value the path selects (numbers numerically). */
export function sortObjects(objs: KubeObject[], sortBy: string): KubeObject[] {
  const path = relaxedJsonPath(sortBy);
  const keyed = objs.map((o, i) => {
    let v: unknown;
    try {
      v = jsonPathValues(path, templateData([o], false))[0];
    } catch (e) {
      throw new KubectlError(`error: couldn't parse sort-by ${sortBy}: ${e instanceof Error ? e.message : String(e)}`);
    }
    return { o, i, v };
  });
  if (objs.length > 1 && keyed.every((k) => k.v === undefined)) {
    throw new KubectlError(`error: couldn't find any field with path "${path}" in the list of objects`);
  }
  keyed.sort((a, b) => {
    const x = a.v;
    const y = b.v;
    if (x === undefined && y !== undefined) return -1;
    if (y === undefined && x !== undefined) return 1;
    let c = 0;
    if (typeof x === 'number' && typeof y === 'number') c = x - y;
    else {
      const xs = typeof x === 'string' ? x : JSON.stringify(x) ?? '';
      const ys = typeof y === 'string' ? y : JSON.stringify(y) ?? '';
      c = xs < ys ? -1 : xs > ys ? 1 : 0;
    }
    return c || a.i - b.i;
  });
  return keyed.map((k) => k.o);
}

/** -L app,tier: headers are the upper-cased last path part of each key. */
export function labelColumnHeaders(keys: string[]): string[] {
  return keys.map((k) => (k.split('/').pop() ?? k).toUpperCase());
}
