// What caused the selected object and what it caused (ownerReferences and trace links), as
// buttons that move the selection — the same sets the graph highlights.
import { useMemo } from 'react';
import { selectObject } from '../../actions/selectObject';
import { usePlaygroundStore } from '../../store/context';
import { useViewStoreApi } from '../../store/viewContext';
import { relativesOf } from '../graph/causality';
import { parseId } from '../graph/ids';
import { selectAllObjects, selectClusterTraces } from '../graph/selectors';

const MAX = 8;

export function RelationsView({ id }: { id: string }) {
  const view = useViewStoreApi();
  const all = usePlaygroundStore(selectAllObjects);
  const traces = usePlaygroundStore(selectClusterTraces);
  const r = useMemo(() => relativesOf(id, all, traces), [id, all, traces]);
  const groups: [string, string, ReadonlySet<string>][] = [
    ['cause', 'Caused by', r.causes],
    ['effect', 'Led to', r.effects],
    ['related', 'Related', r.related],
  ];
  if (groups.every(([, , s]) => s.size === 0)) return null;
  return (
    <div className="relations" data-testid="relations">
      {groups.map(([cls, label, set]) =>
        set.size === 0 ? null : (
          <div key={cls} className={`relation-row rel-row-${cls}`}>
            <span className="relation-label">{label}</span>
            {[...set].sort().slice(0, MAX).map((x) => {
              const p = parseId(x);
              return (
                <button key={x} type="button" className="chip" onClick={() => selectObject(view, x)} title={x}>
                  <span className="chip-kind">{p.kind}</span> {p.name}
                </button>
              );
            })}
            {set.size > MAX && <span className="more">+{set.size - MAX} more</span>}
          </div>
        ),
      )}
    </div>
  );
}
