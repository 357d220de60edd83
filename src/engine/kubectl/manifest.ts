// Reading manifests for -f: split a stream into documents on `---` lines as kubectl's
// YAMLReader does (k8s.io/apimachinery/pkg/util/yaml/decoder.go), parse each (YAML or JSON),
// expand `kind: List`, and report syntax errors in go-yaml's words with the line number
// inside the document, as `error converting YAML to JSON: yaml: line 5: …`.
import { parseDocument } from 'yaml';
import type { KubeObject } from '../api/meta';
import type { Ctx } from './context';
import { KubectlError } from './errors';

export interface Manifest {
  object: KubeObject;
  /** File name as the user typed it, or STDIN. */
  source: string;
}

/** Split on separator lines (`---` followed by nothing but space or a comment). */
export function splitDocuments(text: string): string[] {
  const docs: string[] = [];
  let cur: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('---')) {
      const rest = line.slice(3).trim();
      if (rest === '' || rest.startsWith('#')) {
        if (cur.length) docs.push(cur.join('\n'));
        cur = [];
        continue;
      }
    }
    cur.push(line);
  }
  if (cur.length) docs.push(cur.join('\n'));
  return docs;
}

function goYamlMessage(code: string, message: string): string {
  switch (code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'mapping values are not allowed in this context';
    case 'TAB_AS_INDENT':
      return 'found character that cannot start any token';
    case 'BAD_INDENT':
      return 'did not find expected key';
    default:
      return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  }
}

/** Parse one source's text into objects. Throws (nothing applied) on any syntax error. */
export function parseManifests(text: string, source: string): Manifest[] {
  const out: Manifest[] = [];
  for (const chunk of splitDocuments(text)) {
    const doc = parseDocument(chunk, { prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length) {
      const e = doc.errors[0];
      const line = e.linePos?.[0]?.line ?? 1;
      if (e.code === 'DUPLICATE_KEY') {
        const key = /^\s*([^:]+):/.exec(chunk.split('\n')[line - 1] ?? '')?.[1]?.trim() ?? '';
        throw new KubectlError(`error: error parsing ${source}: error converting YAML to JSON: yaml: unmarshal errors:\n  line ${line}: key "${key}" already set in map`);
      }
      throw new KubectlError(`error: error parsing ${source}: error converting YAML to JSON: yaml: line ${line}: ${goYamlMessage(e.code, e.message)}`);
    }
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new KubectlError(`error: error validating "${source}": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`);
    }
    const obj = value as KubeObject;
    if (obj.kind === 'List' && Array.isArray(obj.items)) {
      for (const item of obj.items as KubeObject[]) out.push(checkTypeMeta({ object: item, source }));
    } else out.push(checkTypeMeta({ object: obj, source }));
  }
  return out;
}

function checkTypeMeta(m: Manifest): Manifest {
  const missing: string[] = [];
  if (!m.object.apiVersion) missing.push('apiVersion not set');
  if (!m.object.kind) missing.push('kind not set');
  if (missing.length) {
    const what = missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`;
    throw new KubectlError(`error: error validating "${m.source}": error validating data: ${what}; if you choose to ignore these errors, turn validation off with --validate=false`);
  }
  if (!m.object.metadata || typeof m.object.metadata !== 'object') m.object.metadata = {};
  return m;
}

/** Read every `-f` argument: `-` is stdin, a directory gives its .yaml/.yml/.json files. */
export function readFilenameArgs(ctx: Ctx, filenames: string[]): Manifest[] {
  const out: Manifest[] = [];
  const recursive = ctx.flags.bool('recursive');
  // -R: a directory's subdirectories too (kubectl's FilenameOptions.Recursive).
  const filesOf = (dir: string): string[] => {
    const entries = ctx.opts.listDir?.(dir) ?? [];
    const files = entries.filter((e) => /\.(ya?ml|json)$/.test(e));
    if (recursive) for (const e of entries) if (!files.includes(e) && ctx.opts.listDir?.(e)) files.push(...filesOf(e));
    return files;
  };
  for (const f of filenames) {
    if (f === '-') {
      out.push(...parseManifests(ctx.opts.stdin ?? '', 'STDIN'));
      continue;
    }
    const entries = ctx.opts.listDir?.(f);
    if (entries) {
      for (const p of filesOf(f).sort()) {
        out.push(...parseManifests(ctx.opts.readFile?.(p) ?? '', p));
      }
      continue;
    }
    const text = ctx.opts.readFile?.(f);
    if (text === undefined) throw new KubectlError(`error: the path "${f}" does not exist`);
    out.push(...parseManifests(text, f));
  }
  return out;
}
