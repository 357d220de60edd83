// The Date-free calendar agrees with the platform's UTC calendar (tests may use Date).
import { describe, expect, it } from 'vitest';
import { civil, rfc1123z, rfc3339, unixMs } from './calendar';

const INSTANTS = [0, 951_782_400_000, 1_740_992_400_000, 1_741_000_000_123, 4_107_542_399_000, -86_400_000, 1_709_164_800_000];

describe('calendar', () => {
  for (const ms of INSTANTS) {
    it(`civil(${ms}) matches UTC`, () => {
      const d = new Date(ms);
      expect(civil(ms)).toEqual({
        year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
        hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), weekday: d.getUTCDay(),
      });
      expect(rfc3339(ms)).toBe(d.toISOString().replace(/\.\d{3}Z$/, 'Z'));
    });
  }
  it('round-trips and carries over', () => {
    expect(unixMs(2025, 3, 3, 9)).toBe(Date.UTC(2025, 2, 3, 9));
    expect(unixMs(2024, 13, 1)).toBe(Date.UTC(2025, 0, 1));
    expect(unixMs(2025, 2, 29)).toBe(Date.UTC(2025, 2, 1));
    expect(unixMs(2024, 2, 29, 24)).toBe(Date.UTC(2024, 2, 1));
  });
  it('formats RFC 1123Z', () => {
    expect(rfc1123z(Date.UTC(2025, 2, 3, 9, 0, 5))).toBe('Mon, 03 Mar 2025 09:00:05 +0000');
  });
});
