// A subset of Go's text/template as `kubectl get -o go-template=…` uses it
// (k8s.io/cli-runtime/pkg/printers/template.go): `{{.a.b}}`, `{{range .items}}…{{end}}`,
// `{{if …}}…{{else}}…{{end}}`, `{{index .metadata.labels "app"}}`, `{{len .items}}`,
// `{{printf "%s" .x}}`, string literals, `{{- trim -}}` markers. Missing keys print
// `<no value>`, maps print as `map[k:v]`, as Go does.

export class TemplateError extends Error {}

type Tok = { k: 'text'; text: string } | { k: 'action'; text: string };
type Node =
  | { k: 'text'; text: string }
  | { k: 'expr'; words: string[] }
  | { k: 'range' | 'if' | 'with'; words: string[]; body: Node[]; elseBody: Node[] };

function lex(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    if (open < 0) {
      toks.push({ k: 'text', text: src.slice(i) });
      break;
    }
    let text = src.slice(i, open);
    const close = src.indexOf('}}', open + 2);
    if (close < 0) throw new TemplateError('unclosed action');
    let inner = src.slice(open + 2, close);
    if (inner.startsWith('-')) {
      inner = inner.slice(1);
      text = text.replace(/\s+$/, '');
    }
    let trimAfter = false;
    if (inner.endsWith('-')) {
      inner = inner.slice(0, -1);
      trimAfter = true;
    }
    if (text) toks.push({ k: 'text', text });
    toks.push({ k: 'action', text: inner.trim() });
    i = close + 2;
    if (trimAfter) while (i < src.length && /\s/.test(src[i])) i++;
  }
  return toks;
}

/** Split an action into words, keeping quoted strings whole. */
function words(action: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|`([^`]*)`|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(action))) out.push(m[3] ?? `"${m[1] ?? m[2]}"`);
  return out;
}

function parse(toks: Tok[]): Node[] {
  const root: Node[] = [];
  const stack: { node?: Extract<Node, { body: Node[] }>; list: Node[]; inElse: boolean }[] = [{ list: root, inElse: false }];
  for (const t of toks) {
    const top = stack[stack.length - 1];
    if (t.k === 'text') {
      top.list.push({ k: 'text', text: t.text });
      continue;
    }
    if (t.text.startsWith('/*')) continue;
    const w = words(t.text);
    const head = w[0];
    if (head === 'range' || head === 'if' || head === 'with') {
      const node = { k: head, words: w.slice(1), body: [] as Node[], elseBody: [] as Node[] } as Extract<Node, { body: Node[] }>;
      top.list.push(node);
      stack.push({ node, list: node.body, inElse: false });
    } else if (head === 'else') {
      if (!top.node) throw new TemplateError('unexpected {{else}}');
      top.list = top.node.elseBody;
      top.inElse = true;
    } else if (head === 'end') {
      if (!top.node) throw new TemplateError('unexpected {{end}}');
      stack.pop();
    } else top.list.push({ k: 'expr', words: w });
  }
  if (stack.length > 1) throw new TemplateError('unexpected EOF');
  return root;
}

const NO_VALUE = Symbol('no value');

function field(v: unknown, path: string): unknown {
  let cur: unknown = v;
  for (const part of path.split('.').filter(Boolean)) {
    if (cur && typeof cur === 'object' && !Array.isArray(cur) && part in (cur as object)) cur = (cur as Record<string, unknown>)[part];
    else return NO_VALUE;
  }
  return cur;
}

function goString(v: unknown): string {
  if (v === NO_VALUE || v === undefined) return '<no value>';
  if (v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(goString).join(' ')}]`;
  const o = v as Record<string, unknown>;
  return `map[${Object.keys(o).sort().map((k) => `${k}:${goString(o[k])}`).join(' ')}]`;
}

function truthy(v: unknown): boolean {
  if (v === NO_VALUE || v === undefined || v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v as object).length > 0;
  return true;
}

interface Scope {
  dot: unknown;
  root: unknown;
  vars: Map<string, unknown>;
}

function arg(w: string, s: Scope): unknown {
  if (w.startsWith('"')) return w.slice(1, -1).replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
  if (/^-?\d+$/.test(w)) return Number(w);
  if (w === 'true' || w === 'false') return w === 'true';
  if (w === '.') return s.dot;
  if (w.startsWith('$')) {
    const dot = w.indexOf('.');
    const name = dot < 0 ? w : w.slice(0, dot);
    const base = name === '$' ? s.root : s.vars.get(name);
    return dot < 0 ? base : field(base, w.slice(dot));
  }
  if (w.startsWith('.')) return field(s.dot, w);
  throw new TemplateError(`function "${w}" not defined`);
}

