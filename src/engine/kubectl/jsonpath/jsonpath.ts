// kubectl's JSONPath (k8s.io/client-go/util/jsonpath: parser.go + jsonpath.go): text with
// `{…}` actions; fields `.a.b`, recursive `..name`, `[*]`, `[0]`, `[1:3]`, `['key']`, unions
// `[a,b]`, filters `[?(@.type=="Ready")]`, `{range …}…{end}` and string literals `{"\n"}`.
// Several results of one action print separated by a space; maps and lists print as JSON.
// Missing keys print nothing (kubectl get -o jsonpath allows missing keys).

export class JsonPathError extends Error {}

type Seg =
  | { k: 'field'; name: string }
  | { k: 'recursive'; name: string }
  | { k: 'wild' }
  | { k: 'index'; start?: number; end?: number; single: boolean; step?: number }
  | { k: 'union'; keys: (string | number)[] }
  | { k: 'filter'; left: Path; op?: string; right?: Path | string | number };

interface Path {
  root: boolean;
  segs: Seg[];
}

type Node =
  | { k: 'text'; text: string }
  | { k: 'path'; path: Path }
  | { k: 'literal'; text: string }
  | { k: 'range'; path: Path; body: Node[] };

function unquote(s: string): string {
  return s.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c));
}

/** Parse a path like `.items[*].metadata.name` or `@.status`. */
function parsePath(src: string): Path {
  let i = 0;
  let root = false;
  const segs: Seg[] = [];
  const s = src.trim();
  if (s[0] === '$') {
    root = true;
    i = 1;
  } else if (s[0] === '@') i = 1;
  // A backslash escapes the next character and is then dropped (parseField's
  // strings.Replace(value, "\\", "", -1)): `.metadata.labels.app\.kubernetes\.io/name`.
  const ident = (): string => {
    const m = /^(?:\\.|[^.[\]\s\\])*/.exec(s.slice(i))![0];
    i += m.length;
    return m.replace(/\\/g, '');
  };
  while (i < s.length) {
    const c = s[i];
    if (c === '.') {
      if (s[i + 1] === '.') {
        i += 2;
        segs.push({ k: 'recursive', name: ident() });
        continue;
      }
      i++;
      const name = ident();
      if (name === '*') segs.push({ k: 'wild' });
      else if (name) segs.push({ k: 'field', name });
      continue;
    }
    if (c === '[') {
      // Find the matching ] (quotes and nested brackets in filters).
      let depth = 0;
      let j = i;
      let q: string | null = null;
      for (; j < s.length; j++) {
        const d = s[j];
        if (q) {
          if (d === '\\') j++;
          else if (d === q) q = null;
          continue;
        }
        if (d === '"' || d === "'") q = d;
        else if (d === '[') depth++;
        else if (d === ']' && --depth === 0) break;
      }
      if (j >= s.length) throw new JsonPathError(`unterminated array`);
      segs.push(parseBracket(s.slice(i + 1, j)));
      i = j + 1;
      continue;
    }
    throw new JsonPathError(`unrecognized character in action: U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} '${c}'`);
  }
  return { root, segs };
}

