// Folds the engine's per-request data (the `requests` field of change batches) into counters for
// the Traffic lens. "Recent" is the last wall-clock second, so the dots on an edge show the
// current rate; totals come from the engine's exact counters (the `trafficStats` query, asked once
// a second while traffic runs) and, until the first answer, from the requests seen. Nothing
// happens until a request is seen.
import { useEffect, useRef, useState } from 'react';
import type { TrafficStats } from '../../../engine';
import { usePlayground } from '../../store/context';
import { EMPTY_COUNTERS, foldRequests, requestsOf, totalsFromStats, type TrafficCounters, type TrafficRequest } from './traffic';

const WINDOW_MS = 1000;

function serviceKeys(objects: Readonly<Record<string, Readonly<Record<string, unknown>>>>): Set<string> {
  return new Set(Object.keys(objects['/services'] ?? {}));
}

export function useTraffic(): TrafficCounters {
  const pg = usePlayground();
  const [counters, setCounters] = useState<TrafficCounters>(EMPTY_COUNTERS);
  const buffer = useRef<TrafficRequest[]>([]);
  useEffect(() => {
    const { client, store } = pg;
    let alive = true;
    let seen = false;
    let asking = false;
    const off = client.subscribe((m) => {
      if (m.type !== 'batch' || !m.batch.requests?.length) return;
      seen = true;
      const reqs = requestsOf(m.batch, serviceKeys(store.getState().cluster.objects));
      if (reqs.length) buffer.current.push(...reqs);
    });
    const tick = () => {
      const reqs = buffer.current;
      buffer.current = [];
      setCounters((c) => foldRequests(c, reqs));
      if (!seen || asking) return;
      asking = true;
      void client.query({ kind: 'trafficStats' }).then((r) => {
        asking = false;
        const totals = totalsFromStats(r as TrafficStats | null);
        if (alive && totals) setCounters((c) => (sameTotals(c.totals, totals) ? c : { ...c, totals, seen: true }));
      });
    };
    // Roll the window once a second (wall clock: this is presentation pacing, not simulation).
    const timer = window.setInterval(tick, WINDOW_MS);
    return () => {
      alive = false;
      off();
      window.clearInterval(timer);
    };
  }, [pg]);
  return counters;
}

function sameTotals(a: TrafficCounters['totals'], b: TrafficCounters['totals']): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => b[k] && a[k].ok === b[k].ok && a[k].failed === b[k].failed);
}
