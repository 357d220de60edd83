// The fake container runtime's "process": runs a container's command symbolically, on simulated
// time, and returns a Program (program.ts): its log lines, file changes and exit, all with times.
// No Kubernetes file mirrors this (a real node runs real binaries); it is what makes
// `sleep 5`, `sh -c 'echo hi; exit 3'` and `while true; do date; sleep 5; done` behave as on kind.
import type { ImageSpec } from './images';
import { DATE_TOKEN, EPOCH_SECONDS_TOKEN, type FileEvent, type LogLine, type Program } from './program';
import { parseScript, ShellSyntaxError, type Node, type Redirect } from './shell';
import { runProgram, serverProgram, isKnownProgram, type Builtin } from './commands';

export interface ProcessInput {
  image: ImageSpec;
  argv: string[];
  /** Environment in the order a container sees it. */
  env: [string, string][];
  hostname: string;
  /** Files present before the process starts (/etc/hostname, /etc/hosts, …). */
  baseFiles: Record<string, string>;
  stopMs: number;
  startupMs: number;
  /**
   * Extra programs for this process only (`kubectl exec`'s network tools: curl, wget,
   * nslookup… in traffic/toolbox.ts), looked up before the built-in ones.
   */
  programs?: Record<string, (b: import('./commands').Builtin, args: string[]) => number>;
  /** When the process starts (absolute cluster ms; for time-dependent tools such as `mysql`). */
  startedAt?: number;
  /** When something in the pod accepts connections on localhost:port (absolute ms), if ever known. */
  localPortAt?: (port: number) => number | undefined;
  /** A TCP connection from the pod (ncat): what the server sends, or why it failed. */
  connect?: (host: string, port: number) => { ok: true; data: string } | { ok: false; message: string };
}

/** Docker's rule: `command` replaces ENTRYPOINT (and drops CMD), `args` replaces CMD. */
export function resolveArgv(image: ImageSpec, command?: string[], args?: string[]): string[] {
  if (command && command.length) return [...command, ...(args ?? [])];
  return [...(image.entrypoint ?? []), ...(args ?? image.cmd ?? [])];
}

export function flavorOf(image: ImageSpec): 'busybox' | 'gnu' {
  return /busybox|alpine|agnhost|curl|-alpine/.test(image.repository) ? 'busybox' : 'gnu';
}

const MAX_STEPS = 20_000;
/** Ten years: a `sleep` longer than this is as good as forever. */
const HORIZON_MS = 10 * 365 * 24 * 3600_000;

class Exit {
  constructor(readonly code: number) {}
}
/** The process blocks forever from here (sleep infinity, a server, tail -f). */
class Forever {
  constructor(readonly server?: Partial<Program>) {}
}
class LoopForever {
  constructor(readonly start: number, readonly period: number, readonly lines: LogLine[], readonly files: FileEvent[] = []) {}
}

type Sink = { kind: 'log' } | { kind: 'file'; path: string; buf: string[]; append: boolean } | { kind: 'capture'; buf: string[] } | { kind: 'pipe'; buf: string[] } | { kind: 'null' };

/** Shell state while a script runs. Exported for exec probes (which run in a copy of the files). */
export class Shell implements Builtin {
  t = 0;
  status = 0;
  steps = 0;
  lines: LogLine[] = [];
  fileEvents: FileEvent[] = [];
  readonly files: Map<string, string>;
  readonly env: Map<string, string>;
  private sinks: Sink[] = [{ kind: 'log' }];
  readonly flavor: 'busybox' | 'gnu';
  memoryBytes?: number;
  /** True once the script `exec`s (or is a single command): that program is then PID 1. */
  pid1 = false;
  /** bash arrays (`items=(a b c)`, BASH_REMATCH). */
  readonly arrays = new Map<string, string[]>();
  /** `set -e` / `set -x`. */
  errexit = false;
  xtrace = false;
  /** Inside a condition (if/while/until test, left of && or ||): `set -e` does not apply. */
  private condDepth = 0;
  /** A command whose result depends on when it runs (mysql waiting for mysqld): no loop template. */
  timeDependent = false;
  /** `tail -F PATH`: the file this process follows for ever. */
  follow?: { path: string; at: number };
  private stdins: (string | undefined)[] = [];
  private subDepth = 0;
  private depth = 0;

