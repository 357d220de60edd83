// The declarative check language: plain JSON, so a lesson loaded from a file or a link can
// carry its checks, and built-in lessons use it wherever it fits. `evaluate(check, view)` is
// pure. Objects are named by path: 'GROUP/RESOURCE/NAMESPACE/NAME' for namespaced objects and
// 'GROUP/RESOURCE/NAME' for cluster-scoped ones; the core group is empty, so a pod is
// '/pods/default/web' and a node '/nodes/kind-worker'; a Deployment 'apps/deployments/default/web'.
import type { Event, KubeObject, Pod } from '../engine';
import type { StepCheck } from './types';
import type { ClusterView } from './view';

/** Which objects to count. Every field present must match. */
export interface ObjectQuery {
  /** 'GROUP/RESOURCE': '/pods', 'apps/deployments', '/nodes'. */
  resource: string;
  /** Omitted: every namespace. */
  namespace?: string;
  /** Exact name, or a prefix when it ends in '*' ('web-*'). */
  name?: string;
  /** Label selector, equality and set-based: 'app=web,tier!=db', 'env in (prod,dev)', '!canary'. */
  selector?: string;
  /** Pods: status.phase. */
  phase?: string;
  /** Pods: the STATUS column kubectl shows (Running, CrashLoopBackOff, Terminating, Pending…). */
  status?: string;
  /** Pods: the Ready condition. */
  ready?: boolean;
  /** Pods: bound to this node ('' = not scheduled). */
  node?: string;
  /** Pods: sum of container restart counts at least this. */
  restartsAtLeast?: number;
  /** Has (true) or has not (false) a deletionTimestamp. */
  terminating?: boolean;
  /** Kind of the controlling owner ('ReplicaSet'); '' = no controller. */
  owner?: string;
  /** A field of the object equals this value (dotted path, e.g. 'spec.unschedulable'). */
  field?: { path: string; equals: unknown };
}

/** A number comparison: every bound present must hold. */
export interface Bounds {
  equals?: number;
  atLeast?: number;
  atMost?: number;
}

export type Check =
  | { all: Check[] }
  | { any: Check[] }
  | { not: Check }
  /** The object exists. */
  | { exists: string }
  /** The object does not exist (deleted, and gone). */
  | { absent: string }
  /** The number of matching objects is within bounds. */
  | ({ count: ObjectQuery } & Bounds)
  /** A field of one object: equal to a value, within numeric bounds, matching a regex, or present. */
  | ({ field: { object: string; path: string }; value?: unknown; matches?: string; present?: boolean } & Bounds)
  /**
   * The student ran a command: a string matches lines that start with it (words compared, the
   * leading `kubectl` optional); `{ matches }` is a regular expression. Only commands that
   * succeeded count unless `succeeded: false`.
   */
  | { commandRan: string | { matches: string }; succeeded?: boolean }
  /** An Event with this reason exists (optionally of this type, about objects named with this prefix). */
  | { event: { reason: string; type?: 'Normal' | 'Warning'; namespace?: string; object?: string; message?: string } }
  /** Traffic counters for a target ('svc/web'). */
  | { traffic: { target: string; requests?: Bounds; errors?: Bounds } };

// ------------------------------------------------------------------ evaluation

