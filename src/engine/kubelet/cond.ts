// `[[ … ]]`: bash's conditional command. -f -d -e -z -n (through `test` in commands.ts), == != with
// glob patterns, =~ with POSIX classes (sets BASH_REMATCH), -eq -lt … with arithmetic,
// && || ! ( ) with short-circuit. `shown` collects the expanded words for `set -x`'s trace.
import { arith } from './arith';
import { runProgram } from './commands';
import type { Shell } from './executor';

const BINARY = new Set(['==', '=', '!=', '=~', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '<', '>']);

/** `[[ … ]]`: -f -d -e -z -n, == != =~ (BASH_REMATCH), -eq …, && || ! ( ). */
export function cond(sh: Shell, words: string[], shown: string[] = []): boolean {
  let p = 0;
  const ex = (w: string) => {
    const v = sh.expand(w);
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
      return runProgram(sh, ['test', a, abs0(sh, a, ex(words[p++]))]) === 0;
    }
    if (BINARY.has(words[p] ?? '')) {
      const op = words[p++];
      const x = ex(a);
      shown.push(op);
      const rawY = words[p++] ?? '';
      if (op === '=~') return regexMatch(sh, x, ex(rawY));
      if (op === '==' || op === '=' || op === '!=') {
        const re = new RegExp(`^${globToRegex(ex(rawY))}$`);
        return (op === '!=') !== re.test(x);
      }
      const y = ex(rawY);
      if (op === '<') return x < y;
      if (op === '>') return x > y;
      const n = (v: string) => arith(v, (k) => sh.env.get(k));
      return runProgram(sh, ['test', String(n(x)), op, String(n(y))]) === 0;
    }
    return ex(a) !== '';
  };
  return or();
}

function abs0(sh: Shell, op: string, v: string): string {
  return /^-[fdesrwx]$/.test(op) ? sh.abs(v) : v;
}

function regexMatch(sh: Shell, x: string, posix: string): boolean {
  let re: RegExp;
  try {
    re = new RegExp(posixToJs(posix));
  } catch {
    sh.status = 2;
    return false;
  }
  const m = re.exec(x);
  if (!m) {
    sh.arrays.set('BASH_REMATCH', []);
    return false;
  }
  sh.arrays.set('BASH_REMATCH', [...m].map((g) => g ?? ''));
  return true;
}

/** POSIX ERE (as bash's =~ reads it) to a JavaScript RegExp source: [[:space:]] and friends. */
export function posixToJs(re: string): string {
  const classes: Record<string, string> = { space: '\\s', digit: '0-9', alpha: 'A-Za-z', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', xdigit: '0-9A-Fa-f', punct: '!-\\/:-@\\[-`{-~', blank: ' \\t' };
  return re.replace(/\[:([a-z]+):\]/g, (m, c: string) => classes[c] ?? m);
}

/** A shell pattern (`==` in [[ ]]) as a RegExp source. */
function globToRegex(glob: string): string {
  return glob.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
}
