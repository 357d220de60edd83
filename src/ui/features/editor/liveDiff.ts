// The "before" side of "Review changes": for each document in the buffer, the live object of the
// same kind, namespace and name as YAML (without what the cluster generated), or a comment saying
// it does not exist yet (so applying creates it).
import { stringify } from 'yaml';
import type { KubeObject } from '../../../engine';
import { stripGenerated } from '../share/bundle';
import { documentIdentities } from './diagnostics';

type Objects = Readonly<Record<string, Readonly<Record<string, KubeObject>>>>;

export function findLive(objects: Objects, kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
  for (const map of Object.values(objects)) {
    const any = Object.values(map)[0];
    if (!any || any.kind !== kind) continue;
    const key = any.metadata.namespace !== undefined ? `${namespace ?? 'default'}/${name}` : name;
    if (map[key]) return map[key];
  }
  return undefined;
}

export function liveYamlFor(text: string, objects: Objects): string {
  return documentIdentities(text)
    .map((d) => {
      if (!d.kind || !d.name) return '# (a document without kind or metadata.name)\n';
      const live = findLive(objects, d.kind, d.namespace, d.name);
      if (!live) return `# ${d.kind} "${d.name}" does not exist yet: applying creates it\n`;
      const o = stripGenerated(live) as KubeObject & Record<string, unknown>;
      const { apiVersion, kind, ...rest } = o;
      return stringify({ apiVersion, kind, ...rest }, { lineWidth: 0 });
    })
    .join('---\n');
}
