// What `kubectl set env|resources` share (kubectl/pkg/cmd/set/helper.go and
// polymorphichelpers/updatepodspec.go): finding the pod spec inside a workload, choosing
// containers by name pattern, and sending the change as a JSON patch of whole fields.
import type { Container } from '../../api/core';
import type { KubeObject } from '../../api/meta';
import type { ResourceInfo } from '../../api/resources';

/** JSON-pointer path of the pod spec: pods directly, cron jobs two templates deep, else spec.template.spec. */
export function podSpecPointer(info: ResourceInfo): string[] | undefined {
  switch (info.resource) {
    case 'pods':
      return ['spec'];
    case 'cronjobs':
      return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
    case 'deployments':
    case 'replicasets':
    case 'replicationcontrollers':
    case 'daemonsets':
    case 'statefulsets':
    case 'jobs':
      return ['spec', 'template', 'spec'];
    default:
      return undefined;
  }
}

export function containersOf(obj: KubeObject, path: string[], init = false): Container[] {
  let cur: unknown = obj;
  for (const k of path) cur = (cur as Record<string, unknown> | undefined)?.[k];
  return ((cur as Record<string, Container[] | undefined> | undefined)?.[init ? 'initContainers' : 'containers']) ?? [];
}

/** kubectl's -c pattern: shell-style `*` wildcards (path.Match). */
export function containerMatches(pattern: string, name: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(name);
}

export interface JsonPatchOp {
  op: 'add' | 'replace' | 'remove';
  path: string;
  value?: unknown;
}

/** An op that sets (or removes, when value is undefined) `field` of container `i`. */
export function containerFieldOp(path: string[], i: number, field: string, had: boolean, value: unknown, init = false): JsonPatchOp | undefined {
  const p = `/${[...path, init ? 'initContainers' : 'containers', String(i), field].join('/')}`;
  if (value === undefined) return had ? { op: 'remove', path: p } : undefined;
  return { op: had ? 'replace' : 'add', path: p, value };
}