/** Pure: does the check hold in this view? */
export function evaluate(check: StepCheck, view: ClusterView): boolean {
  if (typeof check === 'function') return check(view);
  if ('all' in check) return check.all.every((c) => evaluate(c, view));
  if ('any' in check) return check.any.some((c) => evaluate(c, view));
  if ('not' in check) return !evaluate(check.not, view);
  if ('exists' in check) return findObject(view, check.exists) !== undefined;
  if ('absent' in check) return findObject(view, check.absent) === undefined;
  if ('count' in check) return within(queryObjects(view, check.count).length, check);
  if ('field' in check) {
    const o = findObject(view, check.field.object);
    if (!o) return false;
    const v = getPath(o, check.field.path);
    if (check.present !== undefined && (v !== undefined) !== check.present) return false;
    if (check.value !== undefined && JSON.stringify(v) !== JSON.stringify(check.value)) return false;
    if (check.matches !== undefined && !new RegExp(check.matches).test(String(v ?? ''))) return false;
    if (hasBounds(check) && (typeof v !== 'number' || !within(v, check))) return false;
    return true;
  }
  if ('commandRan' in check) return commandRan(view, check.commandRan, check.succeeded ?? true);
  if ('event' in check) {
    const e = check.event;
    return view.events().some(
      (ev: Event) =>
        ev.reason === e.reason &&
        (e.type === undefined || ev.type === e.type) &&
        (e.namespace === undefined || ev.metadata.namespace === e.namespace) &&
        (e.object === undefined || (ev.involvedObject?.name ?? '').startsWith(e.object)) &&
        (e.message === undefined || new RegExp(e.message).test(ev.message ?? '')),
    );
  }
  if ('traffic' in check) {
    const t = view.traffic?.[check.traffic.target];
    if (!t) return false;
    return (!check.traffic.requests || within(t.requests, check.traffic.requests)) && (!check.traffic.errors || within(t.errors, check.traffic.errors));
  }
  return false;
}

function hasBounds(b: Bounds): boolean {
  return b.equals !== undefined || b.atLeast !== undefined || b.atMost !== undefined;
}

function within(n: number, b: Bounds): boolean {
  return (b.equals === undefined || n === b.equals) && (b.atLeast === undefined || n >= b.atLeast) && (b.atMost === undefined || n <= b.atMost);
}

/** 'apps/deployments/default/web' → the object, if stored. */
export function findObject(view: ClusterView, path: string): KubeObject | undefined {
  const parts = path.split('/');
  if (parts.length === 3) return view.get(`${parts[0]}/${parts[1]}`, undefined, parts[2]);
  if (parts.length === 4) return view.get(`${parts[0]}/${parts[1]}`, parts[2], parts[3]);
  return undefined;
}

export function queryObjects(view: ClusterView, q: ObjectQuery): KubeObject[] {
  const sel = q.selector === undefined ? undefined : parseSelector(q.selector);
  return view.list(q.resource, q.namespace).filter((o) => {
    const name = o.metadata.name ?? '';
    if (q.name !== undefined && (q.name.endsWith('*') ? !name.startsWith(q.name.slice(0, -1)) : name !== q.name)) return false;
    if (sel && !sel(o.metadata.labels ?? {})) return false;
    if (q.terminating !== undefined && !!o.metadata.deletionTimestamp !== q.terminating) return false;
    if (q.owner !== undefined && (o.metadata.ownerReferences?.find((r) => r.controller)?.kind ?? '') !== q.owner) return false;
    if (q.field && JSON.stringify(getPath(o, q.field.path)) !== JSON.stringify(q.field.equals)) return false;
    const pod = o as Pod;
    if (q.phase !== undefined && pod.status?.phase !== q.phase) return false;
    if (q.status !== undefined && podStatus(pod) !== q.status) return false;
    if (q.ready !== undefined && isReady(pod) !== q.ready) return false;
    if (q.node !== undefined && (pod.spec?.nodeName ?? '') !== q.node) return false;
    if (q.restartsAtLeast !== undefined && restarts(pod) < q.restartsAtLeast) return false;
    return true;
  });
}

function commandRan(view: ClusterView, want: string | { matches: string }, succeeded: boolean): boolean {
  const words = (s: string) => s.trim().split(/\s+/).filter((w, i) => !(i === 0 && w === 'kubectl'));
  const test =
    typeof want === 'string'
      ? (line: string) => {
          const w = words(want);
          const l = words(line);
          return w.every((x, i) => l[i] === x);
        }
      : (line: string) => new RegExp(want.matches).test(line.trim());
  return view.commands.some((c) => test(c.line) && (!succeeded || c.exitCode === 0));
}

// ------------------------------------------------------------------ helpers for TypeScript checks

