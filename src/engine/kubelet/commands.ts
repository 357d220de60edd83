// The programs a simulated container can run: shell builtins and the few binaries teaching
// manifests call (echo, sleep, date, cat, printenv, perl's bpi, stress, wget, …). Each returns an
// exit status, or undefined when the program does not exist in the image.
import type { ImageSpec } from './images';
import type { ProcessInput } from './interpreter';
import { DATE_TOKEN, EPOCH_SECONDS_TOKEN, YMDHMS_TOKEN, type Program } from './program';
import { PI_DIGITS } from './pi';
import { MYSQL_PROGRAMS } from './mysql';

/** What a program may do to its process (implemented by Shell in executor.ts). */
export interface Builtin {
  readonly input: ProcessInput;
  readonly files: Map<string, string>;
  readonly env: Map<string, string>;
  readonly flavor: 'busybox' | 'gnu';
  t: number;
  status: number;
  memoryBytes?: number;
  pid1: boolean;
  errexit: boolean;
  xtrace: boolean;
  timeDependent: boolean;
  follow?: { path: string; at: number };
  out(text: string): void;
  stdin(): string | undefined;
  abs(path: string): string;
  capture(src: string): string;
  err(text: string): void;
  sleep(ms: number): void;
  writeFile(path: string, content: string | null, appended?: string): void;
  exit(code: number): never;
  forever(server?: Partial<Program>): never;
  script(src: string): void;
  command(argv: string[]): void;
}

type Impl = (b: Builtin, args: string[]) => number;

/** `sleep 5`, `sleep 0.5`, `sleep 1m`, `sleep infinity` → ms (Infinity for forever). */
export function parseSleep(arg: string | undefined): number {
  if (!arg) return NaN;
  if (arg === 'infinity' || arg === 'inf') return Infinity;
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
  if (!m) return NaN;
  const unit = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2]] ?? 1000;
  return Math.round(Number(m[1]) * unit);
}

function cat(b: Builtin, path: string): string | undefined {
  if (path === '-' || path === '') {
    const s = b.stdin();
    if (s !== undefined || path === '-') return s ?? '';
  }
  const v = b.files.get(b.abs(path));
  if (v !== undefined) return v;
  b.err(b.flavor === 'busybox' ? `cat: can't open '${path}': No such file or directory` : `cat: ${path}: No such file or directory`);
  return undefined;
}

function emit(b: Builtin, content: string): void {
  const lines = content.endsWith('\n') ? content.slice(0, -1).split('\n') : content.split('\n');
  for (const l of lines) b.out(l);
}

function test(b: Builtin, a: string[]): number {
  if (a[0] === '!') return test(b, a.slice(1)) === 0 ? 1 : 0;
  if (a.length === 1) return a[0] ? 0 : 1;
  if (a.length === 2) {
    const [op, x] = a;
    if (op === '-z') return x === '' ? 0 : 1;
    if (op === '-n') return x !== '' ? 0 : 1;
    const path = b.abs(x);
    const isDir = ['/', '/tmp', '/etc', '/var', '/usr', '/opt', '/data'].includes(path) || [...b.files.keys()].some((k) => k.startsWith(`${path}/`));
    if (op === '-f' || op === '-s' || op === '-r') return b.files.has(path) && (op !== '-s' || b.files.get(path) !== '') ? 0 : 1;
    if (op === '-e') return b.files.has(path) || isDir ? 0 : 1;
    if (op === '-d') return isDir ? 0 : 1;
    return 1;
  }
  const [x, op, y] = a;
  switch (op) {
    case '=': case '==': return x === y ? 0 : 1;
    case '!=': return x !== y ? 0 : 1;
    case '-eq': return Number(x) === Number(y) ? 0 : 1;
    case '-ne': return Number(x) !== Number(y) ? 0 : 1;
    case '-lt': return Number(x) < Number(y) ? 0 : 1;
    case '-le': return Number(x) <= Number(y) ? 0 : 1;
    case '-gt': return Number(x) > Number(y) ? 0 : 1;
    case '-ge': return Number(x) >= Number(y) ? 0 : 1;
  }
  return 2;
}

