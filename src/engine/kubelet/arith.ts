// `$(( … ))`: bash arithmetic expansion, for the integers teaching scripts count with.
// Used by word expansion (expand.ts: `$((i+1))`, `${a[i-1]}`) and `[[ ]]`'s -eq/-lt… (cond.ts).

/** Tiny $((…)) evaluator: integers, variables, + - * / % and comparisons. */
export function arith(expr: string, get: (name: string) => string | undefined): number {
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
