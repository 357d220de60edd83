// kubectl edit (staging/src/k8s.io/kubectl/pkg/cmd/edit/edit.go + cmd/util/editor): a real
// kubectl opens $EDITOR on the object's YAML and sends what changed. The engine has no editor,
// so runEdit refuses with a pointer to the alternatives; the UI terminal intercepts
// `kubectl edit`, calls prepareEdit for the text, opens its editor and calls finishEdit.
import { parseDocument } from 'yaml';
import type { Cluster, CommandResult } from '../../cluster';
import type { KubeObject } from '../../api/meta';
import type { ResourceInfo } from '../../api/resources';
import { jsonEqual } from '../../apiserver/apiserver';
import { errorText, KubectlError } from '../errors';
import type { Ctx } from '../context';
import type { FlagSpec } from '../flags';
import { nameString } from '../builder';
import { forOutput } from '../printers/output';
import { toYaml } from '../printers/yaml';
import { runKubectl } from '../kubectl';

export const EDIT_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'output-patch', type: 'bool' },
  { name: 'save-config', type: 'bool' },
  { name: 'subresource', type: 'string' },
  { name: 'validate', type: 'string', default: 'strict' },
  { name: 'windows-line-endings', type: 'bool' },
  { name: 'record', type: 'bool' },
];

export const EDIT_HEADER =
  "# Please edit the object below. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit. If an error occurs while saving this file will be\n# reopened with the relevant failures.\n#\n";

export function runEdit(ctx: Ctx): void {
  void ctx;
  throw new KubectlError(
    'error: kubectl edit needs an editor, and this runner has none. In the playground terminal it opens the editor; elsewhere change the manifest and run "kubectl apply -f FILE", or use kubectl patch, set or scale.',
  );
}

export interface EditTarget {
  group: string;
  resource: string;
  namespace: string;
  name: string;
}

export type PreparedEdit = { ok: true; target: EditTarget; yaml: string; title: string } | { ok: false; result: CommandResult };

/**
 * The YAML to edit for a `kubectl edit TYPE NAME | TYPE/NAME [-n NS]` line, or the error the
 * command prints (unknown type, not found, …). Uses `kubectl get -o yaml` so the text is the
 * same as what get prints (managedFields left out), under kubectl edit's header comment.
 */
export function prepareEdit(cluster: Cluster, commandLine: string): PreparedEdit {
  const line = commandLine.trim().replace(/^kubectl\s+/, '').replace(/^edit(\s|$)/, 'get$1');
  const getLine = `${line} -o json`;
  const res = runKubectl(cluster, getLine);
  if (res.exitCode !== 0) return { ok: false, result: res };
  let obj: KubeObject;
  try {
    obj = JSON.parse(res.stdout) as KubeObject;
  } catch {
    return { ok: false, result: { stdout: '', stderr: 'error: could not read the object to edit\n', exitCode: 1 } };
  }
  if ((obj.kind === 'List' && Array.isArray(obj.items))) {
    const items = obj.items as KubeObject[];
    if (items.length !== 1) return { ok: false, result: { stdout: '', stderr: 'error: the playground editor opens one object at a time: name it (kubectl edit TYPE NAME)\n', exitCode: 1 } };
    obj = items[0];
  }
  const info = cluster.api.catalogue.forKind(obj.apiVersion, obj.kind) as ResourceInfo;
  const target = { group: info.group, resource: info.resource, namespace: obj.metadata.namespace ?? '', name: obj.metadata.name ?? '' };
  return { ok: true, target, yaml: EDIT_HEADER + toYaml(forOutput(obj)), title: nameString(info, target.name) };
}

/**
 * Save an edit: comments dropped, an empty text or an unchanged object cancels, otherwise
 * the object is PUT (its resourceVersion guards against a concurrent change, as kubectl's patch does).
 */
export function finishEdit(cluster: Cluster, target: EditTarget, text: string): CommandResult {
  const body = text.split('\n').filter((l) => !l.trimStart().startsWith('#')).join('\n');
  if (!body.trim()) return { stdout: '', stderr: 'Edit cancelled, no changes made.\n', exitCode: 0 };
  try {
    const doc = parseDocument(body);
    if (doc.errors.length) throw new KubectlError(`error: error parsing edited object: ${doc.errors[0].message.split('\n')[0]}`);
    const edited = doc.toJS() as KubeObject;
    const info = cluster.api.resolve(target);
    const current = cluster.api.get(info, target.namespace, target.name);
    // kubectl sends a patch of what the user changed (a two-way merge of original and edited),
    // so the controllers writing status meanwhile (a rollout progressing while the student reads
    // the YAML) neither conflict nor count as a change. Same here: when only status moved since
    // the edit opened (same generation), compare and save against the current version. A spec
    // changed by someone else (generation moved) still conflicts, as a stale PUT does.
    const statusOnly = edited?.metadata?.generation !== undefined && edited.metadata.generation === current.metadata.generation;
    if (statusOnly && edited.metadata.resourceVersion !== current.metadata.resourceVersion) {
      edited.metadata.resourceVersion = current.metadata.resourceVersion;
      if ('status' in current) edited.status = current.status;
    }
    if (jsonEqual(forOutput(current), edited)) return { stdout: '', stderr: 'Edit cancelled, no changes made.\n', exitCode: 0 };
    if (edited?.metadata?.name !== target.name) throw new KubectlError('error: At least one of apiVersion, kind and name was changed');
    cluster.api.update(info, target.namespace, edited);
    const out = { stdout: `${nameString(info, target.name)} edited\n`, stderr: '', exitCode: 0 };
    (cluster as { settle?: () => void }).settle?.();
    return out;
  } catch (e) {
    const { text: t, exitCode } = errorText(e);
    return { stdout: '', stderr: t + '\n', exitCode };
  }
}
