// metav1.ParseToLabelSelector as kubectl runs it client-side (`create poddisruptionbudget
// --selector`): a port of the lexer and parser in k8s.io/apimachinery/pkg/labels/selector.go
// (Lexer, Parser, NewRequirement) and of ParseToLabelSelector in apis/meta/v1/helpers.go.
//
// A port rather than api/labels.ts's parseSelector because kubectl prints the parser's own
// words, and a student who mistypes a selector should read what a real kubectl says:
//   --selector='a b'   → couldn't parse the selector string "a b": unable to parse requirement:
//                        found 'b', expected: in, notin, =, ==, !=, gt, lt
//   --selector='app,'  → couldn't parse the selector string "app,": found '', expected:
//                        identifier after ','
import type { LabelSelector, LabelSelectorRequirement } from '../api/meta';
import { isQualifiedName, isValidLabelValue } from '../apiserver/validation/names';

type Token =
  | 'Error'
  | 'EndOfString'
  | 'ClosedPar'
  | 'Comma'
  | 'DoesNotExist'
  | 'DoubleEquals'
  | 'Equals'
  | 'GreaterThan'
  | 'Identifier'
  | 'In'
  | 'NotEquals'
  | 'NotIn'
  | 'LessThan'
  | 'OpenPar';

/** string2token: the literals the lexer turns into tokens (anything else is an identifier). */
const STRING_TO_TOKEN: Record<string, Token> = {
  ')': 'ClosedPar',
  ',': 'Comma',
  '!': 'DoesNotExist',
  '==': 'DoubleEquals',
  '=': 'Equals',
  '>': 'GreaterThan',
  in: 'In',
  '!=': 'NotEquals',
  notin: 'NotIn',
  '<': 'LessThan',
  '(': 'OpenPar',
};

/** selection.Operator values, as they appear in messages (`"gt" isn't supported …`). */
type Operator = 'in' | 'notin' | '=' | '==' | '!=' | 'gt' | 'lt' | 'exists' | '!';
const BINARY_OPERATORS: Operator[] = ['in', 'notin', '=', '==', '!=', 'gt', 'lt'];

interface Requirement {
  key: string;
  operator: Operator;
  /** A sets.String: sorted, without duplicates. */
  values: string[];
}

const isWhitespace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
const isSpecialSymbol = (ch: string) => '=!(),><'.includes(ch) && ch !== '';

/** Lexer: reads one token at a time; '' stands for Go's 0 byte at the end of the input. */
class Lexer {
  private pos = 0;
  constructor(private readonly s: string) {}

  private read(): string {
    if (this.pos < this.s.length) return this.s[this.pos++];
    return '';
  }

  private unread(): void {
    this.pos--;
  }

  lex(): [Token, string] {
    let ch = this.read();
    while (isWhitespace(ch)) ch = this.read();
    if (ch === '') return ['EndOfString', ''];
    this.unread();
    return isSpecialSymbol(ch) ? this.scanSpecialSymbol() : this.scanIDOrKeyword();
  }

  private scanIDOrKeyword(): [Token, string] {
    let buf = '';
    for (;;) {
      const ch = this.read();
      if (ch === '') break;
      if (isSpecialSymbol(ch) || isWhitespace(ch)) {
        this.unread();
        break;
      }
      buf += ch;
    }
    return [STRING_TO_TOKEN[buf] ?? 'Identifier', buf];
  }

  /** The longest run of symbols that is still a token: `!=` rather than `!` then `=`. */
  private scanSpecialSymbol(): [Token, string] {
    let last: [Token, string] | undefined;
    let buf = '';
    for (;;) {
      const ch = this.read();
      if (ch === '') break;
      if (!isSpecialSymbol(ch)) {
        this.unread();
        break;
      }
      buf += ch;
      const tok = STRING_TO_TOKEN[buf];
      if (tok) last = [tok, buf];
      else if (last) {
        this.unread();
        break;
      }
    }
    return last ?? ['Error', `error expected: keyword found '${buf}'`];
  }
}

