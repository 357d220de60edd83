// The `kubectl explain` printer: mirrors the v2 (OpenAPI v3) template in
// staging/src/k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl: KIND, VERSION, FIELD,
// DESCRIPTION wrapped at 80 columns, FIELDS as `  name\t<type>` with `-required-`, or the
// whole tree with --recursive.
import { explainSchema, type SchemaNode } from './schema';

export class ExplainError extends Error {}

function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}

function resolve(node: SchemaNode): { node: SchemaNode; name?: string } {
  if (node.$ref) {
    const name = refName(node.$ref);
    const def = explainSchema().definitions[name];
    return { node: { ...def, description: node.description ?? def?.description }, name };
  }
  return { node };
}

/** `<string>`, `<[]Container>`, `<map[string]string>`, `<ObjectMeta>`, as kubectl names types. */
export function typeName(node: SchemaNode): string {
  if (node.$ref) {
    const name = refName(node.$ref);
    return name === 'Time' || name === 'MicroTime' ? 'string' : name;
  }
  const t = node.type;
  if (Array.isArray(t)) return t.includes('number') && t.includes('string') ? 'IntOrString' : t.join('|');
  if (t === 'array') return `[]${node.items ? typeName(node.items) : 'Object'}`;
  if (t === 'object') {
    if (node.additionalProperties && typeof node.additionalProperties === 'object') return `map[string]${typeName(node.additionalProperties)}`;
    return node.properties ? 'Object' : 'Object';
  }
  if (t === 'number' || t === 'integer') return 'integer';
  return t ?? 'Object';
}

/** Word-wrap to `width` columns (kubectl's wrap), keeping the description's own line breaks. */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/ +/)) {
      if (line && line.length + 1 + word.length > width) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line);
  }
  return out;
}

const indent = (n: number, lines: string[]) => lines.map((l) => (l ? ' '.repeat(n) + l : ''));

/** The object the children of a node are listed from (arrays: their items). */
function childrenOf(node: SchemaNode): SchemaNode | undefined {
  let cur = resolve(node).node;
  while (cur.type === 'array' && cur.items) cur = resolve(cur.items).node;
  if (cur.type === 'object' && cur.additionalProperties && typeof cur.additionalProperties === 'object' && !cur.properties) cur = resolve(cur.additionalProperties).node;
  return cur.properties ? cur : undefined;
}

function recursiveFields(node: SchemaNode, depth: number, out: string[], seen: string[]): void {
  const parent = childrenOf(node);
  if (!parent?.properties) return;
  for (const name of Object.keys(parent.properties).sort()) {
    const child = parent.properties[name];
    const req = parent.required?.includes(name) ? ' -required-' : '';
    out.push(`${' '.repeat(depth * 2)}${name}\t<${typeName(child)}>${req}`);
    // Types that contain themselves (JSONSchemaProps) stop after one level.
    const t = typeName(child).replace(/^\[\]|^map\[string\]/, '');
    if (seen.includes(t)) continue;
    recursiveFields(child, depth + 1, out, [...seen, t]);
  }
}

/**
 * Explain `kind` (a definition name) at `path` (field names below the kind). Throws
 * ExplainError with kubectl's message for an unknown field.
 */
export function explain(kind: string, version: string, path: string[], recursive: boolean): string {
  const root = explainSchema().definitions[kind];
  if (!root) throw new ExplainError(`couldn't find resource for "${kind}"`);
  let node: SchemaNode = root;
  let field: { name: string; node: SchemaNode; required: boolean } | undefined;
  for (const p of path) {
    const parent = childrenOf(node);
    const child = parent?.properties?.[p];
    if (!child) throw new ExplainError(`field "${p}" does not exist`);
    field = { name: p, node: child, required: !!parent?.required?.includes(p) };
    node = child;
  }
  const lines = [`KIND:       ${kind}`, `VERSION:    ${version}`, ''];
  if (field) lines.push(`FIELD: ${field.name} <${typeName(field.node)}>${field.required ? ' -required-' : ''}`, '');
  lines.push('DESCRIPTION:');
  const desc: string[] = [];
  if (node.description) desc.push(node.description);
  const resolved = resolve(node.type === 'array' && node.items ? node.items : node);
  if (field && resolved.name) {
    const typeDesc = explainSchema().definitions[resolved.name]?.description;
    if (typeDesc && typeDesc !== node.description) desc.push(typeDesc);
  }
  lines.push(...indent(4, wrap(desc.join('\n') || '<empty>', 76)), '    ');
  const parent = childrenOf(node);
  if (parent?.properties) {
    lines.push('FIELDS:');
    if (recursive) {
      const out: string[] = [];
      recursiveFields(node, 1, out, [resolved.name ?? kind]);
      lines.push(...out, '');
    } else {
      for (const name of Object.keys(parent.properties).sort()) {
        const child = parent.properties[name];
        const req = parent.required?.includes(name) ? ' -required-' : '';
        lines.push(`  ${name}\t<${typeName(child)}>${req}`);
        lines.push(...indent(4, wrap(child.description ?? '<no description>', 76)), '');
      }
    }
  }
  return lines.join('\n').replace(/\n+$/, '\n');
}