  constructor(readonly input: ProcessInput, files?: Map<string, string>) {
    this.files = files ?? new Map(Object.entries(input.baseFiles));
    this.env = new Map(input.env);
    this.flavor = flavorOf(input.image);
  }

  // ---- Builtin interface used by commands.ts
  out(text: string): void {
    const s = this.sinks[this.sinks.length - 1];
    if (s.kind === 'log') this.lines.push({ at: this.t, text });
    else if (s.kind === 'file' || s.kind === 'capture' || s.kind === 'pipe') s.buf.push(text);
  }
  /** What a pipe feeds this command (undefined: no pipe, the empty stdin of a container). */
  stdin(): string | undefined {
    return this.stdins[this.stdins.length - 1];
  }
  /** A path relative to the working directory (`cd`), made absolute. */
  abs(path: string): string {
    const raw = path.startsWith('/') ? path : `${this.env.get('PWD') || '/'}/${path}`;
    const parts: string[] = [];
    for (const seg of raw.split('/')) {
      if (!seg || seg === '.') continue;
      if (seg === '..') parts.pop();
      else parts.push(seg);
    }
    return `/${parts.join('/')}`;
  }
  /** `$(cmd)`'s output. */
  capture(src: string): string {
    return this.substitute(src);
  }
  err(text: string): void {
    // stderr goes to the container log too (kubectl logs shows both streams); $(…) and pipes
    // take stdout only.
    this.lines.push({ at: this.t, text });
  }
  sleep(ms: number): void {
    if (!Number.isFinite(ms) || this.t + ms > HORIZON_MS) throw new Forever();
    this.t += ms;
  }
  writeFile(path: string, content: string | null, appended?: string): void {
    if (content === null) this.files.delete(path);
    else this.files.set(path, content);
    this.fileEvents.push({ at: this.t, path, content, ...(appended !== undefined ? { appended } : {}) });
  }
  exit(code: number): never {
    throw new Exit(code);
  }
  forever(server?: Partial<Program>): never {
    throw new Forever(server);
  }
  shName(): string {
    return this.flavor === 'busybox' ? 'sh' : 'bash';
  }

  // ---- execution
  run(node: Node): void {
    if (++this.steps > MAX_STEPS) throw new Forever();
    switch (node.type) {
      case 'list':
        node.items.forEach(({ node: n, op }, k) => {
          if (op === '&&' && this.status !== 0) return;
          if (op === '||' && this.status === 0) return;
          // Left of && / ||: a failure is a condition, not an error for `set -e`.
          const last = k === node.items.length - 1 || node.items[k + 1].op === ';';
          if (last) this.run(n);
          else this.inCondition(() => this.run(n));
          if (last && this.errexit && this.condDepth === 0 && this.status !== 0 && n.type !== 'if' && n.type !== 'while') this.exit(this.status);
        });
        return;
      case 'pipe': {
        // Pipelines: each command's output is the next one's stdin; the last one's status.
        let input: string | undefined;
        for (let i = 0; i < node.commands.length; i++) {
          if (i === node.commands.length - 1) {
            this.withStdin(input, () => this.run(node.commands[i]));
            break;
          }
          const buf: string[] = [];
          this.withStdin(input, () => this.withSink({ kind: 'pipe', buf }, () => this.inCondition(() => this.run(node.commands[i]))));
          input = buf.length ? `${buf.join('\n')}\n` : '';
        }
        return;
      }
      case 'group':
        this.run(node.body);
        return;
      case 'cond': {
        const shown: string[] = [];
        this.status = this.cond(node.words, shown) ? 0 : 1;
        if (this.xtrace) this.trace(`[[ ${shown.join(' ')} ]]`);
        return;
      }
      case 'if':
        for (const b of node.branches) {
          this.inCondition(() => this.run(b.cond));
          if (this.status === 0) return this.run(b.body);
        }
        if (node.otherwise) this.run(node.otherwise);
        else this.status = 0;
        return;
      case 'for':
        for (const w of node.words.flatMap((x) => this.expandFields(x))) {
          this.env.set(node.name, w);
          this.run(node.body);
        }
        return;
      case 'while':
        this.runWhile(node);
        return;
      case 'simple':
        return this.runSimple(node.words, node.redirects);
    }
  }