/** Parser over the scanned tokens. In a "values" context, `in`/`notin` are plain identifiers. */
class Parser {
  private readonly items: [Token, string][] = [];
  private position = 0;

  constructor(selector: string) {
    const l = new Lexer(selector);
    for (;;) {
      const item = l.lex();
      this.items.push(item);
      if (item[0] === 'EndOfString') break;
    }
  }

  private lookahead(values: boolean): [Token, string] {
    const [tok, lit] = this.items[this.position];
    return [values && (tok === 'In' || tok === 'NotIn') ? 'Identifier' : tok, lit];
  }

  private consume(values: boolean): [Token, string] {
    const item = this.lookahead(values);
    this.position++;
    return item;
  }

  parse(): Requirement[] {
    const reqs: Requirement[] = [];
    for (;;) {
      const [tok, lit] = this.lookahead(true);
      if (tok === 'Identifier' || tok === 'DoesNotExist') {
        let r: Requirement;
        try {
          r = this.parseRequirement();
        } catch (e) {
          throw new Error(`unable to parse requirement: ${(e as Error).message}`);
        }
        reqs.push(r);
        const [t, l] = this.consume(true);
        if (t === 'EndOfString') return reqs;
        if (t !== 'Comma') throw new Error(`found '${l}', expected: ',' or 'end of string'`);
        const [t2, l2] = this.lookahead(true);
        if (t2 !== 'Identifier' && t2 !== 'DoesNotExist') throw new Error(`found '${l2}', expected: identifier after ','`);
      } else if (tok === 'EndOfString') {
        return reqs;
      } else {
        throw new Error(`found '${lit}', expected: !, identifier, or 'end of string'`);
      }
    }
  }

  private parseRequirement(): Requirement {
    const { key, operator } = this.parseKeyAndInferOperator();
    if (operator === 'exists' || operator === '!') return newRequirement(key, operator, []);
    const op = this.parseOperator();
    const values = op === 'in' || op === 'notin' ? this.parseValues() : this.parseExactValue();
    return newRequirement(key, op, values);
  }

  private parseKeyAndInferOperator(): { key: string; operator?: Operator } {
    let operator: Operator | undefined;
    let [tok, lit] = this.consume(true);
    if (tok === 'DoesNotExist') {
      operator = '!';
      [tok, lit] = this.consume(true);
    }
    if (tok !== 'Identifier') throw new Error(`found '${lit}', expected: identifier`);
    // The key is checked with no field path here, hence Go's "<nil>" in the message.
    const errs = isQualifiedName(lit);
    if (errs.length) throw new Error(`<nil>: Invalid value: ${JSON.stringify(lit)}: ${errs.join('; ')}`);
    const [next] = this.lookahead(true);
    if ((next === 'EndOfString' || next === 'Comma') && operator !== '!') operator = 'exists';
    return { key: lit, operator };
  }

  private parseOperator(): Operator {
    const [tok, lit] = this.consume(false);
    const op = ({ In: 'in', Equals: '=', DoubleEquals: '==', GreaterThan: 'gt', LessThan: 'lt', NotIn: 'notin', NotEquals: '!=' } as Partial<Record<Token, Operator>>)[tok];
    if (!op) throw new Error(`found '${lit}', expected: ${BINARY_OPERATORS.join(', ')}`);
    return op;
  }

  private parseValues(): string[] {
    const [tok, lit] = this.consume(true);
    if (tok !== 'OpenPar') throw new Error(`found '${lit}' expected: '('`);
    const [t, l] = this.lookahead(true);
    if (t === 'Identifier' || t === 'Comma') {
      const s = this.parseIdentifiersList();
      if (this.consume(true)[0] !== 'ClosedPar') throw new Error(`found '${l}', expected: ')'`);
      return s;
    }
    if (t === 'ClosedPar') {
      // "()" means the one empty value.
      this.consume(true);
      return [''];
    }
    throw new Error(`found '${l}', expected: ',', ')' or identifier`);
  }