/** 'spec.template.spec.containers[0].image' or '…containers.0.image'. */
export function getPath(o: unknown, path: string): unknown {
  let cur: unknown = o;
  for (const part of path.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

export function isReady(p: Pod): boolean {
  return p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

export function restarts(p: Pod): number {
  return (p.status?.containerStatuses ?? []).reduce((n, c) => n + (c.restartCount ?? 0), 0);
}

/** Roughly kubectl's STATUS column (printPod): Terminating, a container's waiting or terminated reason, else the phase. */
export function podStatus(p: Pod): string {
  if (p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed') return 'Terminating';
  let reason = p.status?.reason ?? p.status?.phase ?? 'Pending';
  for (const c of [...(p.status?.containerStatuses ?? [])].reverse()) {
    if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
    else if (c.state?.terminated?.reason) reason = c.state.terminated.reason;
  }
  return reason;
}

/**
 * A label selector as kubectl -l reads it: `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`,
 * `a` (exists), `!a` (does not exist), joined by commas.
 */
export function parseSelector(s: string): (labels: Record<string, string>) => boolean {
  const reqs: ((l: Record<string, string>) => boolean)[] = [];
  // Split on commas outside parentheses.
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  for (const raw of parts.map((p) => p.trim()).filter(Boolean)) {
    let m: RegExpMatchArray | null;
    if ((m = raw.match(/^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/))) {
      const [, key, op, list] = m;
      const vals = list.split(',').map((v) => v.trim());
      reqs.push(op === 'in' ? (l) => key in l && vals.includes(l[key]) : (l) => !(key in l) || !vals.includes(l[key]));
    } else if ((m = raw.match(/^([\w./-]+)\s*(!=|==|=)\s*([\w.-]*)$/))) {
      const [, key, op, val] = m;
      reqs.push(op === '!=' ? (l) => l[key] !== val : (l) => l[key] === val);
    } else if ((m = raw.match(/^!\s*([\w./-]+)$/))) {
      const key = m[1];
      reqs.push((l) => !(key in l));
    } else if ((m = raw.match(/^([\w./-]+)$/))) {
      const key = m[1];
      reqs.push((l) => key in l);
    } else throw new Error(`invalid selector: ${raw}`);
  }
  return (l) => reqs.every((r) => r(l));
}

// ------------------------------------------------------------------ validation (runtime-loaded lessons)

const KEYS = ['all', 'any', 'not', 'exists', 'absent', 'count', 'field', 'commandRan', 'event', 'traffic'];

/** Problems with a check read from JSON (empty when it is well formed). */
export function checkProblems(c: unknown, at = 'check'): string[] {
  if (!c || typeof c !== 'object' || Array.isArray(c)) return [`${at}: expected an object`];
  const key = KEYS.find((k) => k in (c as object));
  if (!key) return [`${at}: expected one of ${KEYS.join(', ')}`];
  const v = (c as Record<string, unknown>)[key];
  if (key === 'all' || key === 'any') return Array.isArray(v) ? v.flatMap((x, i) => checkProblems(x, `${at}.${key}[${i}]`)) : [`${at}.${key}: expected a list`];
  if (key === 'not') return checkProblems(v, `${at}.not`);
  if (key === 'exists' || key === 'absent') return typeof v === 'string' && [3, 4].includes(v.split('/').length) ? [] : [`${at}.${key}: expected 'GROUP/RESOURCE/[NAMESPACE/]NAME'`];
  if (key === 'count') return v && typeof v === 'object' && typeof (v as ObjectQuery).resource === 'string' ? [] : [`${at}.count: expected { resource, … }`];
  if (key === 'field') return v && typeof v === 'object' && typeof (v as { object?: unknown }).object === 'string' && typeof (v as { path?: unknown }).path === 'string' ? [] : [`${at}.field: expected { object, path }`];
  if (key === 'commandRan') return typeof v === 'string' || (v && typeof (v as { matches?: unknown }).matches === 'string') ? [] : [`${at}.commandRan: expected a string or { matches }`];
  if (key === 'event') return v && typeof (v as { reason?: unknown }).reason === 'string' ? [] : [`${at}.event: expected { reason, … }`];
  if (key === 'traffic') return v && typeof (v as { target?: unknown }).target === 'string' ? [] : [`${at}.traffic: expected { target, … }`];
  return [];
}
