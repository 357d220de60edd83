// Above the graph: the three lenses, the namespace filter and fit.
import { fitView } from '../../actions/fitView';
import { setLens } from '../../actions/setLens';
import { usePlaygroundStore } from '../../store/context';
import type { Lens } from '../../store/view';
import { useView, useViewStoreApi } from '../../store/viewContext';
import { GraphIcon, type GraphIconName } from './GraphIcon';
import { namespacesOf } from './lensGraph';
import { selectAllObjects } from './selectors';
import { useMemo } from 'react';

const LENSES: { id: Lens; label: string; icon: GraphIconName; hint: string }[] = [
  { id: 'placement', label: 'Placement', icon: 'server', hint: 'Which node runs each pod' },
  { id: 'ownership', label: 'Ownership', icon: 'tree', hint: 'Which object owns which (ownerReferences) and what Services select' },
  { id: 'traffic', label: 'Traffic', icon: 'traffic', hint: 'Requests from clients through Services to pods' },
];

export function GraphToolbar() {
  const view = useViewStoreApi();
  const lens = useView((s) => s.lens);
  const namespace = useView((s) => s.namespaces[s.lens]);
  const all = usePlaygroundStore(selectAllObjects);
  const namespaces = useMemo(() => namespacesOf(all), [all]);
  return (
    <div className="graph-toolbar">
      <div className="lens-switch" role="group" aria-label="Lens">
        {LENSES.map((l) => (
          <button key={l.id} type="button" className="btn btn-lens" aria-pressed={lens === l.id} title={l.hint} onClick={() => setLens(view, l.id)} data-testid={`lens:${l.id}`}>
            <GraphIcon name={l.icon} size={18} />
            <span className="btn-label">{l.label}</span>
          </button>
        ))}
      </div>
      <label className="ns-filter">
        <span className="ns-label">Namespace</span>
        <select value={namespace} onChange={(e) => view.setState((s) => ({ namespaces: { ...s.namespaces, [s.lens]: e.target.value } }))} data-testid="namespace-filter">
          <option value="">all namespaces</option>
          {namespaces.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="btn btn-tool" onClick={() => fitView(view)} aria-label="Fit the whole cluster in view" title="Fit (f)">
        <GraphIcon name="eye" size={18} />
      </button>
    </div>
  );
}
