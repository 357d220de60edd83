// Event recorder (client-go tools/record): writes core/v1 Events, folding repeats of the same
// event into one object with a growing count, as the EventCorrelator does.
import type { Event, ObjectReference } from '../api/core';
import type { KubeObject } from '../api/meta';
import type { APIServer } from '../apiserver/apiserver';
import type { SimClock } from '../sim/clock';

const EVENTS = { group: '', resource: 'events' };

export interface EventSource {
  component: string; // 'default-scheduler', 'kubelet', 'replicaset-controller', …
  host?: string; // the node, for kubelet events
}

export class EventRecorder {
  /** correlation key -> event name (namespace/name) */
  private seen = new Map<string, string>();
  private nanoSeq = 0;

  constructor(private readonly api: APIServer, private readonly clock: SimClock) {}

  for(source: EventSource): Recorder {
    return {
      event: (obj, type, reason, message, fieldPath) => this.record(source, obj, type, reason, message, fieldPath),
    };
  }

  record(source: EventSource, obj: KubeObject | ObjectReference, type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string): void {
    if (!this.api.available) return;
    const ref = toRef(obj, fieldPath);
    const namespace = ref.namespace || 'default';
    const Z = '\u0000';
    const key = `${source.component}${Z}${source.host ?? ''}${Z}${ref.kind ?? ''}${Z}${namespace}${Z}${ref.name ?? ''}${Z}${ref.uid ?? ''}${Z}${ref.fieldPath ?? ''}${Z}${type}${Z}${reason}${Z}${message}`;
    const now = this.clock.iso();
    const existingName = this.seen.get(key);
    if (existingName) {
      const ev = this.api.tryGet(EVENTS, namespace, existingName) as Event | undefined;
      if (ev) {
        try {
          this.api.update(EVENTS, namespace, { ...ev, count: (ev.count ?? 1) + 1, lastTimestamp: now }, { user: source.component });
          return;
        } catch {
          // fall through and create a new one
        }
      }
    }
    // Real event names are `<object>.<hex of unix nanoseconds>`.
    const nanos = nanosHex(this.clock.epochMs + this.clock.now(), ++this.nanoSeq % 1000000);
    const name = `${ref.name}.${nanos}`;
    const ev: Event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: ref,
      reason,
      message,
      source: source.host ? { component: source.component, host: source.host } : { component: source.component },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    try {
      this.api.create(EVENTS, namespace, ev, { user: source.component });
      this.seen.set(key, name);
    } catch {
      // Events are best effort, as on a real cluster.
    }
  }

  save(): { seen: [string, string][]; nanoSeq: number } {
    return { seen: [...this.seen.entries()], nanoSeq: this.nanoSeq };
  }

  load(s: { seen: [string, string][]; nanoSeq: number }): void {
    this.seen = new Map(s.seen);
    this.nanoSeq = s.nanoSeq;
  }
}

export interface Recorder {
  event(obj: KubeObject | ObjectReference, type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string): void;
}

/**
 * Hex of `ms * 1e6 + extra` (unix nanoseconds), exactly, without BigInt: every event pays this.
 * The product needs ~61 bits, more than a double holds exactly, so it is built from 32-bit halves:
 * ms = hi * 2^32 + lo; lo * 1e6 + extra < 2^52 is exact, and its carry above 2^32 joins hi * 1e6.
 * Example: ms 1700000000000, extra 1 ⇒ '17979cfe362a0001'.
 */
export function nanosHex(ms: number, extra: number): string {
  if (!Number.isSafeInteger(ms) || ms < 0 || ms >= 2 ** 43) return (BigInt(ms) * 1000000n + BigInt(extra)).toString(16);
  const hi = Math.floor(ms / 4294967296);
  const lo = ms - hi * 4294967296;
  const low = lo * 1000000 + extra;
  const carry = Math.floor(low / 4294967296);
  const top = hi * 1000000 + carry;
  const bottom = (low - carry * 4294967296).toString(16);
  return top === 0 ? bottom : top.toString(16) + '00000000'.slice(bottom.length) + bottom;
}

function toRef(obj: KubeObject | ObjectReference, fieldPath?: string): ObjectReference {
  if ('metadata' in obj && obj.metadata && typeof obj.metadata === 'object') {
    const o = obj as KubeObject;
    const ref: ObjectReference = {
      kind: o.kind,
      namespace: o.metadata.namespace,
      name: o.metadata.name,
      uid: o.metadata.uid,
      apiVersion: o.apiVersion,
      resourceVersion: o.metadata.resourceVersion,
    };
    if (fieldPath) ref.fieldPath = fieldPath;
    if (!ref.namespace) delete ref.namespace;
    return ref;
  }
  const r = { ...(obj as ObjectReference) };
  if (fieldPath) r.fieldPath = fieldPath;
  return r;
}