  private runWhile(node: Extract<Node, { type: 'while' }>): void {
    let prev: { dur: number; texts: string } | undefined;
    for (let iter = 0; ; iter++) {
      const start = this.t;
      const mark = this.lines.length;
      const fmark = this.fileEvents.length;
      this.timeDependent = false;
      this.inCondition(() => this.run(node.cond));
      if ((this.status === 0) === node.until) {
        this.status = 0;
        return;
      }
      this.run(node.body);
      const dur = this.t - start;
      const lines = this.lines.slice(mark).map((l) => ({ at: l.at - start, text: l.text }));
      const files = this.fileEvents.slice(fmark).map((f) => ({ ...f, at: f.at - start }));
      const texts = [...lines.map((l) => `${l.at}|${l.text}`), ...files.map((f) => `${f.at}|${f.path}|${f.appended ?? `=${f.content}`}`)].join('\n');
      // Same duration, output and file changes as the previous round: the loop has reached a
      // steady state and will repeat forever. Keep it as a template instead of simulating it
      // round by round (not while a command in it waits for something that changes with time).
      if ((prev && prev.dur === dur && prev.texts === texts && !this.timeDependent) || this.steps > MAX_STEPS / 2 || this.t > HORIZON_MS) {
        this.lines.length = mark;
        this.fileEvents.length = fmark;
        throw new LoopForever(start, dur, lines, files);
      }
      prev = { dur, texts };
    }
  }

  private inCondition(f: () => void): void {
    this.condDepth++;
    try {
      f();
    } finally {
      this.condDepth--;
    }
  }

  private withStdin(input: string | undefined, f: () => void): void {
    this.stdins.push(input);
    try {
      f();
    } finally {
      this.stdins.pop();
    }
  }

  /** `set -x`'s prefix: one + per level of command substitution. */
  private trace(text: string): void {
    this.err(`${'+'.repeat(1 + this.subDepth)} ${text}`);
  }

  private withSink(s: Sink, f: () => void): void {
    this.sinks.push(s);
    try {
      f();
    } finally {
      this.sinks.pop();
      if (s.kind === 'file') {
        const content = s.buf.map((l) => `${l}\n`).join('');
        if (s.append) this.writeFile(s.path, (this.files.get(s.path) ?? '') + content, content);
        else this.writeFile(s.path, content);
      }
    }
  }

