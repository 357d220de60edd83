// pflag-style flag parsing as cobra does it for kubectl (spf13/pflag flag.go: parseLongArg,
// parseShortArg): `--f=v`, `--f v`, `-f v`, `-fv`, `-f=v`, bool flags, `--` ends flags, flags and
// arguments interleave freely. Error texts are pflag's.
import { parseGoDuration } from './duration';

export type FlagType = 'bool' | 'string' | 'int' | 'stringArray' | 'duration';

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  default?: string | number | boolean | string[];
  /** Its line in `--help`, where the shared one in help.ts (FLAG_HELP) does not fit this command. */
  help?: string;
}

export class FlagError extends Error {}

/** Flags every kubectl command accepts (kubectl's persistent flags); most are ignored here. */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'help', short: 'h', type: 'bool' },
  { name: 'context', type: 'string' },
  { name: 'cluster', type: 'string' },
  { name: 'user', type: 'string' },
  { name: 'kubeconfig', type: 'string' },
  { name: 'server', short: 's', type: 'string' },
  { name: 'token', type: 'string' },
  { name: 'request-timeout', type: 'string' },
  { name: 'insecure-skip-tls-verify', type: 'bool' },
  { name: 'v', short: 'v', type: 'int' },
  { name: 'warnings-as-errors', type: 'bool' },
];

export class ParsedFlags {
  readonly values = new Map<string, string | number | boolean | string[]>();
  readonly changed = new Set<string>();
  readonly args: string[] = [];
  constructor(readonly specs: FlagSpec[]) {
    for (const s of specs) if (s.default !== undefined) this.values.set(s.name, s.default);
  }
  has(name: string): boolean {
    return this.changed.has(name);
  }
  str(name: string): string {
    const v = this.values.get(name);
    return typeof v === 'string' ? v : v === undefined ? '' : String(v);
  }
  bool(name: string): boolean {
    return this.values.get(name) === true;
  }
  int(name: string): number {
    const v = this.values.get(name);
    return typeof v === 'number' ? v : 0;
  }
  /** Duration flags are stored in milliseconds. */
  ms(name: string): number {
    return this.int(name);
  }
  arr(name: string): string[] {
    const v = this.values.get(name);
    return Array.isArray(v) ? v : [];
  }
}

function setValue(p: ParsedFlags, spec: FlagSpec, raw: string): void {
  // pflag names a flag with its shorthand in errors whichever form was typed.
  const display = spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
  const bad = (why: string): never => {
    throw new FlagError(`invalid argument "${raw}" for "${display}" flag: ${why}`);
  };
  switch (spec.type) {
    case 'bool': {
      const t = ['1', 't', 'T', 'TRUE', 'true', 'True'];
      const f = ['0', 'f', 'F', 'FALSE', 'false', 'False'];
      if (t.includes(raw)) p.values.set(spec.name, true);
      else if (f.includes(raw)) p.values.set(spec.name, false);
      else bad(`strconv.ParseBool: parsing "${raw}": invalid syntax`);
      break;
    }
    case 'int':
      if (!/^[+-]?\d+$/.test(raw)) bad(`strconv.ParseInt: parsing "${raw}": invalid syntax`);
      p.values.set(spec.name, Number(raw));
      break;
    case 'duration': {
      const ms = parseGoDuration(raw);
      if (ms === undefined) bad(`time: invalid duration "${raw}"`);
      p.values.set(spec.name, ms!);
      break;
    }
    case 'stringArray': {
      const prev = p.changed.has(spec.name) ? p.arr(spec.name) : [];
      p.values.set(spec.name, [...prev, raw]);
      break;
    }
    default:
      p.values.set(spec.name, raw);
  }
  p.changed.add(spec.name);
}

/** Parse `tokens` (the words after the command path) against `specs` (+ the global flags). */
export function parseFlags(tokens: string[], specs: FlagSpec[]): ParsedFlags {
  const all = [...specs, ...GLOBAL_FLAGS.filter((g) => !specs.some((s) => s.name === g.name))];
  const p = new ParsedFlags(all);
  const long = new Map(all.map((s) => [s.name, s]));
  const short = new Map(all.filter((s) => s.short).map((s) => [s.short!, s]));
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === '--') {
      p.args.push(...tokens.slice(i + 1));
      break;
    }
    if (t.startsWith('--') && t.length > 2) {
      const eq = t.indexOf('=');
      const name = eq < 0 ? t.slice(2) : t.slice(2, eq);
      const spec = long.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      if (eq >= 0) setValue(p, spec, t.slice(eq + 1));
      else if (spec.type === 'bool') setValue(p, spec, 'true');
      else if (i + 1 < tokens.length) setValue(p, spec, tokens[++i]);
      else throw new FlagError(`flag needs an argument: --${name}`);
      continue;
    }
    if (t.startsWith('-') && t.length > 1 && t !== '-') {
      let rest = t.slice(1);
      while (rest.length) {
        const c = rest[0];
        const spec = short.get(c);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in -${rest}`);
        if (rest.length > 2 && rest[1] === '=') {
          setValue(p, spec, rest.slice(2));
          rest = '';
        } else if (spec.type === 'bool') {
          setValue(p, spec, 'true');
          rest = rest.slice(1);
        } else if (rest.length > 1) {
          setValue(p, spec, rest.slice(1));
          rest = '';
        } else if (i + 1 < tokens.length) {
          setValue(p, spec, tokens[++i]);
          rest = '';
        } else throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
      }
      continue;
    }
    p.args.push(t);
  }
  return p;
}

/** True when token `t` is a flag that consumes the following token as its value. */
export function takesValue(t: string, specs: FlagSpec[]): boolean {
  const all = [...specs, ...GLOBAL_FLAGS];
  if (t.startsWith('--')) {
    if (t.includes('=')) return false;
    const s = all.find((x) => x.name === t.slice(2));
    return !!s && s.type !== 'bool';
  }
  if (t.startsWith('-') && t.length === 2) {
    const s = all.find((x) => x.short === t[1]);
    return !!s && s.type !== 'bool';
  }
  return false;
}
