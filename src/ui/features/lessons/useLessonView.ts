// The live ClusterView for lesson checks: the store's objects and clock, the terminal's commands
// (with exit codes) and traffic counters folded from the engine's per-request data.
import { useEffect, useState } from 'react';
import type { CommandRecord, TrafficCounters } from '../../../lessons/view';
import { usePlayground } from '../../store/context';
import type { PlaygroundState } from '../../store/store';

export function commandsOf(s: PlaygroundState): CommandRecord[] {
  return s.terminal.entries.filter((e) => !e.replayed).map((e) => ({ line: e.line, ...(e.result ? { exitCode: e.result.exitCode, stdout: e.result.stdout } : {}) }));
}

/** Requests and errors per traffic target since the page loaded (or since `resetKey` changed). */
export function useTrafficTargets(resetKey: unknown): TrafficCounters {
  const { client } = usePlayground();
  const [counters, setCounters] = useState<TrafficCounters>({});
  useEffect(() => {
    setCounters({});
    return client.subscribe((m) => {
      if (m.type !== 'batch' || !m.batch.requests?.length) return;
      const reqs = m.batch.requests;
      setCounters((prev) => {
        const next: Record<string, { requests: number; errors: number }> = { ...prev };
        for (const r of reqs) {
          const c = next[r.target] ?? { requests: 0, errors: 0 };
          next[r.target] = { requests: c.requests + 1, errors: c.errors + (r.ok ? 0 : 1) };
        }
        return next;
      });
    });
  }, [client, resetKey]);
  return counters;
}
