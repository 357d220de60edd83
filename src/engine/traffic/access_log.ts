// Web servers' access logs, as `kubectl logs` shows them, without keeping a line per request
// forever: per container instance a counter and the last ACCESS_LOG_KEEP lines (the kubelet's
// log rotation would drop older ones too). Formats are the servers' defaults:
//   nginx  `10.244.1.5 - - [03/Mar/2025:09:05:12 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"`
//   httpd  `10.244.1.5 - - [03/Mar/2025:09:05:12 +0000] "GET / HTTP/1.1" 200 45`
import { MONTH_NAMES, civil, pad2 } from '../sim/calendar';

export const ACCESS_LOG_KEEP = 100;

export interface AccessLogLine {
  at: number;
  text: string;
}

export interface AccessLog {
  /** The container instance these lines belong to (its id). */
  instance: string;
  total: number;
  lines: AccessLogLine[];
}

/** `03/Mar/2025:09:05:12 +0000` (nginx $time_local in UTC). */
export function timeLocal(unixMs: number): string {
  const c = civil(unixMs);
  return `${pad2(c.day)}/${MONTH_NAMES[c.month - 1]}/${c.year}:${pad2(c.hour)}:${pad2(c.minute)}:${pad2(c.second)} +0000`;
}

export function accessLine(format: 'nginx' | 'httpd', clientIP: string, unixMs: number, path: string, status: number, bytes: number, userAgent: string): string {
  const req = `"GET ${path} HTTP/1.1" ${status} ${bytes}`;
  if (format === 'httpd') return `${clientIP} - - [${timeLocal(unixMs)}] ${req}`;
  return `${clientIP} - - [${timeLocal(unixMs)}] ${req} "-" "${userAgent}" "-"`;
}

/** Append a line to a log (starting over when the container instance changed). */
export function appendAccess(logs: Record<string, AccessLog>, key: string, instance: string, line: AccessLogLine): void {
  let l = logs[key];
  if (!l || l.instance !== instance) logs[key] = l = { instance, total: 0, lines: [] };
  l.total++;
  l.lines.push(line);
  if (l.lines.length > ACCESS_LOG_KEEP * 1.5) l.lines.splice(0, l.lines.length - ACCESS_LOG_KEEP);
}
