// Word expansion, as the shell does it just before running a command: quotes, `\` escapes,
// `$VAR`, `${…}` parameter expansion (defaults, lengths, array elements), `$?`, `$$`,
// `$(( ))` (arith.ts), `$(cmd)` and backticks (through Shell.capture), then field splitting.
import { arith } from './arith';
import type { Shell } from './executor';

export function expandWordFields(sh: Shell, raw: string): string[] {
  const all = /^"?\$\{([A-Za-z_][A-Za-z0-9_]*)\[[@*]\]\}"?$/.exec(raw);
  if (all && sh.arrays.has(all[1])) return raw.startsWith('"') ? [...sh.arrays.get(all[1])!] : sh.arrays.get(all[1])!.flatMap((x) => x.split(/\s+/).filter(Boolean));
  const quoted = /['"]/.test(raw);
  const v = expandWord(sh, raw);
  if (quoted) return [v];
  return v.split(/\s+/).filter((x) => x.length > 0);
}

export function expandWord(sh: Shell, raw: string): string {
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
      out += expandDollars(sh, inner);
      i = j + 1;
    } else {
      let j = i;
      while (j < raw.length && raw[j] !== "'" && raw[j] !== '"') j++;
      out += expandDollars(sh, raw.slice(i, j));
      i = j;
    }
  }
  return out;
}

function expandDollars(sh: Shell, s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length) {
      out += s[++i];
      continue;
    }
    if (c === '`') {
      const j = s.indexOf('`', i + 1);
      out += sh.capture(s.slice(i + 1, j < 0 ? s.length : j));
      i = j < 0 ? s.length : j;
      continue;
    }
    if (c !== '$') {
      out += c;
      continue;
    }
    if (s.startsWith('$((', i)) {
      const j = s.indexOf('))', i);
      out += String(arith(expandDollars(sh, s.slice(i + 3, j)), (n) => sh.env.get(n)));
      i = j + 1;
    } else if (s[i + 1] === '(') {
      let depth = 0;
      let j = i + 1;
      for (; j < s.length; j++) {
        if (s[j] === '(') depth++;
        else if (s[j] === ')' && --depth === 0) break;
      }
      out += sh.capture(s.slice(i + 2, j));
      i = j;
    } else if (s[i + 1] === '{') {
      const j = s.indexOf('}', i);
      out += parameter(sh, s.slice(i + 2, j));
      i = j;
    } else if (s[i + 1] === '?') {
      out += String(sh.status);
      i++;
    } else if (s[i + 1] === '$') {
      out += '1';
      i++;
    } else {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i + 1));
      if (m) {
        out += sh.env.get(m[0]) ?? '';
        i += m[0].length;
      } else out += '$';
    }
  }
  return out;
}

/** `${…}`: NAME, NAME:-default, #NAME, NAME[i], NAME[@], #NAME[@]. */
function parameter(sh: Shell, expr: string): string {
  const len = /^#([A-Za-z_][A-Za-z0-9_]*)(\[[@*]\])?$/.exec(expr);
  if (len) return String(len[2] ? (sh.arrays.get(len[1]) ?? (sh.env.has(len[1]) ? [''] : [])).length : (sh.env.get(len[1]) ?? '').length);
  const el = /^([A-Za-z_][A-Za-z0-9_]*)\[([^\]]*)\]$/.exec(expr);
  if (el) {
    const arr = sh.arrays.get(el[1]) ?? (sh.env.has(el[1]) ? [sh.env.get(el[1])!] : []);
    if (el[2] === '@' || el[2] === '*') return arr.join(' ');
    const idx = arith(expandDollars(sh, el[2]), (n) => sh.env.get(n));
    return arr[idx < 0 ? arr.length + idx : idx] ?? '';
  }
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?)-(.*))?$/.exec(expr);
  if (!m) return '';
  const v = sh.env.get(m[1]);
  if (m[3] === undefined) return v ?? '';
  const useDefault = m[2] ? !v : v === undefined;
  return useDefault ? expandDollars(sh, m[3]) : v ?? '';
}