function sprintf(fmt: string, args: unknown[]): string {
  let i = 0;
  return fmt.replace(/%([-\d]*)([svdq%])/g, (_, width: string, verb: string) => {
    if (verb === '%') return '%';
    const v = args[i++];
    let s = verb === 'q' ? JSON.stringify(goString(v)) : goString(v);
    const n = Number(width);
    if (width && n) s = n < 0 ? s.padEnd(-n) : s.padStart(n);
    return s;
  });
}

function evalWords(w: string[], s: Scope): unknown {
  if (!w.length) throw new TemplateError('missing value for command');
  // A pipeline `x | f`: the value of the left becomes the last argument.
  const bar = w.indexOf('|');
  if (bar >= 0) {
    const left = evalWords(w.slice(0, bar), s);
    const right = w.slice(bar + 1);
    return callFn(right[0], [...right.slice(1).map((x) => arg(x, s)), left]);
  }
  const [head, ...rest] = w;
  if (['index', 'len', 'printf', 'print', 'not', 'and', 'or', 'eq', 'ne', 'lt', 'gt', 'le', 'ge', 'base64decode'].includes(head)) {
    return callFn(head, rest.map((x) => arg(x, s)));
  }
  if (rest.length) throw new TemplateError(`can't give argument to non-function ${head}`);
  return arg(head, s);
}

function callFn(name: string, a: unknown[]): unknown {
  switch (name) {
    case 'index': {
      let cur = a[0];
      for (const k of a.slice(1)) {
        if (Array.isArray(cur)) cur = cur[Number(k)];
        else if (cur && typeof cur === 'object') cur = (cur as Record<string, unknown>)[String(k)];
        else return NO_VALUE;
        if (cur === undefined) return NO_VALUE;
      }
      return cur;
    }
    case 'len': {
      const v = a[0];
      if (typeof v === 'string' || Array.isArray(v)) return v.length;
      if (v && typeof v === 'object') return Object.keys(v).length;
      throw new TemplateError(`error calling len: len of type ${typeof v}`);
    }
    case 'printf':
      return sprintf(String(a[0] ?? ''), a.slice(1));
    case 'print':
      return a.map(goString).join(' ');
    case 'not':
      return !truthy(a[0]);
    case 'and':
      return a.every(truthy) ? a[a.length - 1] : a.find((x) => !truthy(x));
    case 'or':
      return a.find(truthy) ?? a[a.length - 1];
    case 'eq':
      return a.slice(1).some((x) => x === a[0]);
    case 'ne':
      return a[0] !== a[1];
    case 'lt':
      return Number(a[0]) < Number(a[1]);
    case 'gt':
      return Number(a[0]) > Number(a[1]);
    case 'le':
      return Number(a[0]) <= Number(a[1]);
    case 'ge':
      return Number(a[0]) >= Number(a[1]);
    case 'base64decode':
      return decodeBase64(String(a[0] ?? ''));
    default:
      throw new TemplateError(`function "${name}" not defined`);
  }
}

function decodeBase64(s: string): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let bits = 0;
  let acc = 0;
  const bytes: number[] = [];
  for (const c of s.replace(/=+$/, '')) {
    const v = chars.indexOf(c);
    if (v < 0) continue;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((acc >> bits) & 0xff);
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

function exec(nodes: Node[], s: Scope, out: string[]): void {
  for (const n of nodes) {
    if (n.k === 'text') out.push(n.text);
    else if (n.k === 'expr') {
      // `$x := value` declares a variable; it prints nothing.
      if (n.words.length > 2 && n.words[1] === ':=') {
        s.vars.set(n.words[0], evalWords(n.words.slice(2), s));
        continue;
      }
      out.push(goString(evalWords(n.words, s)));
    } else if (n.k === 'if' || n.k === 'with') {
      const v = evalWords(n.words, s);
      if (truthy(v)) exec(n.body, n.k === 'with' ? { ...s, dot: v } : s, out);
      else exec(n.elseBody, s, out);
    } else {
      // `range $i, $e := .items` or `range .items`.
      let w = n.words;
      let names: string[] = [];
      const decl = w.indexOf(':=');
      if (decl >= 0) {
        names = w.slice(0, decl).join(' ').split(',').map((x) => x.trim()).filter(Boolean);
        w = w.slice(decl + 1);
      }
      const v = evalWords(w, s);
      const entries: [unknown, unknown][] = Array.isArray(v)
        ? v.map((x, i) => [i, x])
        : v && typeof v === 'object'
          ? Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]])
          : [];
      if (!entries.length) exec(n.elseBody, s, out);
      for (const [key, val] of entries) {
        const vars = new Map(s.vars);
        if (names.length === 1) vars.set(names[0], val);
        if (names.length === 2) {
          vars.set(names[0], key);
          vars.set(names[1], val);
        }
        exec(n.body, { dot: val, root: s.root, vars }, out);
      }
    }
  }
}

/** Execute a go-template against data. */
export function executeGoTemplate(template: string, data: unknown): string {
  const out: string[] = [];
  exec(parse(lex(template)), { dot: data, root: data, vars: new Map() }, out);
  return out.join('');
}
