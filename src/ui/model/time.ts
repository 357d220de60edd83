// Simulated time as the clock in the header shows it: elapsed since the cluster started.

/** 83_400 ms → '00:01:23'; past a day, '1d 00:00:05'. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86400);
  const h = Math.floor((total % 86400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const hms = [h, m, s].map((n) => String(n).padStart(2, '0')).join(':');
  return days > 0 ? `${days}d ${hms}` : hms;
}

/** Short form for feed entries: 83_400 ms → '1:23'. */
export function formatShort(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

export function formatSpeed(speed: number): string {
  return `${speed}×`;
}