  /** `[[ … ]]`: -f -d -e -z -n, == != =~ (BASH_REMATCH), -eq …, && || ! ( ). */
  private cond(words: string[], shown: string[] = []): boolean {
    let p = 0;
    const ex = (w: string) => {
      const v = this.expand(w);
      shown.push(v);
      return v;
    };
    const or = (): boolean => {
      let v = and();
      while (words[p] === '||') {
        shown.push(words[p++]);
        const r = and();
        v = v || r;
      }
      return v;
    };
    const and = (): boolean => {
      let v = not();
      while (words[p] === '&&') {
        shown.push(words[p++]);
        if (!v) {
          skip();
          continue;
        }
        v = not();
      }
      return v;
    };
    const skip = () => {
      let depth = 0;
      while (p < words.length && !(depth === 0 && (words[p] === '&&' || words[p] === '||' || words[p] === ')'))) {
        if (words[p] === '(') depth++;
        if (words[p] === ')') depth--;
        p++;
      }
    };
    const not = (): boolean => {
      if (words[p] === '!') {
        shown.push(words[p++]);
        return !not();
      }
      if (words[p] === '(') {
        p++;
        const v = or();
        p++;
        return v;
      }
      return primary();
    };
    const primary = (): boolean => {
      const a = words[p++] ?? '';
      if (/^-[a-zA-Z]$/.test(a) && p < words.length && !BINARY.has(words[p] ?? '')) {
        shown.push(a);
        return runProgram(this, ['test', a, this.abs0(a, ex(words[p++]))]) === 0;
      }
      if (BINARY.has(words[p] ?? '')) {
        const op = words[p++];
        const x = ex(a);
        shown.push(op);
        const rawY = words[p++] ?? '';
        if (op === '=~') return this.regexMatch(x, ex(rawY));
        if (op === '==' || op === '=' || op === '!=') {
          const re = new RegExp(`^${globToRegex(ex(rawY))}$`);
          return (op === '!=') !== re.test(x);
        }
        const y = ex(rawY);
        if (op === '<') return x < y;
        if (op === '>') return x > y;
        const n = (v: string) => arith(v, (k) => this.env.get(k));
        return runProgram(this, ['test', String(n(x)), op, String(n(y))]) === 0;
      }
      return ex(a) !== '';
    };
    return or();
  }

  private abs0(op: string, v: string): string {
    return /^-[fdesrwx]$/.test(op) ? this.abs(v) : v;
  }

  private regexMatch(x: string, posix: string): boolean {
    let re: RegExp;
    try {
      re = new RegExp(posixToJs(posix));
    } catch {
      this.status = 2;
      return false;
    }
    const m = re.exec(x);
    if (!m) {
      this.arrays.set('BASH_REMATCH', []);
      return false;
    }
    this.arrays.set('BASH_REMATCH', [...m].map((g) => g ?? ''));
    return true;
  }

