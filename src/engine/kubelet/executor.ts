// The shell's executor: the state of a running script (time, status, files, environment, arrays,
// output sinks, `set -e`/`set -x`) and how each parsed node runs: lists, pipes, if/for, while
// loops (kept as a template once they repeat), simple commands. Expansion, `[[ ]]` and
// redirections live in expand.ts, cond.ts and redirect.ts; the programs in commands.ts.
import { runProgram, type Builtin } from './commands';
import { cond } from './cond';
import { expandWord, expandWordFields } from './expand';
import { flavorOf, type ProcessInput } from './process_input';
import type { FileEvent, LogLine, Program } from './program';
import { withRedirects, type Sink } from './redirect';
import { parseScript, ShellSyntaxError, type Node, type Redirect } from './shell';
import { Exit, Forever, HORIZON_MS, LoopForever, MAX_STEPS } from './signals';

/** Shell state while a script runs. Exported for exec probes (which run in a copy of the files). */
export class Shell implements Builtin {
  t = 0;
  status = 0;
  steps = 0;
  lines: LogLine[] = [];
  fileEvents: FileEvent[] = [];
  readonly files: Map<string, string>;
  readonly env: Map<string, string>;
  /** Where output goes: the top one (redirect.ts). */
  readonly sinks: Sink[] = [{ kind: 'log' }];
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
        this.status = cond(this, node.words, shown) ? 0 : 1;
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

  withStdin(input: string | undefined, f: () => void): void {
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

  withSink(s: Sink, f: () => void): void {
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
    withRedirects(this, redirects, () => this.command(argv));
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

  // ---- word expansion (expand.ts)
  expandFields(raw: string): string[] {
    return expandWordFields(this, raw);
  }

  expand(raw: string): string {
    return expandWord(this, raw);
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

/** How `set -x` shows an argument. */
function traceQuote(a: string): string {
  return /^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`;
}
