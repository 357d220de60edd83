// kubectl label (staging/src/k8s.io/kubectl/pkg/cmd/label/label.go) and the shared core of
// kubectl annotate (cmd/annotate/annotate.go): `KEY=VALUE` adds or (with --overwrite) changes,
// `KEY-` removes; the change is sent as a JSON merge patch of metadata.labels/annotations.
import type { KubeObject } from '../../api/meta';
import { nameString } from '../builder';
import type { Ctx } from '../context';
import { AggregateError, KubectlError } from '../errors';
import type { FlagSpec } from '../flags';
import { dryRunMode, dryRunSuffix } from './apply';
import { selectObjects } from './scale';

export const LABEL_FLAGS: FlagSpec[] = [
  { name: 'overwrite', type: 'bool' },
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'list', type: 'bool' },
  { name: 'local', type: 'bool' },
  { name: 'resource-version', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'dry-run', type: 'string', default: 'none' },
];

export type MetaField = 'labels' | 'annotations';

interface Changes {
  set: Map<string, string>;
  remove: string[];
  resources: string[];
}

/** Split the arguments: resources first, then `k=v` and `k-` (kubectl's parseLabels). */
function parseChanges(ctx: Ctx, field: MetaField): Changes {
  const set = new Map<string, string>();
  const remove: string[] = [];
  const resources: string[] = [];
  let seenChange = false;
  for (const a of ctx.flags.args) {
    if (a.includes('=')) {
      const i = a.indexOf('=');
      const k = a.slice(0, i);
      if (!k) throw new KubectlError(`error: invalid ${field === 'labels' ? 'label' : 'annotation'} spec: ${a}`);
      set.set(k, a.slice(i + 1));
      seenChange = true;
    } else if (a.endsWith('-') && a.length > 1 && resources.length > 0 && !a.includes('/')) {
      remove.push(a.slice(0, -1));
      seenChange = true;
    } else if (!seenChange) resources.push(a);
    else throw new KubectlError(`error: all resources must be specified before ${field === 'labels' ? 'label' : 'annotation'} changes: ${a}`);
  }
  for (const k of remove) {
    if (set.has(k)) throw new KubectlError(`error: can not both modify and remove ${field === 'labels' ? 'a label' : 'an annotation'} in the same command`);
  }
  return { set, remove, resources };
}

export function runMetaMapCommand(ctx: Ctx, field: MetaField): void {
  const noun = field === 'labels' ? 'label' : 'annotation';
  const { set, remove, resources } = parseChanges(ctx, field);
  const list = ctx.flags.bool('list');
  if (!list && !set.size && !remove.length) throw new KubectlError(`error: at least one ${noun} update is required\nSee 'kubectl ${ctx.command} -h' for help and examples`);
  if (ctx.flags.bool('all') && ctx.flags.str('selector')) throw new KubectlError('error: cannot set --all and --selector at the same time');
  const targets = selectObjects(ctx, resources);
  const mode = dryRunMode(ctx);
  const errors: unknown[] = [];
  for (const { info, obj } of targets) {
    const name = obj.metadata.name ?? '';
    const current = { ...((obj.metadata[field] as Record<string, string> | undefined) ?? {}) };
    if (list) {
      if (ctx.flags.args.length && (set.size || remove.length)) {
        // kubectl applies the changes, then lists.
      } else {
        ctx.out(`Listing ${field} for ${info.kind}.${info.group || ''}/${name}:`.replace('./', '/'));
        for (const k of Object.keys(current).sort()) ctx.out(` ${k}=${current[k]}`);
        continue;
      }
    }
    if (!ctx.flags.bool('overwrite')) {
      const taken = [...set].filter(([k, v]) => k in current && current[k] !== v);
      if (taken.length) {
        const msg =
          field === 'labels'
            ? taken.map(([k]) => `'${k}' already has a value (${current[k]}), and --overwrite is false`).join('\n')
            : `--overwrite is false but found the following declared annotation(s): ${taken.map(([k]) => `'${k}' already has a value (${current[k]})`).join('; ')}`;
        errors.push(new KubectlError(`error: ${msg}`));
        continue;
      }
    }
    const next = { ...current };
    for (const [k, v] of set) next[k] = v;
    for (const k of remove) {
      if (!(k in next)) ctx.out(`${noun} "${k}" not found.`);
      delete next[k];
    }
    const patch: Record<string, string | null> = {};
    for (const [k, v] of set) if (current[k] !== v) patch[k] = v;
    for (const k of remove) if (k in current) patch[k] = null;
    let result: KubeObject = obj;
    try {
      if (Object.keys(patch).length && mode !== 'client' && !ctx.flags.bool('local')) {
        result = ctx.api.patch(info, obj.metadata.namespace ?? '', name, 'merge', { metadata: { [field]: patch } }, { dryRun: mode === 'server' });
      }
    } catch (e) {
      errors.push(e);
      continue;
    }
    void result;
    ctx.out(`${nameString(info, name)} ${changeMessage(field, current, next, ctx.flags.bool('overwrite'))}${dryRunSuffix(mode)}`);
  }
  if (errors.length) throw errors.length === 1 ? errors[0] : new AggregateError(errors);
}

/**
 * label.go updateDataChangeMsg: "not labeled" when nothing changed; "unlabeled" when the
 * object shrank without --overwrite (only removals); otherwise "labeled". annotate always
 * says "annotated".
 */
function changeMessage(field: MetaField, before: Record<string, string>, after: Record<string, string>, overwrite: boolean): string {
  if (field === 'annotations') return 'annotated';
  const b = JSON.stringify(before);
  const a = JSON.stringify(after);
  if (a === b) return 'not labeled';
  if (!overwrite && Object.keys(after).length < Object.keys(before).length) return 'unlabeled';
  return 'labeled';
}

export function runLabel(ctx: Ctx): void {
  runMetaMapCommand(ctx, 'labels');
}
