// A small POSIX shell parser for the scripts students put in `command: ["sh", "-c", "…"]`.
// Mirrors nothing in Kubernetes (the real shell runs inside the container); it covers what
// teaching manifests use: `;` `&&` `||` `|`, redirections, `while`/`until`/`for`/`if`, `( )` `{ }`.
// Words keep their quotes; the interpreter expands `$VAR`, `$(date)` and `$((i+1))` when it runs them.

export type Node =
  | { type: 'simple'; words: string[]; redirects: Redirect[] }
  | { type: 'list'; items: { node: Node; op: ';' | '&&' | '||' }[] }
  | { type: 'pipe'; commands: Node[] }
  | { type: 'while'; until: boolean; cond: Node; body: Node }
  | { type: 'for'; name: string; words: string[]; body: Node }
  | { type: 'if'; branches: { cond: Node; body: Node }[]; otherwise?: Node }
  | { type: 'group'; body: Node }
  /** bash `[[ … ]]`: words kept unsplit, `&&` `||` `!` `(` `)` inside are the test's own. */
  | { type: 'cond'; words: string[] };

export interface Redirect {
  op: '>' | '>>' | '<' | '2>' | '2>>' | '>&';
  target: string;
}

const OPERATORS = ['&&', '||', '2>>', '>>', '2>&1', '2>', '>&', ';;', ';', '|', '&', '>', '<', '(', ')', '\n'];

export class ShellSyntaxError extends Error {}

/** Split a script into words (quotes kept) and operators. */
export function tokenize(src: string): string[] {
  const out: string[] = [];
  let cur = '';
  let i = 0;
  const flush = () => {
    if (cur) out.push(cur);
    cur = '';
  };
  while (i < src.length) {
    const c = src[i];
    if (!cur && src.startsWith('[[', i) && /\s/.test(src[i + 2] ?? '')) {
      i = condWords(src, i + 2, out);
      continue;
    }
    if (c === '(' && /^[A-Za-z_][A-Za-z0-9_]*\+?=$/.test(cur)) {
      // Array assignment: items=(foo bar baz) is one word.
      const j = src.indexOf(')', i);
      if (j < 0) throw new ShellSyntaxError('syntax error: unexpected end of file');
      cur += src.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === "'") {
      const j = src.indexOf("'", i + 1);
      if (j < 0) throw new ShellSyntaxError('unterminated quoted string');
      cur += src.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      if (j >= src.length) throw new ShellSyntaxError('unterminated quoted string');
      cur += src.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === '\\' && i + 1 < src.length) {
      if (src[i + 1] === '\n') {
        i += 2;
        continue;
      }
      cur += src.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c === '$' && (src[i + 1] === '(' || src[i + 1] === '{')) {
      // $(…), $((…)), ${…}: keep balanced text inside one word.
      const open = src[i + 1];
      const close = open === '(' ? ')' : '}';
      let depth = 0;
      let j = i + 1;
      for (; j < src.length; j++) {
        if (src[j] === open) depth++;
        else if (src[j] === close && --depth === 0) break;
      }
      cur += src.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === '`') {
      const j = src.indexOf('`', i + 1);
      cur += src.slice(i, j < 0 ? src.length : j + 1);
      i = j < 0 ? src.length : j + 1;
      continue;
    }
    if (c === '#' && !cur) {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      flush();
      i++;
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (op && !(op === '2>' || op === '2>>' || op === '2>&1') || (op && !cur)) {
      flush();
      out.push(op);
      i += op.length;
      continue;
    }
    cur += c;
    i++;
  }
  flush();
  return out;
}

/** The words of `[[ … ]]` from `i` (after `[[`): pushes `[[`, the words and `]]`; returns the index after. */
function condWords(src: string, i: number, out: string[]): number {
  out.push('[[');
  let cur = '';
  for (;;) {
    if (i >= src.length) throw new ShellSyntaxError("syntax error: unexpected end of file, expected ']]'");
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\n') {
      if (cur === ']]') {
        out.push(cur);
        return i;
      }
      if (cur) out.push(cur);
      cur = '';
      i++;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < src.length && src[j] !== c) j += c === '"' && src[j] === '\\' ? 2 : 1;
      cur += src.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === '$' && src[i + 1] === '(') {
      let depth = 0;
      let j = i + 1;
      for (; j < src.length; j++) {
        if (src[j] === '(') depth++;
        else if (src[j] === ')' && --depth === 0) break;
      }
      cur += src.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === '\\' && i + 1 < src.length) {
      cur += src.slice(i, i + 2);
      i += 2;
      continue;
    }
    if ((c === ';' || c === '&' || c === '|' || c === ')') && cur === ']]') {
      out.push(cur);
      return i;
    }
    cur += c;
    i++;
    if (cur === ']]' && i >= src.length) {
      out.push(cur);
      return i;
    }
  }
}