  private parseIdentifiersList(): string[] {
    const s = new Set<string>();
    for (;;) {
      const [tok, lit] = this.consume(true);
      if (tok === 'Identifier') {
        s.add(lit);
        const [t2, l2] = this.lookahead(true);
        if (t2 === 'Comma') continue;
        if (t2 === 'ClosedPar') return [...s];
        throw new Error(`found '${l2}', expected: ',' or ')'`);
      }
      if (tok === 'Comma') {
        // "(,", ",)" and ",," each stand for an empty value.
        if (s.size === 0) s.add('');
        const [t2] = this.lookahead(true);
        if (t2 === 'ClosedPar') {
          s.add('');
          return [...s];
        }
        if (t2 === 'Comma') {
          this.consume(true);
          s.add('');
        }
        continue;
      }
      throw new Error(`found '${lit}', expected: ',', or identifier`);
    }
  }

  private parseExactValue(): string[] {
    const [tok] = this.lookahead(true);
    if (tok === 'EndOfString' || tok === 'Comma') return [''];
    const [t, lit] = this.consume(true);
    if (t === 'Identifier') return [lit];
    throw new Error(`found '${lit}', expected: identifier`);
  }
}

/**
 * NewRequirement: checks each value (`values[0][app]: Invalid value: "-b": a valid label …`);
 * several problems are reported together as Go's aggregate does: `[first, second]`.
 */
function newRequirement(key: string, operator: Operator, values: string[]): Requirement {
  const sorted = [...new Set(values)].sort();
  const errs: string[] = [];
  if (operator === 'gt' || operator === 'lt') {
    sorted.forEach((v, i) => {
      if (!/^[-+]?\d+$/.test(v)) errs.push(`values[${i}]: Invalid value: ${JSON.stringify(v)}: for 'Gt', 'Lt' operators, the value must be an integer`);
    });
  }
  sorted.forEach((v, i) => {
    const bad = isValidLabelValue(v);
    if (bad.length) errs.push(`values[${i}][${key}]: Invalid value: ${JSON.stringify(v)}: ${bad.join('; ')}`);
  });
  const unique = [...new Set(errs)];
  if (unique.length === 1) throw new Error(unique[0]);
  if (unique.length > 1) throw new Error(`[${unique.join(', ')}]`);
  return { key, operator, values: sorted };
}

/**
 * ParseToLabelSelector: equality requirements become matchLabels (the last one for a key wins),
 * the others matchExpressions in key order. `!=`, `>` and `<` have no LabelSelector form.
 * Throws an Error with kubectl's message (without the `error: ` prefix).
 */
export function parseToLabelSelector(selector: string): LabelSelector {
  let reqs: Requirement[];
  try {
    reqs = new Parser(selector).parse();
  } catch (e) {
    throw new Error(`couldn't parse the selector string "${selector}": ${(e as Error).message}`);
  }
  // sort.Sort(ByKey(...)): requirements in key order (stable here; Go's is for short lists).
  reqs = reqs.map((r, i) => ({ r, i })).sort((a, b) => (a.r.key < b.r.key ? -1 : a.r.key > b.r.key ? 1 : a.i - b.i)).map((x) => x.r);
  const matchLabels: Record<string, string> = {};
  const matchExpressions: LabelSelectorRequirement[] = [];
  for (const r of reqs) {
    switch (r.operator) {
      case '=':
      case '==':
        matchLabels[r.key] = r.values[0];
        continue;
      case 'gt':
      case 'lt':
        throw new Error(`"${r.operator}" isn't supported in label selectors`);
      case 'in':
      case 'notin':
      case 'exists':
      case '!': {
        const operator = ({ in: 'In', notin: 'NotIn', exists: 'Exists', '!': 'DoesNotExist' } as const)[r.operator];
        const e: LabelSelectorRequirement = { key: r.key, operator };
        if (r.values.length) e.values = r.values;
        matchExpressions.push(e);
        continue;
      }
      default:
        throw new Error(`"${r.operator}" is not a valid label selector operator`);
    }
  }
  const out: LabelSelector = {};
  if (matchExpressions.length) out.matchExpressions = matchExpressions;
  if (Object.keys(matchLabels).length) out.matchLabels = matchLabels;
  return out;
}
