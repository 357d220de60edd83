// Table tests for the robfig/cron ParseStandard port and getJobName.
import { describe, expect, it } from 'vitest';
import { parseStandard } from './cron';
import { getJobName, mostRecentScheduleTime } from './utils';

const T = (s: string) => Date.parse(s);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

describe('parseStandard → next', () => {
  it.each([
    ['* * * * *', '2025-03-03T09:00:30Z', '2025-03-03T09:01:00Z'],
    ['*/15 * * * *', '2025-03-03T09:01:00Z', '2025-03-03T09:15:00Z'],
    ['5/20 * * * *', '2025-03-03T09:06:00Z', '2025-03-03T09:25:00Z'],
    ['0 9-17 * * mon-fri', '2025-03-07T17:30:00Z', '2025-03-10T09:00:00Z'],
    ['30 2 1,15 * *', '2025-03-03T00:00:00Z', '2025-03-15T02:30:00Z'],
    ['0 0 1 jan ?', '2025-03-03T00:00:00Z', '2026-01-01T00:00:00Z'],
    ['0 0 13 * 5', '2025-03-03T00:00:00Z', '2025-03-07T00:00:00Z'], // Friday OR the 13th
    ['@hourly', '2025-03-03T09:00:00Z', '2025-03-03T10:00:00Z'],
    ['@daily', '2025-03-03T09:00:00Z', '2025-03-04T00:00:00Z'],
    ['@midnight', '2025-03-03T09:00:00Z', '2025-03-04T00:00:00Z'],
    ['@weekly', '2025-03-03T09:00:00Z', '2025-03-09T00:00:00Z'],
    ['@monthly', '2025-03-03T09:00:00Z', '2025-04-01T00:00:00Z'],
    ['@yearly', '2025-03-03T09:00:00Z', '2026-01-01T00:00:00Z'],
    ['@annually', '2025-03-03T09:00:00Z', '2026-01-01T00:00:00Z'],
    ['@every 90s', '2025-03-03T09:00:00Z', '2025-03-03T09:01:30Z'],
  ])('%s after %s is %s', (spec, after, want) => {
    expect(iso(parseStandard(spec).next(T(after)))).toBe(want);
  });

  it.each([
    ['bad', 'expected exactly 5 fields, found 1: [bad]'],
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
    ['60 * * * *', 'end of range (60) above maximum (59): 60'],
    ['* * 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['x * * * *', 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
    ['* * * * 7', 'end of range (7) above maximum (6): 7'],
    ['@fortnightly', 'unrecognized descriptor: @fortnightly'],
  ])('%s is rejected: %s', (spec, msg) => {
    expect(() => parseStandard(spec)).toThrow(msg);
  });
});

describe('getJobName and missed schedules', () => {
  it('names the Job by minutes since the epoch of the scheduled time', () => {
    const cj = { metadata: { name: 'hello' } } as Parameters<typeof getJobName>[0];
    expect(getJobName(cj, T('2025-01-15T10:30:00Z'))).toBe('hello-28948950');
    expect(getJobName(cj, T('2025-03-03T09:01:00Z'))).toBe('hello-29016541');
  });
  it('finds the latest unmet time and counts the misses', () => {
    const s = parseStandard('* * * * *');
    const r = mostRecentScheduleTime(T('2025-03-03T09:00:00Z'), T('2025-03-03T09:05:30Z'), s);
    expect(iso(r.mostRecent!)).toBe('2025-03-03T09:05:00Z');
    expect(r.missed).toBe(5);
    // startingDeadlineSeconds 120 bounds the window: only 09:04 and 09:05 count.
    expect(mostRecentScheduleTime(T('2025-03-03T09:00:00Z'), T('2025-03-03T09:05:30Z'), s, 120).missed).toBe(2);
  });
});