const KEYWORDS = new Set(['do', 'done', 'then', 'fi', 'elif', 'else', '}', ')']);

export function parseScript(src: string): Node {
  const toks = tokenize(src);
  let p = 0;
  const peek = () => toks[p];
  const next = () => toks[p++];
  const skipNewlines = () => {
    while (peek() === '\n' || peek() === ';') p++;
  };
  const expect = (w: string) => {
    skipNewlines();
    if (next() !== w) throw new ShellSyntaxError(`syntax error: expected "${w}"`);
  };

  function list(stop: Set<string>): Node {
    const items: { node: Node; op: ';' | '&&' | '||' }[] = [];
    let op: ';' | '&&' | '||' = ';';
    for (;;) {
      while (peek() === '\n' || peek() === ';' || peek() === '&') p++;
      const t = peek();
      if (t === undefined || stop.has(t)) break;
      items.push({ node: pipeline(), op });
      const o = peek();
      if (o === '&&' || o === '||') {
        p++;
        while (peek() === '\n') p++;
        op = o;
      } else op = ';';
    }
    return { type: 'list', items };
  }

  function pipeline(): Node {
    const commands = [command()];
    while (peek() === '|') {
      p++;
      commands.push(command());
    }
    return commands.length === 1 ? commands[0] : { type: 'pipe', commands };
  }

  function command(): Node {
    const t = peek();
    if (t === 'while' || t === 'until') {
      p++;
      const cond = list(new Set(['do']));
      expect('do');
      const body = list(new Set(['done']));
      expect('done');
      return { type: 'while', until: t === 'until', cond, body };
    }
    if (t === 'for') {
      p++;
      const name = next();
      const words: string[] = [];
      if (peek() === 'in') {
        p++;
        while (peek() !== undefined && peek() !== ';' && peek() !== '\n') words.push(next());
      }
      expect('do');
      const body = list(new Set(['done']));
      expect('done');
      return { type: 'for', name, words, body };
    }
    if (t === 'if') {
      p++;
      const branches: { cond: Node; body: Node }[] = [];
      let otherwise: Node | undefined;
      for (;;) {
        const cond = list(new Set(['then']));
        expect('then');
        const body = list(new Set(['elif', 'else', 'fi']));
        branches.push({ cond, body });
        skipNewlines();
        const k = next();
        if (k === 'elif') continue;
        if (k === 'else') {
          otherwise = list(new Set(['fi']));
          expect('fi');
        } else if (k !== 'fi') throw new ShellSyntaxError('syntax error: expected "fi"');
        break;
      }
      return { type: 'if', branches, otherwise };
    }
    if (t === '[[') {
      p++;
      const words: string[] = [];
      while (peek() !== undefined && peek() !== ']]') words.push(next());
      if (next() !== ']]') throw new ShellSyntaxError("syntax error: expected ']]'");
      return { type: 'cond', words };
    }
    if (t === '(' || t === '{') {
      p++;
      const body = list(new Set([t === '(' ? ')' : '}']));
      expect(t === '(' ? ')' : '}');
      return { type: 'group', body };
    }
    const words: string[] = [];
    const redirects: Redirect[] = [];
    for (;;) {
      const w = peek();
      if (w === undefined || w === ';' || w === '\n' || w === '&&' || w === '||' || w === '|' || w === '&' || w === ')') break;
      if (words.length === 0 && KEYWORDS.has(w)) break;
      if (w === '>' || w === '>>' || w === '<' || w === '2>' || w === '2>>' || w === '>&') {
        p++;
        redirects.push({ op: w, target: next() ?? '' });
        continue;
      }
      if (w === '2>&1') {
        p++;
        continue;
      }
      words.push(next());
    }
    if (!words.length && !redirects.length) throw new ShellSyntaxError(`syntax error: unexpected "${peek() ?? 'end of file'}"`);
    return { type: 'simple', words, redirects };
  }

  const root = list(new Set());
  if (p < toks.length) throw new ShellSyntaxError(`syntax error: unexpected "${toks[p]}"`);
  return root;
}
