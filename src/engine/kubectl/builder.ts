// Turning `TYPE NAME…`, `TYPE/NAME…` and `TYPE1,TYPE2` arguments into resource requests, as
// kubectl's resource.Builder does (k8s.io/cli-runtime/pkg/resource/builder.go), with its errors.
import type { ResourceInfo } from '../api/resources';
import type { Ctx } from './context';
import { KubectlError } from './errors';

export interface ResourceRef {
  info: ResourceInfo;
  /** Undefined: every object of the type (list). */
  name?: string;
}

/** Resolve a typed resource name (`po`, `deploy`, `deployments.apps`) or fail as kubectl does. */
export function resolveType(ctx: Ctx, typed: string): ResourceInfo {
  const info = ctx.api.catalogue.resolve(typed);
  if (!info || !ctx.api.served(info.group, info.resource)) {
    throw new KubectlError(`error: the server doesn't have a resource type "${typed}"`);
  }
  return info;
}

/** Parse the positional arguments of get/describe/delete. Empty `args` → empty result. */
export function parseResourceArgs(ctx: Ctx, args: string[]): ResourceRef[] {
  if (!args.length) return [];
  const slashed = args.filter((a) => a.includes('/'));
  if (slashed.length) {
    if (slashed.length !== args.length) {
      throw new KubectlError(
        "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      );
    }
    return args.map((a) => {
      const i = a.indexOf('/');
      const type = a.slice(0, i);
      const name = a.slice(i + 1);
      if (!type || !name) throw new KubectlError(`error: arguments in resource/name form must have a single resource and name`);
      return { info: resolveType(ctx, type), name };
    });
  }
  const types = args[0].split(',').filter(Boolean);
  if (!types.length) throw new KubectlError(`error: the server doesn't have a resource type "${args[0]}"`);
  const infos = types.map((t) => resolveType(ctx, t));
  const names = args.slice(1);
  if (!names.length) return infos.map((info) => ({ info }));
  const out: ResourceRef[] = [];
  for (const info of infos) for (const name of names) out.push({ info, name });
  return out;
}

/** `deployment.apps` / `pod`: the kind part of `-o name` and mutation messages. */
export function kindString(info: ResourceInfo): string {
  return info.group ? `${info.kind.toLowerCase()}.${info.group}` : info.kind.toLowerCase();
}

/** schema.GroupKind.String(), as kubectl's "not implemented for" errors print it: `Pod`, `ReplicaSet.apps`. */
export function groupKindString(info: ResourceInfo): string {
  return info.group ? `${info.kind}.${info.group}` : info.kind;
}

/** `deployment.apps/web`. */
export function nameString(info: ResourceInfo, name: string): string {
  return `${kindString(info)}/${name}`;
}

/** `resource/name` forms for commands that take exactly one object (scale, rollout, set). */
export function parseOneResource(ctx: Ctx, args: string[]): ResourceRef[] {
  const refs = parseResourceArgs(ctx, args);
  return refs;
}
