// Label selectors: mirrors k8s.io/apimachinery/pkg/labels (selector.go) and
// metav1.LabelSelectorAsSelector. A selector is a list of requirements, all of which must hold.
import type { LabelSelector } from './meta';

export type Operator = 'in' | 'notin' | 'exists' | '!' | '=' | '==' | '!=' | 'gt' | 'lt';

export interface Requirement {
  key: string;
  op: Operator;
  values: string[];
}

export type Selector = Requirement[];

const NO_LABELS: Record<string, string> = Object.freeze({});

export function matches(sel: Selector, labels: Record<string, string> | undefined): boolean {
  const l = labels ?? NO_LABELS;
  for (const r of sel) {
    // Fast path for `key=value` (most selectors): label values are strings and nothing inherited
    // from Object.prototype is one, so one lookup decides.
    if (r.op === '=' && r.values.length === 1) {
      if (l[r.key] !== r.values[0]) return false;
      continue;
    }
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    const v = l[r.key];
    switch (r.op) {
      case '=':
      case '==':
      case 'in':
        if (!has || !r.values.includes(v)) return false;
        break;
      case '!=':
      case 'notin':
        if (has && r.values.includes(v)) return false;
        break;
      case 'exists':
        if (!has) return false;
        break;
      case '!':
        if (has) return false;
        break;
      case 'gt':
      case 'lt': {
        if (!has) return false;
        const n = Number(v);
        const bound = Number(r.values[0]);
        if (!Number.isInteger(n)) return false;
        if (r.op === 'gt' ? !(n > bound) : !(n < bound)) return false;
        break;
      }
    }
  }
  return true;
}

/** metav1.LabelSelectorAsSelector. An empty selector matches everything; a missing one nothing. */
export function fromLabelSelector(ls: LabelSelector | undefined | null): Selector | null {
  if (!ls) return null;
  const out: Selector = [];
  for (const k of Object.keys(ls.matchLabels ?? {}).sort()) out.push({ key: k, op: '=', values: [ls.matchLabels![k]] });
  for (const e of ls.matchExpressions ?? []) {
    const op = ({ In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' } as const)[e.operator];
    if (!op) throw new Error(`"${e.operator}" is not a valid label selector operator`);
    out.push({ key: e.key, op, values: [...(e.values ?? [])].sort() });
  }
  return out;
}

/** Selector from a map (ReplicationController and Service selectors). */
export function fromSet(set: Record<string, string> | undefined): Selector {
  return Object.keys(set ?? {}).sort().map((k) => ({ key: k, op: '=' as const, values: [set![k]] }));
}

export function matchesLabelSelector(ls: LabelSelector | undefined | null, labels: Record<string, string> | undefined): boolean {
  const s = fromLabelSelector(ls);
  return s !== null && matches(s, labels);
}

/** Render a selector as kubectl prints it (`app=web,tier in (a,b)`). */
export function selectorString(sel: Selector): string {
  return sel
    .map((r) => {
      switch (r.op) {
        case '=':
        case '==':
          return `${r.key}=${r.values[0]}`;
        case '!=':
          return `${r.key}!=${r.values[0]}`;
        case 'in':
          return `${r.key} in (${r.values.join(',')})`;
        case 'notin':
          return `${r.key} notin (${r.values.join(',')})`;
        case 'exists':
          return r.key;
        case '!':
          return `!${r.key}`;
        case 'gt':
          return `${r.key}>${r.values[0]}`;
        case 'lt':
          return `${r.key}<${r.values[0]}`;
      }
      return '';
    })
    .join(',');
}

export function labelSelectorString(ls: LabelSelector | undefined): string {
  const s = fromLabelSelector(ls);
  return s ? selectorString(s) : '';
}

/**
 * Parse the string form (`-l app=web,tier!=db,env in (a,b),!canary`). Throws an Error whose
 * message matches the API server's ("unable to parse requirement: …") on bad input.
 */
export function parseSelector(text: string): Selector {
  const s = text.trim();
  if (s === '') return [];
  const out: Selector = [];
  let i = 0;
  const fail = (msg: string): never => {
    throw new Error(`unable to parse requirement: ${msg}`);
  };
  const skipWs = () => {
    while (i < s.length && s[i] === ' ') i++;
  };
  const readIdent = (): string => {
    skipWs();
    const start = i;
    while (i < s.length && !' ,()=!<>'.includes(s[i])) i++;
    return s.slice(start, i);
  };
  while (i < s.length) {
    skipWs();
    let negate = false;
    if (s[i] === '!') {
      negate = true;
      i++;
    }
    const key = readIdent();
    if (!key) fail(`found '${s[i] ?? ''}', expected: identifier`);
    validateLabelKey(key, fail);
    skipWs();
    if (negate) {
      out.push({ key, op: '!', values: [] });
    } else if (i >= s.length || s[i] === ',') {
      out.push({ key, op: 'exists', values: [] });
    } else if (s.startsWith('==', i) || s.startsWith('!=', i)) {
      const op = s.slice(i, i + 2) as '==' | '!=';
      i += 2;
      const v = readIdent();
      out.push({ key, op: op === '==' ? '=' : '!=', values: [v] });
    } else if (s[i] === '=') {
      i++;
      const v = readIdent();
      out.push({ key, op: '=', values: [v] });
    } else if (s[i] === '>' || s[i] === '<') {
      const op = s[i] === '>' ? 'gt' : 'lt';
      i++;
      const v = readIdent();
      if (!/^-?\d+$/.test(v)) fail(`for 'Gt', 'Lt' operators, the value must be an integer`);
      out.push({ key, op, values: [v] });
    } else {
      const word = readIdent().toLowerCase();
      if (word !== 'in' && word !== 'notin') fail(`found '${word}', expected: '=', '!=', '==', 'in', notin'`);
      skipWs();
      if (s[i] !== '(') fail(`found '${s[i] ?? ''}', expected: '('`);
      i++;
      const values: string[] = [];
      for (;;) {
        const v = readIdent();
        values.push(v);
        skipWs();
        if (s[i] === ',') {
          i++;
          continue;
        }
        if (s[i] === ')') {
          i++;
          break;
        }
        fail(`found '${s[i] ?? ''}', expected: ',', ')' or identifier`);
      }
      out.push({ key, op: word as 'in' | 'notin', values: values.filter((v) => v !== '').sort() });
    }
    skipWs();
    if (i < s.length) {
      if (s[i] !== ',') fail(`found '${s[i]}', expected: ',' or 'end of string'`);
      i++;
    }
  }
  return out;
}

function validateLabelKey(key: string, fail: (m: string) => never): void {
  const parts = key.split('/');
  const name = parts[parts.length - 1];
  if (parts.length > 2 || !/^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)$/.test(name) || name.length > 63) {
    fail(`invalid label key "${key}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`);
  }
}
