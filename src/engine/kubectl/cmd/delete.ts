// kubectl delete: mirrors staging/src/k8s.io/kubectl/pkg/cmd/delete/delete.go. Like the real
// command it waits (--wait, default true) until every deleted object is gone, which here means
// advancing the simulated clock until the kubelet has finished graceful termination.
import type { KubeObject } from '../../api/meta';
import type { ResourceInfo } from '../../api/resources';
import type { DeleteOptions } from '../../apiserver/apiserver';
import { parseResourceArgs, kindString, nameString } from '../builder';
import type { Ctx } from '../context';
import { AggregateError, KubectlError } from '../errors';
import type { FlagSpec } from '../flags';
import { readFilenameArgs } from '../manifest';
import { dryRunMode, mappingFor } from './apply';
import { listOptions, namespaceFor, waitFor } from './common';

export const DELETE_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'grace-period', type: 'int', default: -1 },
  { name: 'force', type: 'bool' },
  { name: 'now', type: 'bool' },
  { name: 'cascade', type: 'string', default: 'background' },
  { name: 'wait', type: 'bool', default: true },
  { name: 'timeout', type: 'duration', default: 0 },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'dry-run', type: 'string', default: 'none' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'raw', type: 'string' },
  { name: 'interactive', short: 'i', type: 'bool' },
];

const FORCE_WARNING =
  'warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.';

interface Target {
  info: ResourceInfo;
  namespace: string;
  name: string;
}

function propagation(ctx: Ctx): DeleteOptions['propagationPolicy'] {
  const c = ctx.flags.str('cascade');
  switch (c) {
    case 'background':
    case 'true':
      return 'Background';
    case 'foreground':
      return 'Foreground';
    case 'orphan':
    case 'false':
      return 'Orphan';
    default:
      throw new KubectlError(`error: invalid cascade value (${c}). Must be "background", "foreground", or "orphan".`);
  }
}

export function runDelete(ctx: Ctx): void {
  const f = ctx.flags;
  let grace = f.int('grace-period');
  const force = f.bool('force');
  if (f.bool('now')) {
    if (grace !== -1) throw new KubectlError('error: --now and --grace-period cannot be specified together');
    grace = 1;
  }
  // kubectl turns --grace-period=0 into 1 unless --force is given (to avoid accidental data loss).
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  const policy = propagation(ctx);
  const mode = dryRunMode(ctx);
  const outName = f.str('output') === 'name';
  if (f.str('output') && !outName) throw new KubectlError(`error: unable to match a printer suitable for the output format "${f.str('output')}", allowed formats are: name`);

  const targets: Target[] = [];
  const errors: unknown[] = [];
  const files = f.arr('filename');
  if (files.length) {
    if (f.args.length) throw new KubectlError("error: Unexpected args: [" + f.args.join(' ') + "]\nSee 'kubectl delete -h' for help and examples");
    for (const m of readFilenameArgs(ctx, files)) {
      try {
        const info = mappingFor(ctx, m);
        targets.push({ info, namespace: namespaceFor(ctx, info, m.object.metadata.namespace), name: m.object.metadata.name ?? '' });
      } catch (e) {
        errors.push(e);
      }
    }
  } else {
    if (!f.args.length) {
      throw new KubectlError(
        "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
      );
    }
    const refs = parseResourceArgs(ctx, f.args);
    const bySelector = f.bool('all') || !!f.str('selector') || !!f.str('field-selector');
    for (const ref of refs) {
      if (ref.name !== undefined) {
        if (bySelector && f.str('selector')) throw new KubectlError('error: name cannot be provided when a selector is specified');
        targets.push({ info: ref.info, namespace: namespaceFor(ctx, ref.info), name: ref.name });
      } else {
        if (!bySelector) throw new KubectlError('error: resource(s) were provided, but no name was specified');
        const ns = f.bool('all-namespaces') ? undefined : namespaceFor(ctx, ref.info);
        for (const o of ctx.api.list(ref.info, ns, listOptions(ctx)).items) {
          targets.push({ info: ref.info, namespace: o.metadata.namespace ?? '', name: o.metadata.name ?? '' });
        }
      }
    }
    if (!targets.length && bySelector) {
      ctx.out('No resources found');
      return;
    }
  }

  if (grace === 0 && force) ctx.err(FORCE_WARNING);
  const deleted: { t: Target; uid: string }[] = [];
  for (const t of targets) {
    let obj: KubeObject;
    try {
      const opts: DeleteOptions = { propagationPolicy: policy, dryRun: mode === 'server' };
      if (grace >= 0) opts.gracePeriodSeconds = grace;
      if (mode === 'client') obj = ctx.api.get(t.info, t.namespace, t.name);
      else obj = ctx.api.delete(t.info, t.namespace, t.name, opts);
    } catch (e) {
      if (f.bool('ignore-not-found') && (e as { reason?: string }).reason === 'NotFound') continue;
      errors.push(e);
      continue;
    }
    deleted.push({ t, uid: obj.metadata.uid ?? '' });
    if (outName) ctx.out(nameString(t.info, t.name));
    else {
      let op = grace === 0 && force ? 'force deleted' : 'deleted';
      if (mode === 'client') op += ' (dry run)';
      if (mode === 'server') op += ' (server dry run)';
      ctx.out(`${kindString(t.info)} "${t.name}" ${op}`);
    }
  }

  // --wait: block until every deleted object (same UID) is gone from the API.
  if (f.bool('wait') && mode === 'none' && deleted.length) {
    const gone = () =>
      deleted.every(({ t, uid }) => {
        const cur = ctx.api.tryGet(t.info, t.namespace, t.name);
        return !cur || cur.metadata.uid !== uid;
      });
    const timeout = f.ms('timeout') > 0 ? f.ms('timeout') : Math.max(grace, 30) * 1000 + 60_000;
    if (!waitFor(ctx, gone, timeout)) {
      const left = deleted.find(({ t, uid }) => ctx.api.tryGet(t.info, t.namespace, t.name)?.metadata.uid === uid)!;
      errors.push(new KubectlError(`error: timed out waiting for the condition on ${left.t.info.resource}${left.t.info.group ? '.' + left.t.info.group : ''}/${left.t.name}`));
    }
  }
  if (errors.length) throw errors.length === 1 ? errors[0] : new AggregateError(errors);
}
