// Why this pod is on this node (or on none): the scheduler's decision record, every node × every
// filter and score plugin (via the engine's `schedulerDecision` query), and for a Pending pod the
// FailedScheduling message decoded into plain words.
import { Fragment, useEffect, useState } from 'react';
import type { Pod } from '../../../engine';
import { usePlayground } from '../../store/context';
import { GraphIcon } from '../graph/GraphIcon';
import { pendingReason } from '../graph/podVisual';
import { decodeFailedScheduling } from './decodeFailedScheduling';

/** The engine's Decision (scheduler/framework/decisions.ts), as plain data. */
export interface DecisionView {
  time: number;
  nodes: {
    name: string;
    filters: { plugin: string; status: string; reasons: string[] }[];
    failedPlugin: string | null;
    scores: { plugin: string; raw: number; normalized: number; weighted: number }[];
    total: number | null;
  }[];
  selected: string | null;
  message: string;
}

function isDecision(x: unknown): x is DecisionView {
  return !!x && typeof x === 'object' && Array.isArray((x as DecisionView).nodes);
}

export function SchedulingView({ pod }: { pod: Pod }) {
  const { client } = usePlayground();
  const [decision, setDecision] = useState<DecisionView | null | undefined>(undefined);
  const ns = pod.metadata.namespace ?? 'default';
  const name = pod.metadata.name ?? '';
  const version = pod.metadata.resourceVersion;
  useEffect(() => {
    let live = true;
    void client.query({ kind: 'schedulerDecision', namespace: ns, name }).then((r) => live && setDecision(isDecision(r) ? r : null));
    return () => {
      live = false;
    };
  }, [client, ns, name, version]);

  const why = !pod.spec?.nodeName ? pendingReason(pod) ?? (decision && !decision.selected ? decision.message : undefined) : undefined;
  const decoded = why ? decodeFailedScheduling(why) : undefined;
  const filterPlugins = decision?.nodes[0]?.filters.map((f) => f.plugin) ?? [];
  const scorePlugins = [...new Set(decision?.nodes.flatMap((n) => n.scores.map((s) => s.plugin)) ?? [])];

  return (
    <div className="scheduling" data-testid="scheduling">
      {decoded && (
        <div className="decoded" data-testid="failed-scheduling">
          <p className="decoded-summary">
            <GraphIcon name="alert" size={18} /> {decoded.summary}
          </p>
          <ul>
            {decoded.reasons.map((r, i) => (
              <li key={i}>{r.plain}</li>
            ))}
          </ul>
          {decoded.preemption && <p className="inspector-note">{decoded.preemption}</p>}
          <p className="inspector-note">
            Scheduler's words: <code>{why}</code>
          </p>
        </div>
      )}
      {decision === undefined && <p className="empty">Asking the scheduler…</p>}
      {decision === null && <p className="empty">{pod.spec?.nodeName ? `This pod was placed on ${pod.spec.nodeName} without a scheduling decision on record (a static or directly bound pod, or an old decision).` : 'The scheduler has not tried this pod yet.'}</p>}
      {decision && (
        <>
          <p className="inspector-note">
            {decision.selected ? (
              <>
                Chosen: <strong>{decision.selected}</strong> — filters remove nodes that cannot run the pod; scores (× weight) rank the rest; the highest total wins.
              </>
            ) : (
              <>No node passed every filter.</>
            )}
          </p>
          <div className="table-scroll">
            <table className="table decision" data-testid="decision-table">
              <thead>
                <tr>
                  <th scope="col">Node</th>
                  {filterPlugins.map((p) => (
                    <th key={p} scope="col" className="th-filter" title={`Filter plugin ${p}`}>
                      {p}
                    </th>
                  ))}
                  {scorePlugins.map((p) => (
                    <th key={p} scope="col" className="th-score" title={`Score plugin ${p} (weighted)`}>
                      {p}
                    </th>
                  ))}
                  <th scope="col">Total</th>
                </tr>
              </thead>
              <tbody>
                {decision.nodes.map((n) => (
                  <tr key={n.name} className={n.name === decision.selected ? 'is-chosen' : n.failedPlugin ? 'is-rejected' : ''}>
                    <th scope="row">
                      {n.name}
                      {n.name === decision.selected && <span className="chosen-tag"> chosen</span>}
                      {n.failedPlugin && <span className="cell-reason">{n.filters.find((f) => f.plugin === n.failedPlugin)?.reasons.join('; ') || n.failedPlugin}</span>}
                    </th>
                    {filterPlugins.map((p) => {
                      const f = n.filters.find((x) => x.plugin === p);
                      const ok = f?.status === 'Success' || f?.status === 'Skip';
                      return (
                        <td key={p} className={ok ? 'cell-pass' : 'cell-fail'} title={f ? `${f.status}${f.reasons.length ? `: ${f.reasons.join('; ')}` : ''}` : ''}>
                          <GraphIcon name={ok ? 'check' : 'cross'} size={15} title={ok ? 'passed' : 'failed'} />
                        </td>
                      );
                    })}
                    {scorePlugins.map((p) => {
                      const s = n.scores.find((x) => x.plugin === p);
                      return (
                        <td key={p} className="cell-score" title={s ? `raw ${s.raw}, normalised ${s.normalized}, weighted ${s.weighted}` : 'not scored'}>
                          {s ? s.weighted : '—'}
                        </td>
                      );
                    })}
                    <td className="cell-total">{n.total ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {decision.message && !decision.selected && !decoded && <Fragment><p className="inspector-note">{decision.message}</p></Fragment>}
        </>
      )}
    </div>
  );
}