function parseBracket(inner: string): Seg {
  const t = inner.trim();
  if (t === '*') return { k: 'wild' };
  if (t.startsWith('?')) {
    const m = /^\?\s*\((.*)\)$/s.exec(t);
    if (!m) throw new JsonPathError(`unclosed filter in "${inner}"`);
    const body = m[1].trim();
    const op = /(==|!=|<=|>=|<|>)/.exec(body);
    if (!op) return { k: 'filter', left: parsePath(body) };
    const l = body.slice(0, op.index).trim();
    const r = body.slice(op.index + op[0].length).trim();
    let right: Path | string | number;
    if (/^(["']).*\1$/s.test(r)) right = unquote(r.slice(1, -1));
    else if (/^-?\d+(\.\d+)?$/.test(r)) right = Number(r);
    else right = parsePath(r);
    return { k: 'filter', left: parsePath(l), op: op[0], right };
  }
  if (/^-?\d*(:-?\d*){0,2}$/.test(t) && t !== '') {
    const parts = t.split(':');
    const num = (x: string | undefined) => (x === undefined || x === '' ? undefined : Number(x));
    if (parts.length === 1) return { k: 'index', start: num(parts[0]), single: true };
    return { k: 'index', start: num(parts[0]), end: num(parts[1]), step: num(parts[2]), single: false };
  }
  const keys = t.split(',').map((x) => x.trim()).map((x) => (/^(["']).*\1$/.test(x) ? unquote(x.slice(1, -1)) : /^-?\d+$/.test(x) ? Number(x) : x));
  return { k: 'union', keys };
}

/** Parse a whole template into text and actions. */
export function parseTemplate(template: string): Node[] {
  const stack: Node[][] = [[]];
  const ranges: Node[] = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      stack[stack.length - 1].push({ k: 'text', text: template.slice(i) });
      break;
    }
    if (open > i) stack[stack.length - 1].push({ k: 'text', text: template.slice(i, open) });
    // Find the closing brace outside quotes.
    let j = open + 1;
    let q: string | null = null;
    for (; j < template.length; j++) {
      const d = template[j];
      if (q) {
        if (d === '\\') j++;
        else if (d === q) q = null;
      } else if (d === '"' || d === "'") q = d;
      else if (d === '}') break;
    }
    if (j >= template.length) throw new JsonPathError('unclosed action');
    const action = template.slice(open + 1, j).trim();
    i = j + 1;
    if (action === 'end') {
      if (!ranges.length) throw new JsonPathError('not in range, nothing to end');
      stack.pop();
      ranges.pop();
      continue;
    }
    if (action.startsWith('range ') || action === 'range') {
      const node: Node = { k: 'range', path: parsePath(action.slice(5)), body: [] };
      stack[stack.length - 1].push(node);
      stack.push(node.body);
      ranges.push(node);
      continue;
    }
    if (/^(["']).*\1$/s.test(action)) {
      stack[stack.length - 1].push({ k: 'literal', text: unquote(action.slice(1, -1)) });
      continue;
    }
    stack[stack.length - 1].push({ k: 'path', path: parsePath(action) });
  }
  if (ranges.length) throw new JsonPathError('unclosed range');
  return stack[0];
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function allDescendants(v: unknown, name: string, out: unknown[]): void {
  if (Array.isArray(v)) for (const x of v) allDescendants(x, name, out);
  else if (isObj(v)) {
    if (name && name in v) out.push(v[name]);
    else if (!name) out.push(v);
    for (const k of Object.keys(v)) allDescendants(v[k], name, out);
  }
}

function compare(a: unknown, op: string, b: unknown): boolean {
  if (op === '==') return String(a) === String(b) && (typeof b !== 'number' || Number(a) === b);
  if (op === '!=') return !compare(a, '==', b);
  const x = Number(a);
  const y = Number(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return false;
  return op === '<' ? x < y : op === '>' ? x > y : op === '<=' ? x <= y : x >= y;
}

/** Every value a path selects from `cur` (root `$` is `root`). */
export function evalPath(path: Path, cur: unknown, root: unknown): unknown[] {
  let vals: unknown[] = [path.root ? root : cur];
  for (const seg of path.segs) {
    const next: unknown[] = [];
    for (const v of vals) {
      switch (seg.k) {
        case 'field':
          if (isObj(v) && v[seg.name] !== undefined) next.push(v[seg.name]);
          break;
        case 'recursive':
          allDescendants(v, seg.name, next);
          break;
        case 'wild':
          if (Array.isArray(v)) next.push(...v);
          else if (isObj(v)) for (const k of Object.keys(v)) next.push(v[k]);
          break;
        case 'index': {
          if (!Array.isArray(v)) break;
          const n = v.length;
          const norm = (x: number) => (x < 0 ? x + n : x);
          if (seg.single) {
            const idx = norm(seg.start ?? 0);
            if (idx < 0 || idx >= n) throw new JsonPathError(`array index out of bounds: index ${seg.start}, length ${n}`);
            next.push(v[idx]);
          } else {
            const start = Math.max(0, norm(seg.start ?? 0));
            const end = Math.min(n, norm(seg.end ?? n));
            const step = seg.step && seg.step > 0 ? seg.step : 1;
            for (let i = start; i < end; i += step) next.push(v[i]);
          }
          break;
        }
        case 'union':
          for (const key of seg.keys) {
            if (typeof key === 'number' && Array.isArray(v)) next.push(v[key < 0 ? key + v.length : key]);
            else if (isObj(v) && v[String(key)] !== undefined) next.push(v[String(key)]);
          }
          break;
        case 'filter': {
          const items = Array.isArray(v) ? v : isObj(v) ? Object.values(v) : [];
          for (const it of items) {
            const left = evalPath(seg.left, it, root);
            if (!seg.op) {
              if (left.length) next.push(it);
              continue;
            }
            const right = typeof seg.right === 'object' ? evalPath(seg.right, it, root) : [seg.right];
            if (left.length && right.length && compare(left[0], seg.op, right[0])) next.push(it);
          }
          break;
        }
      }
    }
    vals = next;
  }
  return vals;
}

/** How one value prints: strings as is, everything structured as JSON. */
export function valueText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

function run(nodes: Node[], cur: unknown, root: unknown, out: string[]): void {
  for (const n of nodes) {
    if (n.k === 'text' || n.k === 'literal') out.push(n.text);
    else if (n.k === 'path') out.push(evalPath(n.path, cur, root).map(valueText).join(' '));
    else for (const item of evalPath(n.path, cur, root)) run(n.body, item, root, out);
  }
}

/** Execute a template against data: what `-o jsonpath=TEMPLATE` prints. */
export function executeJsonPath(template: string, data: unknown): string {
  const out: string[] = [];
  run(parseTemplate(template), data, data, out);
  return out.join('');
}

/** Results of a template as values (for sort-by and custom-columns). */
export function jsonPathValues(template: string, data: unknown): unknown[] {
  const nodes = parseTemplate(template);
  const vals: unknown[] = [];
  for (const n of nodes) if (n.k === 'path') vals.push(...evalPath(n.path, data, data));
  return vals;
}

/**
 * RelaxedJSONPathExpression (kubectl/pkg/cmd/get/customcolumn.go): `.a.b`, `a.b` and `{.a.b}`
 * all mean `{.a.b}`.
 */
export function relaxedJsonPath(expr: string): string {
  const t = expr.trim();
  if (t.startsWith('{') && t.endsWith('}')) return t;
  if (!t) throw new JsonPathError('jsonpath expression cannot be empty');
  return `{${t.startsWith('.') ? t : `.${t}`}}`;
}
