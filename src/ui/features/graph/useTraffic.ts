// Folds the engine's per-request data (a `requests` field on change batches, when the engine
// sends one) into counters. "Recent" is the last wall-clock second, so the dots on an edge show
// the current rate; totals accumulate. Nothing happens until a request is seen.
import { useEffect, useRef, useState } from 'react';
import { usePlayground } from '../../store/context';
import { EMPTY_COUNTERS, foldRequests, requestsOf, type TrafficCounters, type TrafficRequest } from './traffic';

const WINDOW_MS = 1000;

export function useTraffic(): TrafficCounters {
  const { client } = usePlayground();
  const [counters, setCounters] = useState<TrafficCounters>(EMPTY_COUNTERS);
  const buffer = useRef<TrafficRequest[]>([]);
  useEffect(() => {
    const off = client.subscribe((m) => {
      if (m.type !== 'batch') return;
      const reqs = requestsOf(m.batch);
      if (reqs.length) buffer.current.push(...reqs);
    });
    // Roll the window once a second (wall clock: this is presentation pacing, not simulation).
    const timer = window.setInterval(() => {
      const reqs = buffer.current;
      buffer.current = [];
      setCounters((c) => foldRequests(c, reqs));
    }, WINDOW_MS);
    return () => {
      off();
      window.clearInterval(timer);
    };
  }, [client]);
  return counters;
}