  private runSimple(words: string[], redirects: Redirect[]): void {
    let k = 0;
    for (; k < words.length && /^[A-Za-z_][A-Za-z0-9_]*\+?=\(/.test(words[k]); k++) {
      // items=(foo bar baz): an array.
      const w = words[k];
      const i = w.indexOf('=');
      const name = w.slice(0, i).replace(/\+$/, '');
      const items = (w.slice(i + 2, -1).match(/"[^"]*"|'[^']*'|\S+/g) ?? []).flatMap((x) => this.expandFields(x));
      this.arrays.set(name, w[i - 1] === '+' ? [...(this.arrays.get(name) ?? []), ...items] : items);
      this.env.set(name, this.arrays.get(name)![0] ?? '');
      this.status = 0;
    }
    const argv = words.slice(k).flatMap((w) => this.expandFields(w));
    // Leading NAME=value assignments.
    while (argv.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[0])) {
      const a = argv.shift()!;
      const i = a.indexOf('=');
      if (this.xtrace) this.trace(a);
      this.env.set(a.slice(0, i), a.slice(i + 1));
      this.arrays.delete(a.slice(0, i));
      this.status = 0;
    }
    if (!argv.length) return;
    if (this.xtrace) this.trace(argv.map(traceQuote).join(' '));
    const out = redirects.find((r) => r.op === '>' || r.op === '>>' || r.op === '>&');
    const errNull = redirects.find((r) => (r.op === '2>' || r.op === '2>>') && this.expand(r.target) === '/dev/null');
    const inp = redirects.find((r) => r.op === '<');
    const exec = inp ? () => this.withStdin(this.files.get(this.abs(this.expand(inp.target))) ?? '', () => this.command(argv)) : () => this.command(argv);
    if (out) {
      const target = this.expand(out.target);
      const path = target.startsWith('/dev/') || target.startsWith('/proc/') ? target : this.abs(target);
      if (path === '/dev/null') this.withSink({ kind: 'null' }, exec);
      else if (path === '/dev/stdout' || path === '/dev/stderr' || path === '/proc/1/fd/1' || out.op === '>&') exec();
      else this.withSink({ kind: 'file', path, buf: [], append: out.op === '>>' }, exec);
    } else if (errNull) this.withSink({ kind: this.sinks[this.sinks.length - 1].kind === 'log' ? 'log' : 'null' } as Sink, exec);
    else exec();
  }

  command(argv: string[]): void {
    const name = argv[0];
    const base = name.split('/').pop() ?? name;
    if (base === 'sh' || base === 'bash' || base === 'ash' || base === 'dash') {
      const ci = argv.indexOf('-c');
      if (ci < 0 || ci + 1 >= argv.length) {
        // An interactive shell with no terminal reads EOF from stdin and exits 0.
        this.status = 0;
        return;
      }
      this.script(argv[ci + 1]);
      return;
    }
    if (base === 'exec') {
      this.pid1 = true;
      return this.command(argv.slice(1));
    }
    const code = runProgram(this, argv);
    if (code === undefined) {
      this.err(this.flavor === 'busybox' ? `sh: ${name}: not found` : `bash: line 1: ${name}: command not found`);
      this.status = 127;
      return;
    }
    this.status = code;
  }

  script(src: string): void {
    let tree: Node;
    try {
      tree = parseScript(src);
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      this.err(`${this.shName()}: -c: line 1: ${e.message}`);
      this.exit(2);
    }
    // `sh -c 'nginx -g "daemon off;"'`: a shell given a single command execs it.
    if (this.depth === 0 && tree.type === 'list' && tree.items.length === 1 && tree.items[0].node.type === 'simple') this.pid1 = true;
    this.depth++;
    try {
      this.run(tree);
    } finally {
      this.depth--;
    }
  }

  // ---- word expansion
  expandFields(raw: string): string[] {
    const all = /^"?\$\{([A-Za-z_][A-Za-z0-9_]*)\[[@*]\]\}"?$/.exec(raw);
    if (all && this.arrays.has(all[1])) return raw.startsWith('"') ? [...this.arrays.get(all[1])!] : this.arrays.get(all[1])!.flatMap((x) => x.split(/\s+/).filter(Boolean));
    const quoted = /['"]/.test(raw);
    const v = this.expand(raw);
    if (quoted) return [v];
    return v.split(/\s+/).filter((x) => x.length > 0);
  }

  expand(raw: string): string {
    let out = '';
    let i = 0;
    while (i < raw.length) {
      const c = raw[i];
      if (c === "'") {
        const j = raw.indexOf("'", i + 1);
        out += raw.slice(i + 1, j);
        i = j + 1;
      } else if (c === '"') {
        let j = i + 1;
        let inner = '';
        while (j < raw.length && raw[j] !== '"') {
          if (raw[j] === '\\' && raw[j + 1] === '\n') {
            j += 2;
            continue;
          }
          if (raw[j] === '\\' && '"\\$`'.includes(raw[j + 1] ?? '')) {
            inner += `\\${raw[j + 1]}`;
            j += 2;
          } else inner += raw[j++];
        }
        out += this.expandDollars(inner);
        i = j + 1;
      } else {
        let j = i;
        while (j < raw.length && raw[j] !== "'" && raw[j] !== '"') j++;
        out += this.expandDollars(raw.slice(i, j));
        i = j;
      }
    }
    return out;
  }

  private expandDollars(s: string): string {
    let out = '';
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      if (c === '\\' && i + 1 < s.length) {
        out += s[++i];
        continue;
      }
      if (c === '`') {
        const j = s.indexOf('`', i + 1);
        out += this.substitute(s.slice(i + 1, j < 0 ? s.length : j));
        i = j < 0 ? s.length : j;
        continue;
      }
      if (c !== '$') {
        out += c;
        continue;
      }
      if (s.startsWith('$((', i)) {
        const j = s.indexOf('))', i);
        out += String(arith(this.expandDollars(s.slice(i + 3, j)), (n) => this.env.get(n)));
        i = j + 1;
      } else if (s[i + 1] === '(') {
        let depth = 0;
        let j = i + 1;
        for (; j < s.length; j++) {
          if (s[j] === '(') depth++;
          else if (s[j] === ')' && --depth === 0) break;
        }
        out += this.substitute(s.slice(i + 2, j));
        i = j;
      } else if (s[i + 1] === '{') {
        const j = s.indexOf('}', i);
        out += this.parameter(s.slice(i + 2, j));
        i = j;
      } else if (s[i + 1] === '?') {
        out += String(this.status);
        i++;
      } else if (s[i + 1] === '$') {
        out += '1';
        i++;
      } else {
        const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i + 1));
        if (m) {
          out += this.env.get(m[0]) ?? '';
          i += m[0].length;
        } else out += '$';
      }
    }
    return out;
  }

  /** `${…}`: NAME, NAME:-default, #NAME, NAME[i], NAME[@], #NAME[@]. */
  private parameter(expr: string): string {
    const len = /^#([A-Za-z_][A-Za-z0-9_]*)(\[[@*]\])?$/.exec(expr);
    if (len) return String(len[2] ? (this.arrays.get(len[1]) ?? (this.env.has(len[1]) ? [''] : [])).length : (this.env.get(len[1]) ?? '').length);
    const el = /^([A-Za-z_][A-Za-z0-9_]*)\[([^\]]*)\]$/.exec(expr);
    if (el) {
      const arr = this.arrays.get(el[1]) ?? (this.env.has(el[1]) ? [this.env.get(el[1])!] : []);
      if (el[2] === '@' || el[2] === '*') return arr.join(' ');
      const idx = arith(this.expandDollars(el[2]), (n) => this.env.get(n));
      return arr[idx < 0 ? arr.length + idx : idx] ?? '';
    }
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?)-(.*))?$/.exec(expr);
    if (!m) return '';
    const v = this.env.get(m[1]);
    if (m[3] === undefined) return v ?? '';
    const useDefault = m[2] ? !v : v === undefined;
    return useDefault ? this.expandDollars(m[3]) : v ?? '';
  }

  /** `$(cmd)`: run cmd, capture its output (dates stay tokens and render at read time). */
  private substitute(src: string): string {
    const file = /^\s*<\s*(\S+)\s*$/.exec(src);
    if (file) return (this.files.get(this.abs(this.expand(file[1]))) ?? '').replace(/\n+$/, '');
    const buf: string[] = [];
    const status = this.status;
    this.subDepth++;
    try {
      this.withSink({ kind: 'capture', buf }, () => this.inCondition(() => this.script(src)));
    } finally {
      this.subDepth--;
    }
    this.status = status;
    return buf.join('\n').replace(/\n+$/, '');
  }
}

