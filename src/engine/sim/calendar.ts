// UTC calendar arithmetic for simulated instants, without Date objects: the engine turns its
// simulated milliseconds into the timestamps Kubernetes prints (RFC 3339, RFC 1123Z, nginx's
// $time_local, busybox `date`, cron fields) in this one place. Days ↔ civil dates use Howard
// Hinnant's algorithms (e.g. day 20150 since 1970-01-01 is 2025-03-03, a Monday).

export const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
export const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const DAY_MS = 86_400_000;

export interface Civil {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 0 = Sunday
}

/** The UTC calendar fields of a Unix time in milliseconds. */
export function civil(unixMs: number): Civil {
  const days = Math.floor(unixMs / DAY_MS);
  const msOfDay = unixMs - days * DAY_MS;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const secOfDay = Math.floor(msOfDay / 1000);
  return {
    year,
    month,
    day,
    hour: Math.floor(secOfDay / 3600),
    minute: Math.floor(secOfDay / 60) % 60,
    second: secOfDay % 60,
    weekday: (((days + 4) % 7) + 7) % 7, // 1970-01-01 was a Thursday
  };
}

/** Unix ms of a UTC date and time; out-of-range fields carry over (month 13 = next January). */
export function unixMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const y0 = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  const days = era * 146097 + doe - 719468;
  return days * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000;
}

export const pad2 = (n: number): string => String(n).padStart(2, '0');

/** RFC 3339 at second precision, as metav1.Time prints: `2025-03-03T09:00:00Z`. */
export function rfc3339(ms: number): string {
  const c = civil(ms);
  return `${c.year}-${pad2(c.month)}-${pad2(c.day)}T${pad2(c.hour)}:${pad2(c.minute)}:${pad2(c.second)}Z`;
}

/** Go's time.RFC1123Z in UTC: `Mon, 03 Mar 2025 09:00:00 +0000`. */
export function rfc1123z(ms: number): string {
  const c = civil(ms);
  return `${DAY_NAMES[c.weekday]}, ${pad2(c.day)} ${MONTH_NAMES[c.month - 1]} ${c.year} ${pad2(c.hour)}:${pad2(c.minute)}:${pad2(c.second)} +0000`;
}
