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
  constructor(readonly start: number, readonly period: number, readonly lines: LogLine[]) {}
}

type Sink = { kind: 'log' } | { kind: 'file'; path: string; buf: string[]; append: boolean } | { kind: 'capture'; buf: string[] } | { kind: 'null' };

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
    else if (s.kind === 'file' || s.kind === 'capture') s.buf.push(text);
  }
  err(text: string): void {
    // stderr goes to the container log too (kubectl logs shows both streams).
    if (this.sinks[this.sinks.length - 1].kind === 'capture') (this.sinks[this.sinks.length - 1] as { buf: string[] }).buf.push(text);
    else this.lines.push({ at: this.t, text });
  }
  sleep(ms: number): void {
    if (!Number.isFinite(ms) || this.t + ms > HORIZON_MS) throw new Forever();
    this.t += ms;
  }
  writeFile(path: string, content: string | null): void {
    if (content === null) this.files.delete(path);
    else this.files.set(path, content);
    this.fileEvents.push({ at: this.t, path, content });
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
        for (const { node: n, op } of node.items) {
          if (op === '&&' && this.status !== 0) continue;
          if (op === '||' && this.status === 0) continue;
          this.run(n);
        }
        return;
      case 'pipe':
        // Pipelines: the last command's status; earlier output is consumed, not logged.
        for (let i = 0; i < node.commands.length; i++) {
          if (i < node.commands.length - 1) this.withSink({ kind: 'null' }, () => this.run(node.commands[i]));
          else this.run(node.commands[i]);
        }
        return;
      case 'group':
        this.run(node.body);
        return;
      case 'if':
        for (const b of node.branches) {
          this.run(b.cond);
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
        return this.runWhile(node);
      case 'simple':
        return this.runSimple(node.words, node.redirects);
    }
  }

  private runWhile(node: Extract<Node, { type: 'while' }>): void {
    let prev: { dur: number; texts: string } | undefined;
    for (let iter = 0; ; iter++) {
      const start = this.t;
      const mark = this.lines.length;
      this.run(node.cond);
      if ((this.status === 0) === node.until) {
        this.status = 0;
        return;
      }
      this.run(node.body);
      const dur = this.t - start;
      const lines = this.lines.slice(mark).map((l) => ({ at: l.at - start, text: l.text }));
      const texts = lines.map((l) => `${l.at}|${l.text}`).join('\n');
      // Same duration and output as the previous round: the loop has reached a steady state and
      // will repeat forever. Keep it as a template instead of simulating it round by round.
      if ((prev && prev.dur === dur && prev.texts === texts) || this.steps > MAX_STEPS / 2 || this.t > HORIZON_MS) {
        this.lines.length = mark;
        throw new LoopForever(start, dur, lines);
      }
      prev = { dur, texts };
    }
  }

  private withSink(s: Sink, f: () => void): void {
    this.sinks.push(s);
    try {
      f();
    } finally {
      this.sinks.pop();
      if (s.kind === 'file') {
        const content = s.buf.map((l) => `${l}\n`).join('');
        this.writeFile(s.path, s.append ? (this.files.get(s.path) ?? '') + content : content);
      }
    }
  }

  private runSimple(words: string[], redirects: Redirect[]): void {
    const argv = words.flatMap((w) => this.expandFields(w));
    // Leading NAME=value assignments.
    while (argv.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[0])) {
      const a = argv.shift()!;
      const i = a.indexOf('=');
      this.env.set(a.slice(0, i), a.slice(i + 1));
      this.status = 0;
    }
    if (!argv.length) return;
    const out = redirects.find((r) => r.op === '>' || r.op === '>>' || r.op === '>&');
    const errNull = redirects.find((r) => (r.op === '2>' || r.op === '2>>') && this.expand(r.target) === '/dev/null');
    const exec = () => this.command(argv);
    if (out) {
      const path = this.expand(out.target);
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
        out += String(arith(s.slice(i + 3, j), (n) => this.env.get(n)));
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
        const expr = s.slice(i + 2, j);
        const m = /^([A-Za-z_][A-Za-z0-9_]*)(?::?-(.*))?$/.exec(expr);
        out += m ? this.env.get(m[1]) || (m[2] ?? '') : '';
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

  /** `$(cmd)`: run cmd, capture its output (dates stay tokens and render at read time). */
  private substitute(src: string): string {
    const buf: string[] = [];
    const status = this.status;
    this.withSink({ kind: 'capture', buf }, () => this.script(src));
    this.status = status;
    return buf.join('\n');
  }
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
    if (e instanceof LoopForever) return finish({ loop: { start: e.start, period: e.period, lines: e.lines } });
    if (e instanceof Forever) {
      // A server started from a script: with `exec` (or as the only command) it is PID 1 and
      // handles SIGTERM; otherwise the shell is PID 1 and ignores it.
      return finish(e.server ? { ...e.server, kind: 'server' } : {});
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
