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
    const key = [source.component, source.host ?? '', ref.kind, namespace, ref.name, ref.uid ?? '', ref.fieldPath ?? '', type, reason, message].join('\u0000');
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
    const nanos = (BigInt(this.clock.epochMs + this.clock.now()) * 1000000n + BigInt(++this.nanoSeq % 1000000)).toString(16);
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
