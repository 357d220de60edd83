// kubectl events (the newer command): mirrors staging/src/k8s.io/kubectl/pkg/cmd/events/events.go
// and its printer: LAST SEEN TYPE REASON OBJECT MESSAGE (NAMESPACE first with -A), oldest
// first, filtered by --for=TYPE/NAME and --types.
import type { Event } from '../../api/core';
import type { Ctx } from '../context';
import { KubectlError } from '../errors';
import type { FlagSpec } from '../flags';
import { resolveType } from '../builder';
import { eventLastSeen } from '../printers/columns';
import { formatTable } from '../printers/tabwriter';
import { parseOutputFormat, printObjects } from '../printers/output';
import { printContext } from './common';

export const EVENTS_FLAGS: FlagSpec[] = [
  { name: 'for', type: 'string' },
  { name: 'types', type: 'stringArray' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'no-headers', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'chunk-size', type: 'int', default: 500 },
];

/** Event time used for sorting: last seen, else event time, else creation. */
function when(e: Event, parse: (t: string | undefined) => number): number {
  return parse(e.lastTimestamp || e.eventTime || e.firstTimestamp || e.metadata.creationTimestamp || undefined);
}

export function runEvents(ctx: Ctx): void {
  const f = ctx.flags;
  if (f.args.length) throw new KubectlError(`error: unknown command "${f.args[0]}" for "kubectl events"`);
  const types = f.arr('types').flatMap((t) => t.split(',')).filter(Boolean);
  for (const t of types) {
    if (t.toLowerCase() !== 'normal' && t.toLowerCase() !== 'warning') throw new KubectlError(`error: valid --types are Normal or Warning`);
  }
  let forKind = '';
  let forName = '';
  if (f.str('for')) {
    const spec = f.str('for');
    const i = spec.indexOf('/');
    if (i <= 0 || i === spec.length - 1) throw new KubectlError(`error: --for must be in resource/name form`);
    forKind = resolveType(ctx, spec.slice(0, i)).kind;
    forName = spec.slice(i + 1);
  }
  const all = f.bool('all-namespaces');
  const p = printContext(ctx);
  let events = ctx.api.list({ group: '', resource: 'events' }, all ? undefined : ctx.namespace).items as Event[];
  events = events.filter((e) => {
    if (types.length && !types.some((t) => t.toLowerCase() === (e.type ?? '').toLowerCase())) return false;
    if (forKind && (e.involvedObject?.kind !== forKind || e.involvedObject?.name !== forName)) return false;
    return true;
  });
  events = events.map((e, i) => ({ e, i })).sort((a, b) => when(a.e, p.parse) - when(b.e, p.parse) || a.i - b.i).map((x) => x.e);
  const o = f.str('output');
  if (o) {
    const format = parseOutputFormat(o, false);
    if (format === 'json' || format === 'yaml') ctx.out(printObjects(events, format, true).replace(/\n$/, ''));
    else for (const e of events) ctx.out(`event/${e.metadata.name}`);
    return;
  }
  if (!events.length) {
    ctx.err(all ? 'No events found.' : `No events found in ${ctx.namespace} namespace.`);
    return;
  }
  const rows: string[][] = [];
  if (!f.bool('no-headers')) rows.push([...(all ? ['NAMESPACE'] : []), 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']);
  for (const e of events) {
    const ref = e.involvedObject ?? {};
    rows.push([
      ...(all ? [e.metadata.namespace ?? ''] : []),
      eventLastSeen(e, p),
      e.type ?? '',
      e.reason ?? '',
      `${(ref.kind ?? '').toLowerCase()}/${ref.name ?? ''}`,
      (e.message ?? '').trim(),
    ]);
  }
  for (const l of formatTable(rows)) ctx.out(l);
  if (f.bool('watch')) ctx.err('(this runner cannot follow a watch: the table above is the current state)');
}
