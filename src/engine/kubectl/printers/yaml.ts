// -o yaml and -o json as kubectl prints them. kubectl marshals the object as a map, so keys come
// out sorted: JSON via encoding/json MarshalIndent (4 spaces, HTML-escaped), YAML via
// sigs.k8s.io/yaml → gopkg.in/yaml.v2 (block style, list items not indented under their key,
// strings quoted only when they would read back as another type). Mirrors
// k8s.io/cli-runtime/pkg/printers/json.go and yaml.go.

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function sortKeys(v: unknown): Json {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.map(sortKeys);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const out: { [k: string]: Json } = {};
    for (const k of Object.keys(o).sort()) if (o[k] !== undefined) out[k] = sortKeys(o[k]);
    return out;
  }
  return v as Json;
}

export function toJson(v: unknown): string {
  const text = JSON.stringify(sortKeys(v), null, 4);
  return text.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const BOOLISH = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const NULLISH = /^(~|null|Null|NULL)$/;
const NUMBERISH = /^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$|^[-+]?0x[0-9a-fA-F_]+$|^[-+]?0b[01_]+$|^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$|^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$/;
const TIMESTAMPISH = /^\d{4}-\d{1,2}-\d{1,2}([Tt ]\s*\d{1,2}:\d{2}:\d{2}(\.\d*)?\s*(Z|[-+]\d{1,2}(:\d{2})?)?)?$/;

function resolvesToNonString(s: string): boolean {
  return s === '' || BOOLISH.test(s) || NULLISH.test(s) || NUMBERISH.test(s) || TIMESTAMPISH.test(s);
}

function plainAllowed(s: string): boolean {
  if (/^[\s]|[\s]$/.test(s)) return false;
  if (/^[\[\]{},#&*!|>'"%@`]/.test(s)) return false;
  if (/^[-?:](\s|$)/.test(s)) return false;
  if (s.includes(': ') || s.includes(' #') || s.endsWith(':')) return false;
  if (/[\x00-\x08\x0b-\x1f\x7f]/.test(s)) return false;
  return true;
}

function doubleQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0').toUpperCase()}`;
    else out += ch;
  }
  return out + '"';
}

function scalar(s: string): string {
  if (resolvesToNonString(s)) return doubleQuote(s);
  if (plainAllowed(s)) return s;
  if (/[\x00-\x08\x0b-\x1f\x7f]/.test(s)) return doubleQuote(s);
  return `'${s.replace(/'/g, "''")}'`;
}

function num(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(n);
}

function literal(s: string, indent: string): string {
  const chomp = s.endsWith('\n') ? (s.endsWith('\n\n') ? '+' : '') : '-';
  const body = (s.endsWith('\n') ? s.slice(0, -1) : s).split('\n');
  return `|${chomp}\n${body.map((l) => (l ? indent + l : '')).join('\n')}`;
}

function isEmptyColl(v: Json): boolean {
  return (Array.isArray(v) && v.length === 0) || (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);
}

function inline(v: Json, indent: string): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return num(v);
  if (typeof v === 'string') return v.includes('\n') && !/[\x00-\x08\x0b-\x1f\x7f]/.test(v) && !/^\s/.test(v) ? literal(v, indent) : scalar(v);
  if (Array.isArray(v)) return '[]';
  return '{}';
}

function emit(v: Json, indent: string, lines: string[]): void {
  if (Array.isArray(v)) {
    for (const item of v) {
      if (item !== null && typeof item === 'object' && !isEmptyColl(item)) {
        const sub: string[] = [];
        emit(item, indent + '  ', sub);
        // The first line of the nested block goes after "- ".
        sub[0] = `${indent}- ${sub[0].slice(indent.length + 2)}`;
        lines.push(...sub);
      } else lines.push(`${indent}- ${inline(item, indent + '  ')}`);
    }
    return;
  }
  if (v !== null && typeof v === 'object') {
    for (const [k, val] of Object.entries(v)) {
      const key = scalar(k);
      if (val !== null && typeof val === 'object' && !isEmptyColl(val)) {
        lines.push(`${indent}${key}:`);
        emit(val, Array.isArray(val) ? indent : indent + '  ', lines);
      } else lines.push(`${indent}${key}: ${inline(val, indent + '  ')}`);
    }
    return;
  }
  lines.push(indent + inline(v, indent));
}

/** YAML text ending in a newline. */
export function toYaml(v: unknown): string {
  const lines: string[] = [];
  const sorted = sortKeys(v);
  if (sorted === null || typeof sorted !== 'object' || isEmptyColl(sorted)) return `${inline(sorted, '')}\n`;
  emit(sorted, '', lines);
  return lines.join('\n') + '\n';
}
