// Output-format selection for get/create/apply -o: json, yaml, name, wide, and the
// human-readable table. Mirrors genericclioptions.PrintFlags (k8s.io/cli-runtime/pkg/genericclioptions/print_flags.go).
import type { KubeObject } from '../../api/meta';
import { KubectlError } from '../errors';
import { toJson, toYaml } from './yaml';

export type OutputFormat = '' | 'wide' | 'json' | 'yaml' | 'name';

const ALLOWED = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

export function parseOutputFormat(o: string, allowWide = true): OutputFormat {
  if (o === '' || o === 'json' || o === 'yaml' || o === 'name' || (allowWide && o === 'wide')) return o as OutputFormat;
  const allowed = allowWide ? ALLOWED : ALLOWED.replace('wide,', '');
  throw new KubectlError(`error: unable to match a printer suitable for the output format "${o}", allowed formats are: ${allowed}`);
}

/** The object as `-o yaml/json` shows it: managedFields dropped (kubectl's default). */
export function forOutput(obj: KubeObject): KubeObject {
  const meta = { ...obj.metadata } as Record<string, unknown>;
  delete meta.managedFields;
  return { ...obj, metadata: meta } as KubeObject;
}

/** One object as is, several wrapped in a `List` (what kubectl get -o yaml prints). */
export function printObjects(objs: KubeObject[], format: 'json' | 'yaml', asList: boolean): string {
  const value = asList
    ? { apiVersion: 'v1', items: objs.map(forOutput), kind: 'List', metadata: { resourceVersion: '' } }
    : forOutput(objs[0]);
  return format === 'json' ? toJson(value) + '\n' : toYaml(value);
}
