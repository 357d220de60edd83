// kubectl scale and kubectl set image: mirrors staging/src/k8s.io/kubectl/pkg/cmd/scale/scale.go
// and cmd/set/set_image.go.
import type { Container } from '../../api/core';
import type { KubeObject } from '../../api/meta';
import type { ResourceInfo } from '../../api/resources';
import { parseResourceArgs, nameString, type ResourceRef } from '../builder';
import type { Ctx } from '../context';
import { AggregateError, KubectlError } from '../errors';
import type { FlagSpec } from '../flags';
import { readFilenameArgs } from '../manifest';
import { mappingFor } from './apply';
import { listOptions, namespaceFor } from './common';

export const SCALE_FLAGS: FlagSpec[] = [
  { name: 'replicas', type: 'int', default: -1 },
  { name: 'current-replicas', type: 'int', default: -1 },
  { name: 'resource-version', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'timeout', type: 'duration', default: 0 },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'dry-run', type: 'string', default: 'none' },
];

export const SET_IMAGE_FLAGS: FlagSpec[] = [
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'local', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'dry-run', type: 'string', default: 'none' },
  { name: 'record', type: 'bool' },
];

const SCALABLE = new Set(['apps/deployments', 'apps/replicasets', '/replicationcontrollers', 'apps/statefulsets']);
const NO_RESOURCES =
  "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

/** The objects a scale/set command acts on: TYPE/NAME, TYPE NAME, -l, --all or -f. */
export function selectObjects(ctx: Ctx, args: string[]): { info: ResourceInfo; obj: KubeObject }[] {
  const out: { info: ResourceInfo; obj: KubeObject }[] = [];
  if (ctx.flags.arr('filename').length) {
    for (const m of readFilenameArgs(ctx, ctx.flags.arr('filename'))) {
      const info = mappingFor(ctx, m);
      out.push({ info, obj: ctx.api.get(info, namespaceFor(ctx, info, m.object.metadata.namespace), m.object.metadata.name ?? '') });
    }
    return out;
  }
  if (!args.length) throw new KubectlError(NO_RESOURCES);
  const refs: ResourceRef[] = parseResourceArgs(ctx, args);
  for (const ref of refs) {
    const ns = namespaceFor(ctx, ref.info);
    if (ref.name !== undefined) out.push({ info: ref.info, obj: ctx.api.get(ref.info, ns, ref.name) });
    else if (ctx.flags.bool('all') || ctx.flags.str('selector')) {
      for (const obj of ctx.api.list(ref.info, ns, listOptions(ctx)).items) out.push({ info: ref.info, obj });
    } else throw new KubectlError('error: resource(s) were provided, but no name was specified');
  }
  return out;
}

export function runScale(ctx: Ctx): void {
  const replicas = ctx.flags.int('replicas');
  if (!ctx.flags.has('replicas')) throw new KubectlError('error: required flag(s) "replicas" not set');
  if (replicas < 0) throw new KubectlError('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  const targets = selectObjects(ctx, ctx.flags.args);
  const errors: unknown[] = [];
  for (const { info, obj } of targets) {
    if (!SCALABLE.has(`${info.group}/${info.resource}`)) {
      errors.push(new KubectlError(`error: cannot scale ${info.resource}: no scale subresource`));
      continue;
    }
    const current = (obj.spec as { replicas?: number } | undefined)?.replicas ?? 1;
    const want = ctx.flags.int('current-replicas');
    if (want >= 0 && want !== current) {
      errors.push(new KubectlError(`error: Expected replicas to be ${want}, was ${current}`));
      continue;
    }
    try {
      ctx.api.patch(info, obj.metadata.namespace ?? '', obj.metadata.name ?? '', 'merge', { spec: { replicas } }, { subresource: undefined });
      ctx.out(`${nameString(info, obj.metadata.name ?? '')} scaled`);
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length) throw errors.length === 1 ? errors[0] : new AggregateError(errors);
}

/** Where the containers of a workload live: pods directly, everything else in a template. */
function podSpecPath(info: ResourceInfo): string[] {
  if (info.resource === 'pods') return ['spec'];
  if (info.resource === 'cronjobs') return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
  return ['spec', 'template', 'spec'];
}

function containersAt(obj: KubeObject, path: string[]): { containers: Container[]; initContainers: Container[] } {
  let cur: unknown = obj;
  for (const k of path) cur = (cur as Record<string, unknown> | undefined)?.[k];
  const spec = (cur ?? {}) as { containers?: Container[]; initContainers?: Container[] };
  return { containers: spec.containers ?? [], initContainers: spec.initContainers ?? [] };
}

function wrap(path: string[], value: unknown): unknown {
  return path.reduceRight((acc, k) => ({ [k]: acc }), value);
}

export function runSetImage(ctx: Ctx): void {
  const args = ctx.flags.args;
  const pairs = args.filter((a) => a.includes('='));
  const resources = args.filter((a) => !a.includes('='));
  if (!pairs.length) throw new KubectlError("error: at least one image update is required\nSee 'kubectl set image -h' for help and examples");
  if (!resources.length && !ctx.flags.arr('filename').length) throw new KubectlError(NO_RESOURCES);
  const images = pairs.map((p) => ({ name: p.slice(0, p.indexOf('=')), image: p.slice(p.indexOf('=') + 1) }));
  const targets = selectObjects(ctx, resources);
  const errors: unknown[] = [];
  for (const { info, obj } of targets) {
    const path = podSpecPath(info);
    const { containers, initContainers } = containersAt(obj, path);
    const patchContainers: { name: string; image: string }[] = [];
    const patchInit: { name: string; image: string }[] = [];
    let bad = false;
    for (const { name, image } of images) {
      let matched = false;
      for (const [list, out] of [[containers, patchContainers], [initContainers, patchInit]] as const) {
        for (const c of list) {
          if (name === '*' || c.name === name) {
            matched = true;
            if (c.image !== image) out.push({ name: c.name, image });
          }
        }
      }
      if (!matched && name !== '*') {
        errors.push(new KubectlError(`error: unable to find container named "${name}"`));
        bad = true;
      }
    }
    if (bad) continue;
    if (!patchContainers.length && !patchInit.length) continue;
    const spec: Record<string, unknown> = {};
    if (patchContainers.length) spec.containers = patchContainers;
    if (patchInit.length) spec.initContainers = patchInit;
    try {
      ctx.api.patch(info, obj.metadata.namespace ?? '', obj.metadata.name ?? '', 'strategic', wrap(path, spec));
      ctx.out(`${nameString(info, obj.metadata.name ?? '')} image updated`);
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length) throw errors.length === 1 ? errors[0] : new AggregateError(errors);
}
