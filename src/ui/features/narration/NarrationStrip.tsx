// The bottom strip: what the cluster's components just did, in plain words and coloured by
// component (from the engine's trace), and a second tab with Events as `kubectl get events`
// prints them. Filter by component, or to the selected object; click a line to select its object.
import { useMemo } from 'react';
import { selectObject } from '../../actions/selectObject';
import { usePlaygroundStore } from '../../store/context';
import type { BottomTab } from '../../store/view';
import { useView, useViewStoreApi } from '../../store/viewContext';
import { idOfRef } from '../graph/ids';
import { formatShort } from '../../model/time';
import { eventAge, eventObject, sortedEvents } from './events';
import { narrate, familyOf, type Family } from './narrate';

const SHOWN = 120;
const FAMILIES: { id: Family; label: string }[] = [
  { id: 'apiserver', label: 'API server' },
  { id: 'scheduler', label: 'Scheduler' },
  { id: 'controller', label: 'Controllers' },
  { id: 'kubelet', label: 'kubelets' },
  { id: 'proxy', label: 'kube-proxy / endpoints' },
  { id: 'user', label: 'You (kubectl, sim)' },
  { id: 'other', label: 'Other' },
];

export function NarrationStrip() {
  const view = useViewStoreApi();
  const tab = useView((s) => s.bottomTab);
  const tabs: { id: BottomTab; label: string }[] = [
    { id: 'narration', label: 'What happened' },
    { id: 'events', label: 'Events' },
  ];
  return (
    <section className="strip" aria-label="Narration and events">
      <div className="tabs strip-tabs" role="tablist" aria-label="Narration views">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`strip-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls="strip-panel"
            tabIndex={tab === t.id ? 0 : -1}
            className="tab"
            onClick={() => view.setState({ bottomTab: t.id })}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
              const next = tab === 'narration' ? 'events' : 'narration';
              view.setState({ bottomTab: next });
              document.getElementById(`strip-tab-${next}`)?.focus();
            }}
          >
            {t.label}
          </button>
        ))}
        {tab === 'narration' && <NarrationFilters />}
      </div>
      <div className="strip-panel" role="tabpanel" id="strip-panel" aria-labelledby={`strip-tab-${tab}`}>
        {tab === 'narration' ? <Narration /> : <EventsTable />}
      </div>
    </section>
  );
}

function NarrationFilters() {
  const view = useViewStoreApi();
  const family = useView((s) => s.narrationFamily);
  const selectedOnly = useView((s) => s.narrationSelectedOnly);
  const selected = useView((s) => s.selected);
  return (
    <div className="strip-filters">
      <label>
        <span>Component</span>
        <select value={family} onChange={(e) => view.setState({ narrationFamily: e.target.value })} data-testid="narration-family">
          <option value="">all</option>
          {FAMILIES.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={selectedOnly} disabled={!selected} onChange={(e) => view.setState({ narrationSelectedOnly: e.target.checked })} />
        <span>Only the selected object</span>
      </label>
    </div>
  );
}

function Narration() {
  const view = useViewStoreApi();
  const traces = usePlaygroundStore((s) => s.cluster.traces);
  const family = useView((s) => s.narrationFamily);
  const selectedOnly = useView((s) => s.narrationSelectedOnly);
  const selected = useView((s) => s.selected);
  const shown = useMemo(() => {
    const out = [];
    for (let i = traces.length - 1; i >= 0 && out.length < SHOWN; i--) {
      const t = traces[i];
      if (family && familyOf(t.component) !== family) continue;
      if (selectedOnly && selected && !(t.object && idOfRef(t.object) === selected) && !(t.cause && idOfRef(t.cause) === selected)) continue;
      out.push(t);
    }
    return out;
  }, [traces, family, selectedOnly, selected]);
  if (shown.length === 0) return <p className="empty">Nothing yet: the API server, controllers, the scheduler and kubelets narrate here as they act.</p>;
  return (
    <ol className="narration" aria-label="Component decisions, newest first" data-testid="narration">
      {shown.map((t) => {
        const n = narrate(t);
        const target = t.object ? idOfRef(t.object) : null;
        return (
          <li key={t.id} className={`narr fam-${n.family}${target && target === selected ? ' is-selected' : ''}`}>
            <span className="narr-time">{formatShort(n.time)}</span>
            <span className="narr-who">{n.speaker}</span>
            {n.subject && target ? (
              <button type="button" className="narr-subject" onClick={() => selectObject(view, target)} title={`Select ${n.subject}`}>
                {n.subject}
              </button>
            ) : (
              <span className="narr-subject" />
            )}
            <span className="narr-text">{n.text}</span>
          </li>
        );
      })}
    </ol>
  );
}

function EventsTable() {
  const events = usePlaygroundStore((s) => s.cluster.objects['/events']);
  const now = usePlaygroundStore((s) => Math.floor(s.cluster.clock.time / 1000) * 1000);
  const namespace = useView((s) => s.namespaces[s.lens]);
  const list = useMemo(() => sortedEvents(events).filter((e) => !namespace || e.metadata.namespace === namespace).slice(-200).reverse(), [events, namespace]);
  if (list.length === 0) return <p className="empty">No events yet.</p>;
  return (
    <table className="table events-table" data-testid="events-table" aria-label="kubectl get events, newest first">
      <thead>
        <tr>
          <th scope="col">LAST SEEN</th>
          <th scope="col">TYPE</th>
          <th scope="col">REASON</th>
          <th scope="col">OBJECT</th>
          <th scope="col">MESSAGE</th>
        </tr>
      </thead>
      <tbody>
        {list.map((e) => (
          <tr key={`${e.metadata.namespace}/${e.metadata.name}`} className={e.type === 'Warning' ? 'is-warning' : ''}>
            <td>{eventAge(e, now)}</td>
            <td>{e.type}</td>
            <td>{e.reason}</td>
            <td>{eventObject(e)}</td>
            <td>{e.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