const BINARY = new Set(['==', '=', '!=', '=~', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '<', '>']);

/** POSIX ERE (as bash's =~ reads it) to a JavaScript RegExp source: [[:space:]] and friends. */
export function posixToJs(re: string): string {
  const classes: Record<string, string> = { space: '\\s', digit: '0-9', alpha: 'A-Za-z', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', xdigit: '0-9A-Fa-f', punct: '!-\\/:-@\\[-`{-~', blank: ' \\t' };
  return re.replace(/\[:([a-z]+):\]/g, (m, c: string) => classes[c] ?? m);
}

/** A shell pattern (`==` in [[ ]]) as a RegExp source. */
function globToRegex(glob: string): string {
  return glob.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
}

/** How `set -x` shows an argument. */
function traceQuote(a: string): string {
  return /^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`;
}

/** Tiny $((…)) evaluator: integers, variables, + - * / % and comparisons. */
function arith(expr: string, get: (name: string) => string | undefined): number {
  const toks = expr.match(/\d+|[A-Za-z_]\w*|==|!=|<=|>=|[-+*/%()<>]/g) ?? [];
  let p = 0;
  const primary = (): number => {
    const t = toks[p++];
    if (t === '(') {
      const v = cmp();
      p++;
      return v;
    }
    if (t === '-') return -primary();
    if (t !== undefined && /^\d+$/.test(t)) return Number(t);
    return Number(get((t ?? '').replace(/^\$/, '')) ?? 0) || 0;
  };
  const term = (): number => {
    let v = primary();
    while (toks[p] === '*' || toks[p] === '/' || toks[p] === '%') {
      const op = toks[p++];
      const r = primary();
      v = op === '*' ? v * r : op === '/' ? Math.trunc(v / (r || 1)) : v % (r || 1);
    }
    return v;
  };
  const sum = (): number => {
    let v = term();
    while (toks[p] === '+' || toks[p] === '-') v = toks[p++] === '+' ? v + term() : v - term();
    return v;
  };
  const cmp = (): number => {
    let v = sum();
    while (toks[p] && ['<', '>', '<=', '>=', '==', '!='].includes(toks[p])) {
      const op = toks[p++];
      const r = sum();
      v = Number(op === '<' ? v < r : op === '>' ? v > r : op === '<=' ? v <= r : op === '>=' ? v >= r : op === '==' ? v === r : v !== r);
    }
    return v;
  };
  return cmp();
}

/**
 * Run a container's main process. Servers run until stopped; anything else is interpreted.
 * Worked example: `sh -c 'echo start; sleep 5; exit 3'` → lines [{0,'start'}], exit {5000, 3}.
 */
export function interpret(input: ProcessInput): Program {
  const base: Program = {
    kind: 'script', lines: [], files: [], ignoresSigterm: true, stopMs: input.stopMs, ports: [], startupMs: input.startupMs,
  };
  const { image, argv } = input;
  if (image.behaviour === 'pause') return { ...base, kind: 'pause', ignoresSigterm: false, stopMs: image.stopMs ?? 10 };
  const server = serverProgram(image, argv, input);
  if (server) return { ...base, ...server, kind: 'server', ignoresSigterm: false };
  if (!argv.length) {
    return { ...base, kind: 'startError', startError: 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: no command specified: unknown', exit: { at: 0, code: 128 } };
  }
  if (!isKnownProgram(image, argv[0])) {
    return {
      ...base, kind: 'startError', exit: { at: 0, code: 128 },
      startError: `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${argv[0]}": executable file not found in $PATH: unknown`,
    };
  }
  const sh = new Shell(input);
  const finish = (extra: Partial<Program>): Program => ({
    ...base, lines: sh.lines, files: sh.fileEvents, memoryBytes: sh.memoryBytes, ...extra,
  });
  try {
    sh.command(argv);
    return finish({ exit: { at: sh.t, code: sh.status } });
  } catch (e) {
    if (e instanceof Exit) return finish({ exit: { at: sh.t, code: e.code } });
    if (e instanceof LoopForever) return finish({ loop: { start: e.start, period: e.period, lines: e.lines, ...(e.files.length ? { files: e.files } : {}) } });
    if (e instanceof Forever) {
      // A server started from a script: with `exec` (or as the only command) it is PID 1 and
      // handles SIGTERM; otherwise the shell is PID 1 and ignores it.
      return finish(e.server ? { ...e.server, kind: 'server' } : sh.follow ? { follow: sh.follow } : {});
    }
    throw e;
  }
}

/**
 * Run an exec probe's command inside a running container whose files are `files`.
 * Returns the exit code and combined output, as the CRI ExecSync call would.
 */
export function execInContainer(input: ProcessInput, argv: string[], files: Map<string, string>): { code: number; output: string } {
  const sh = new Shell({ ...input, argv }, new Map(files));
  let code: number;
  try {
    if (!isKnownProgram(input.image, argv[0] ?? '')) {
      return { code: 126, output: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH: unknown` };
    }
    sh.command(argv);
    code = sh.status;
  } catch (e) {
    if (e instanceof Exit) code = e.code;
    else if (e instanceof Forever || e instanceof LoopForever) return { code: -1, output: 'command timed out' };
    else throw e;
  }
  const output = sh.lines.map((l) => l.text.split(DATE_TOKEN).join('').split(EPOCH_SECONDS_TOKEN).join('')).join('\n');
  return { code, output };
}