/** π to `n` significant digits as Math::BigFloat prints it (`bpi(5)` → 3.1416), rounded half up. */
export function piDigits(n: number): string {
  const digits = PI_DIGITS.slice(0, n).split('').map(Number);
  if (Number(PI_DIGITS[n] ?? '0') >= 5) {
    for (let i = digits.length - 1; i >= 0; i--) {
      if (digits[i] < 9) {
        digits[i]++;
        break;
      }
      digits[i] = 0;
    }
  }
  return n <= 1 ? String(digits[0]) : `${digits[0]}.${digits.slice(1).join('')}`;
}

const PROGRAMS: Record<string, Impl> = {
  true: () => 0,
  ':': () => 0,
  false: () => 1,
  echo: (b, a) => {
    let args = a;
    let newline = true;
    while (args[0] === '-n' || args[0] === '-e' || args[0] === '-ne' || args[0] === '-en') {
      if (args[0].includes('n')) newline = false;
      args = args.slice(1);
    }
    const text = args.join(' ').replace(/\\n/g, '\n');
    void newline;
    emit(b, text);
    return 0;
  },
  printf: (b, a) => {
    let i = 1;
    const text = (a[0] ?? '').replace(/%[sd]/g, () => a[i++] ?? '').replace(/\\n/g, '\n').replace(/\\t/g, '\t');
    if (text) emit(b, text);
    return 0;
  },
  sleep: (b, a) => {
    const ms = parseSleep(a[0]);
    if (Number.isNaN(ms)) {
      b.err(`sleep: invalid number '${a[0] ?? ''}'`);
      return 1;
    }
    b.sleep(ms);
    return 0;
  },
  exit: (b, a) => b.exit(a[0] === undefined ? b.status : Number(a[0]) & 255),
  date: (b, a) => {
    b.out(a[0] === '+%s' ? EPOCH_SECONDS_TOKEN : a[0]?.startsWith('+') ? YMDHMS_TOKEN : DATE_TOKEN);
    return 0;
  },
  hostname: (b) => {
    b.out(b.input.hostname);
    return 0;
  },
  env: (b) => {
    for (const [k, v] of b.env) b.out(`${k}=${v}`);
    return 0;
  },
  printenv: (b, a) => {
    if (!a.length) return PROGRAMS.env(b, a);
    let code = 0;
    for (const k of a) {
      const v = b.env.get(k);
      if (v === undefined) code = 1;
      else b.out(v);
    }
    return code;
  },
  cat: (b, a) => {
    let code = 0;
    const paths = a.filter((x) => !x.startsWith('-') || x === '-');
    for (const p of paths.length ? paths : ['']) {
      const v = cat(b, p);
      if (v === undefined) code = 1;
      else if (v) emit(b, v);
    }
    return code;
  },
  rev: (b, a) => {
    const v = cat(b, a[0] ?? '');
    if (v === undefined) return 1;
    emit(b, v.split('\n').map((l) => l.split('').reverse().join('')).join('\n'));
    return 0;
  },
  touch: (b, a) => {
    for (const p of a.filter((x) => !x.startsWith('-')).map((x) => b.abs(x))) if (!b.files.has(p)) b.writeFile(p, '');
    return 0;
  },
  rm: (b, a) => {
    const force = a.some((x) => /^-\w*f/.test(x));
    let code = 0;
    for (const p of a.filter((x) => !x.startsWith('-')).map((x) => b.abs(x))) {
      if (b.files.has(p)) b.writeFile(p, null);
      else if (!force) {
        b.err(`rm: can't remove '${p}': No such file or directory`);
        code = 1;
      }
    }
    return code;
  },
  mkdir: () => 0,
  cd: (b, a) => {
    b.env.set('PWD', b.abs(a[0] ?? b.env.get('HOME') ?? '/'));
    return 0;
  },
  set: (b, a) => {
    for (const opt of a) {
      const on = opt.startsWith('-');
      if (!/^[-+][a-z]+$/.test(opt)) continue;
      if (opt.includes('e')) b.errexit = on;
      if (opt.includes('x')) b.xtrace = on;
    }
    return 0;
  },
  cp: (b, a) => {
    const [src, dst] = a.filter((x) => !x.startsWith('-')).map((x) => b.abs(x));
    const v = src === undefined ? undefined : b.files.get(src);
    if (v === undefined || dst === undefined) {
      b.err(`cp: cannot stat '${src ?? ''}': No such file or directory`);
      return 1;
    }
    const isDir = a[a.length - 1].endsWith('/') || [...b.files.keys()].some((k) => k.startsWith(`${dst}/`));
    b.writeFile(isDir ? `${dst}/${src.split('/').pop()}` : dst, v);
    return 0;
  },
  mv: (b, a) => {
    const code = PROGRAMS.cp(b, a);
    if (code === 0) b.writeFile(b.abs(a.filter((x) => !x.startsWith('-'))[0]), null);
    return code;
  },
  sed: (b, a) => {
    // s/RE/REPLACEMENT/FLAGS on stdin or a file (the -E syntax; what teaching scripts use).
    const script = a.filter((x) => !x.startsWith('-'))[0] ?? '';
    const file = a.filter((x) => !x.startsWith('-'))[1];
    const m = /^s(.)(.*?)\1(.*?)\1([gi]*)$/.exec(script);
    const input = file ? cat(b, file) : b.stdin() ?? '';
    if (input === undefined) return 2;
    const body = input.endsWith('\n') ? input.slice(0, -1) : input;
    const re = m ? new RegExp(m[2], m[4].includes('g') ? 'g' : '') : undefined;
    if (body) for (const l of body.split('\n')) b.out(re ? l.replace(re, m![3].replace(/\\(\d)/g, '$$$1')) : l);
    return 0;
  },
  head: (b, a) => {
    const ni = a.indexOf('-n');
    const n = ni >= 0 ? Number(a[ni + 1]) || 10 : 10;
    const path = a.filter((x, i) => !x.startsWith('-') && i !== ni + 1)[0];
    const v = cat(b, path ?? '');
    if (v === undefined) return 1;
    emit(b, v.split('\n').slice(0, n).join('\n'));
    return 0;
  },
  ls: (b, a) => {
    const dir = b.abs(a.find((x) => !x.startsWith('-')) ?? '.').replace(/\/$/, '');
    const names = [...b.files.keys()].filter((p) => p.startsWith(`${dir}/`)).map((p) => p.slice(dir.length + 1).split('/')[0]);
    for (const n of [...new Set(names)].sort()) b.out(n);
    return 0;
  },
  test: (b, a) => test(b, a),
  '[': (b, a) => test(b, a[a.length - 1] === ']' ? a.slice(0, -1) : a),
  tail: (b, a) => {
    if (a.some((x) => x === '-f' || x === '-F' || x === '--follow')) {
      // Following a file: what it shows is computed when the log is read (the file may be
      // written by another container of the pod, through a shared volume).
      const path = a.filter((x) => !x.startsWith('-')).pop();
      if (path) b.follow = { path: b.abs(path), at: b.t };
      b.forever();
    }
    const v = cat(b, a[a.length - 1] ?? '');
    if (v === undefined) return 1;
    emit(b, v.split('\n').slice(-10).join('\n'));
    return 0;
  },
  wget: (b, a) => {
    // Fetching from the internet: say it worked, after a short while, and write the file.
    const o = a.indexOf('-O');
    const url = a.find((x) => /^https?:\/\//.test(x)) ?? a[a.length - 1] ?? '';
    b.err(`Connecting to ${url.replace(/^https?:\/\//, '').split('/')[0]}`);
    b.sleep(300);
    if (o >= 0 && a[o + 1] && a[o + 1] !== '-') b.writeFile(a[o + 1], `<html><body>${url}</body></html>\n`);
    return 0;
  },
  curl: (b, a) => {
    b.sleep(50);
    const url = a.find((x) => /^https?:\/\//.test(x) || /^[\w.-]+(:\d+)?(\/|$)/.test(x)) ?? '';
    b.err(`curl: (6) Could not resolve host: ${url.replace(/^https?:\/\//, '').split(/[/:]/)[0]}`);
    return 6;
  },
  nslookup: (b, a) => {
    b.sleep(20);
    b.out(`** server can't find ${a[a.length - 1] ?? ''}: NXDOMAIN`);
    return 1;
  },
  perl: (b, a) => {
    const ei = a.findIndex((x) => /^-\w*e$/.test(x));
    if (ei < 0) return 0; // no script: reads an empty stdin and exits
    const src = a[ei + 1] ?? '';
    const bpi = /bpi\((\d+)\)/.exec(src);
    if (bpi) {
      // Math::BigFloat computes π in pure Perl: roughly quadratic, 2000 digits take ~9 s.
      const n = Number(bpi[1]);
      b.sleep(200 + Math.round((2.25 * n * n) / 1000));
      b.out(piDigits(n));
      return 0;
    }
    const str = /print\s+["'](.*)["']/.exec(src);
    if (str) b.out(str[1]);
    return 0;
  },
  python3: (b, a) => scriptLanguage(b, a, /print\(\s*["'](.*?)["']\s*\)/g, /time\.sleep\((\d+(?:\.\d+)?)\)/, '-c'),
  python: (b, a) => PROGRAMS.python3(b, a),
  node: (b, a) => {
    if (a[0] && !a[0].startsWith('-')) {
      b.err(`Error: Cannot find module '/${a[0].replace(/^\.?\//, '')}'`);
      return 1;
    }
    return scriptLanguage(b, a, /console\.log\(\s*["'`](.*?)["'`]\s*\)/g, /$^/, '-e');
  },
  stress: (b, a) => {
    const bytes = a.indexOf('--vm-bytes');
    const timeout = a.indexOf('--timeout');
    const vm = a.includes('--vm') ? 1 : 0;
    const cpu = a.includes('--cpu') ? Number(a[a.indexOf('--cpu') + 1]) || 1 : 0;
    b.out(`stress: info: [1] dispatching hogs: ${cpu} cpu, 0 io, ${vm} vm, 0 hdd`);
    if (bytes >= 0) b.memoryBytes = parseBytes(a[bytes + 1] ?? '');
    if (timeout >= 0) {
      const ms = parseSleep(a[timeout + 1]);
      b.sleep(ms);
      b.out(`stress: info: [1] successful run completed in ${Math.round(ms / 1000)}s`);
      return 0;
    }
    return b.forever();
  },
};
PROGRAMS.bash = (b, a) => {
  b.command(['bash', ...a]);
  return b.status;
};

function scriptLanguage(b: Builtin, a: string[], printRe: RegExp, sleepRe: RegExp, flag: string): number {
  if (a[0] === '-m' && a[1] === 'http.server') b.forever({ ports: [Number(a[2]) || 8000], startupMs: 200, stopMs: 50 });
  const i = a.indexOf(flag);
  if (i < 0) return 0;
  const src = a[i + 1] ?? '';
  for (const stmt of src.split(/;|\n/)) {
    const s = sleepRe.exec(stmt);
    if (s) b.sleep(Math.round(Number(s[1]) * 1000));
    for (const m of stmt.matchAll(printRe)) b.out(m[1]);
  }
  return 0;
}

function parseBytes(v: string): number {
  const m = /^(\d+)([KMGkmg]?)$/.exec(v);
  if (!m) return 0;
  return Number(m[1]) * ({ '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase()] ?? 1);
}

/**
 * Helper scripts that only exist in one image. kubernetes-zookeeper's `zookeeper-ready PORT`
 * sends `ruok` to the local server and exits 0 on `imok` (its readiness and liveness probe in
 * the ZooKeeper tutorial); the server is up whenever the container is running here.
 */
const IMAGE_PROGRAMS: Record<string, Record<string, Impl>> = {
  'registry.k8s.io/kubernetes-zookeeper': { 'zookeeper-ready': () => 0 },
  ...MYSQL_PROGRAMS,
};

/** Run `argv` in the process; undefined when no such program exists. */
export function runProgram(b: Builtin, argv: string[]): number | undefined {
  const base = argv[0].split('/').pop() ?? argv[0];
  const impl = b.input.programs?.[base] ?? IMAGE_PROGRAMS[b.input.image.repository]?.[base] ?? PROGRAMS[base] ?? (/^perl[\d.]*$/.test(base) ? PROGRAMS.perl : /^python[\d.]*$/.test(base) ? PROGRAMS.python3 : undefined);
  if (impl) return impl(b, argv.slice(1));
  const server = serverProgram(b.input.image, argv, b.input);
  if (server) b.forever({ ...server, ignoresSigterm: !b.pid1 });
  if (base === 'docker-entrypoint.sh' || base === 'entrypoint.sh') {
    // Official images' entrypoints run their argument.
    if (argv.length > 1) {
      b.pid1 = true; // they end with `exec "$@"`
      b.command(argv.slice(1));
      return b.status;
    }
    return 0;
  }
  // The image's own binary invoked without a server sub-command (agnhost alone) prints its usage.
  if (isKnownProgram(b.input.image, argv[0])) return 0;
  return undefined;
}

export function isKnownProgram(image: ImageSpec, name: string): boolean {
  const base = name.split('/').pop() ?? name;
  if (['sh', 'bash', 'ash', 'dash', 'exec', 'docker-entrypoint.sh', 'entrypoint.sh'].includes(base)) return true;
  if (PROGRAMS[base] || IMAGE_PROGRAMS[image.repository]?.[base] || /^perl[\d.]*$/.test(base) || /^python[\d.]*$/.test(base)) return true;
  return (image.serverCommands ?? []).some((c) => (c.split('/').pop() ?? c) === base) || (image.entrypoint ?? []).some((c) => (c.split('/').pop() ?? c) === base);
}

/**
 * The server an argv runs, if any: the image's default command, one of its server binaries, or
 * an agnhost sub-command. Flags like `--http-port=9000` or `-listen=:8080` move the port.
 */
export function serverProgram(image: ImageSpec, argv: string[], input: { startupMs: number; stopMs: number }): Partial<Program> | undefined {
  if (image.behaviour !== 'server') return undefined;
  const names = (image.serverCommands ?? []).map((c) => c.split('/').pop() ?? c);
  const isDefault = argv.join('\u0000') === [...(image.entrypoint ?? []), ...(image.cmd ?? [])].join('\u0000');
  const first = argv[0] ? argv[0].split('/').pop() ?? argv[0] : '';
  if (!isDefault && !names.includes(first)) return undefined;
  let ports = image.ports ?? [];
  let healthyForMs: number | undefined;
  if (image.subcommands) {
    const sub = argv.slice(1).find((a) => image.subcommands![a]) ?? (isDefault ? undefined : argv.find((a) => image.subcommands![a]));
    if (!sub) return undefined; // agnhost with no sub-command prints its help and exits
    ports = image.subcommands[sub].ports;
    healthyForMs = image.subcommands[sub].healthyForMs;
  }
  for (const a of argv) {
    const m = /^--?(?:http-port|port|listen)=:?(\d+)$/.exec(a);
    if (m) ports = [Number(m[1]), ...ports.slice(1)];
  }
  const lines = (STARTUP_LOGS[image.repository] ?? []).map((text, i) => ({ at: i === 0 ? 0 : Math.min(i * 2, input.startupMs), text }));
  return { ports, healthyForMs, startupMs: image.startupMs ?? input.startupMs, stopMs: image.stopMs ?? input.stopMs, lines, ignoresSigterm: false };
}

/** What a few servers print when they start (kubectl logs of a fresh pod). */
const STARTUP_LOGS: Record<string, string[]> = {
  nginx: [
    '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
    '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
    '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
    `${YMDHMS_TOKEN} [notice] 1#1: using the "epoll" event method`,
    `${YMDHMS_TOKEN} [notice] 1#1: start worker processes`,
  ],
  redis: ['1:C Redis is starting oO0OoO0OoO0Oo', '1:M * Server initialized', '1:M * Ready to accept connections tcp'],
  httpd: ['AH00558: httpd: Could not reliably determine the server\'s fully qualified domain name', 'AH00094: Command line: \'httpd -D FOREGROUND\''],
  'hashicorp/http-echo': ['[INFO] server is listening on :5678'],
  'registry.k8s.io/e2e-test-images/agnhost': ['I0303 started HTTP server'],
};
