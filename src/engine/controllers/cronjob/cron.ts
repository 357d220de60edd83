// The five-field cron parser the CronJob controller and validation use: mirrors
// github.com/robfig/cron/v3 parser.go (`cron.ParseStandard`) and spec.go (`SpecSchedule.Next`),
// which kube-controller-manager vendors. Error texts are robfig's, so an invalid schedule is
// rejected with the same words as a real API server:
//   `spec.schedule: Invalid value: "bad": expected exactly 5 fields, found 1: [bad]`.
//
// Fields: minute 0-59, hour 0-23, day of month 1-31, month 1-12 (or jan-dec), day of week 0-6
// (or sun-sat). Each field is a comma list of `*`, `?` (same as `*`), `N`, `N-M`, with an
// optional `/step`; `N/step` means `N-max/step`. Macros: @yearly @annually @monthly @weekly
// @daily @midnight @hourly, and `@every <duration>`.
//
// Day-of-month and day-of-week combine the classic cron way: if either field is a `*` (or `?`)
// both must match, otherwise either may match. "0 0 13 * 5" runs on every 13th AND every Friday.
import { type Civil, civil, unixMs } from '../../sim/calendar';

const STAR_BIT = 2n ** 63n;

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MONTH_NAMES: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const DOW_NAMES: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

const MINUTES: Bounds = { min: 0, max: 59 };
const HOURS: Bounds = { min: 0, max: 23 };
const DOM: Bounds = { min: 1, max: 31 };
const MONTHS: Bounds = { min: 1, max: 12, names: MONTH_NAMES };
const DOW: Bounds = { min: 0, max: 6, names: DOW_NAMES };

export class CronParseError extends Error {}

/** A parsed schedule: `next(t)` is the first activation strictly after t (ms since the Unix epoch, UTC). */
export interface Schedule {
  next(afterMs: number): number;
}

/** SpecSchedule: one bit per allowed value, plus STAR_BIT when the field was `*` or `?`. */
export class SpecSchedule implements Schedule {
  constructor(readonly minute: bigint, readonly hour: bigint, readonly dom: bigint, readonly month: bigint, readonly dow: bigint) {}

  private has(field: bigint, v: number): boolean {
    return (field & (1n << BigInt(v))) !== 0n;
  }

  private dayMatches(c: Civil): boolean {
    const domMatch = this.has(this.dom, c.day);
    const dowMatch = this.has(this.dow, c.weekday);
    if ((this.dom & STAR_BIT) !== 0n || (this.dow & STAR_BIT) !== 0n) return domMatch && dowMatch;
    return domMatch || dowMatch;
  }

  /**
   * Next: start one minute after `afterMs` (seconds dropped), then walk month → day → hour →
   * minute, jumping whole units when a field does not match (robfig's algorithm). Gives up after
   * five years (e.g. "0 0 30 2 *", February 30th, never fires) and returns NaN.
   */
  next(afterMs: number): number {
    let t = Math.floor(afterMs / 60_000) * 60_000 + 60_000;
    let c = civil(t);
    const yearLimit = c.year + 5;
    for (;;) {
      if (c.year > yearLimit) return NaN;
      if (!this.has(this.month, c.month)) {
        c = civil((t = unixMs(c.year, c.month + 1, 1)));
        continue;
      }
      if (!this.dayMatches(c)) {
        c = civil((t = unixMs(c.year, c.month, c.day + 1)));
        continue;
      }
      if (!this.has(this.hour, c.hour)) {
        c = civil((t = unixMs(c.year, c.month, c.day, c.hour + 1)));
        continue;
      }
      if (!this.has(this.minute, c.minute)) {
        c = civil((t += 60_000));
        continue;
      }
      return t;
    }
  }
}

/** `@every 90s`: ConstantDelaySchedule, rounded to whole seconds (at least one). */
export class ConstantDelaySchedule implements Schedule {
  constructor(readonly delayMs: number) {}
  next(afterMs: number): number {
    return Math.floor(afterMs / 1000) * 1000 + this.delayMs;
  }
}

const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

/** Go's time.ParseDuration for the units a schedule would use (h, m, s, ms). */
function parseGoDuration(s: string): number {
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s)/gy;
  let total = 0;
  let m: RegExpExecArray | null;
  let pos = 0;
  while ((m = re.exec(s))) {
    const n = Number(m[1]);
    total += m[2] === 'h' ? n * 3600_000 : m[2] === 'm' ? n * 60_000 : m[2] === 's' ? n * 1000 : n;
    pos = re.lastIndex;
  }
  if (!s || pos !== s.length) throw new CronParseError(`time: invalid duration "${s}"`);
  return total;
}

/** ParseStandard: five fields or a descriptor. Throws CronParseError with robfig's message. */
export function parseStandard(spec: string): Schedule {
  if (spec.length === 0) throw new CronParseError('empty spec string');
  const trimmed = spec.trim();
  if (trimmed.startsWith('@')) {
    if (trimmed.startsWith('@every ')) {
      const ms = parseGoDuration(trimmed.slice('@every '.length).trim());
      return new ConstantDelaySchedule(Math.max(1000, Math.floor(ms / 1000) * 1000));
    }
    const expanded = DESCRIPTORS[trimmed];
    if (!expanded) throw new CronParseError(`unrecognized descriptor: ${trimmed}`);
    return parseStandard(expanded);
  }
  const fields = trimmed.split(/\s+/).filter((f) => f.length > 0);
  if (fields.length !== 5) throw new CronParseError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
  return new SpecSchedule(getField(fields[0], MINUTES), getField(fields[1], HOURS), getField(fields[2], DOM), getField(fields[3], MONTHS), getField(fields[4], DOW));
}

function getField(field: string, b: Bounds): bigint {
  let bits = 0n;
  for (const expr of field.split(',')) bits |= getRange(expr, b);
  return bits;
}

function getRange(expr: string, b: Bounds): bigint {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0].split('-');
  const singleDigit = lowAndHigh.length === 1;
  let start: number;
  let end: number;
  let extra = 0n;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = b.min;
    end = b.max;
    extra = STAR_BIT;
  } else {
    start = parseIntOrName(lowAndHigh[0], b.names);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1], b.names);
    else throw new CronParseError(`too many hyphens: ${expr}`);
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1]);
    // "N/step" means "N-max/step".
    if (singleDigit && lowAndHigh[0] !== '*' && lowAndHigh[0] !== '?') end = b.max;
    if (step > 1) extra = 0n;
  } else if (rangeAndStep.length > 2) {
    throw new CronParseError(`too many slashes: ${expr}`);
  }
  if (start < b.min) throw new CronParseError(`beginning of range (${start}) below minimum (${b.min}): ${expr}`);
  if (end > b.max) throw new CronParseError(`end of range (${end}) above maximum (${b.max}): ${expr}`);
  if (start > end) throw new CronParseError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new CronParseError(`step of range should be a positive number: ${expr}`);
  let bits = 0n;
  for (let i = start; i <= end; i += step) bits |= 1n << BigInt(i);
  return bits | extra;
}

function parseIntOrName(expr: string, names?: Record<string, number>): number {
  if (names) {
    const v = names[expr.toLowerCase()];
    if (v !== undefined) return v;
  }
  return mustParseInt(expr);
}

function mustParseInt(expr: string): number {
  // strconv.Atoi: optional sign, then decimal digits only.
  if (!/^[+-]?\d+$/.test(expr)) throw new CronParseError(`failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: invalid syntax`);
  const n = Number(expr);
  if (n < 0) throw new CronParseError(`negative number (${n}) not allowed: ${expr}`);
  return n;
}
