// The selected object, explained: live YAML, `kubectl describe`, its events, the scheduler's
// decision (pods) and its causes and effects. Tabs keep their choice as the selection changes.
import { selectObject } from '../../actions/selectObject';
import { usePlaygroundStore } from '../../store/context';
import type { InspectorTab } from '../../store/view';
import { useView, useViewStoreApi } from '../../store/viewContext';
import { GraphIcon } from '../graph/GraphIcon';
import { selectAllObjects } from '../graph/selectors';
import { targetOf, titleOf } from '../graph/target';
import { DescribeView } from './DescribeView';
import { EventsView } from './EventsView';
import { RelationsView } from './RelationsView';
import { SchedulingView } from './SchedulingView';
import { YamlView } from './YamlView';
import type { Pod } from '../../../engine';

const TABS: { id: InspectorTab | 'relations'; label: string }[] = [
  { id: 'yaml', label: 'YAML' },
  { id: 'describe', label: 'Describe' },
  { id: 'events', label: 'Events' },
  { id: 'scheduling', label: 'Scheduling' },
];

/** `onCollapse`: the inspector floats over the graph (narrow screens) and can fold away. */
export function Inspector({ onCollapse }: { onCollapse?: () => void } = {}) {
  const view = useViewStoreApi();
  const selected = useView((s) => s.selected);
  const tab = useView((s) => s.inspectorTab);
  const all = usePlaygroundStore(selectAllObjects);
  const target = targetOf(selected, all);
  if (!target) {
    return (
      <aside className="inspector is-empty" aria-label="Inspector" data-testid="inspector">
        <p className="empty">
          <GraphIcon name="info" size={22} /> Select a pod, node or workload to see its YAML, events, describe output and why it is where it is.
        </p>
      </aside>
    );
  }
  const isPod = target.ref.kind === 'Pod';
  const tabs = TABS.filter((t) => t.id !== 'scheduling' || isPod);
  const current = tab === 'scheduling' && !isPod ? 'yaml' : tab;
  return (
    <aside className="inspector" aria-label={`Inspector: ${titleOf(target)}`} data-testid="inspector">
      <header className="inspector-head">
        <h2 className="inspector-title" title={titleOf(target)}>
          {titleOf(target)}
        </h2>
        {onCollapse && (
          <button type="button" className="btn btn-icon btn-quiet" aria-label="Fold the inspector away (keep the selection)" title="Fold away" onClick={onCollapse} data-testid="inspector-collapse">
            <GraphIcon name="chevronRight" size={18} />
          </button>
        )}
        <button type="button" className="btn btn-icon btn-quiet" aria-label="Close inspector (clear selection)" onClick={() => selectObject(view, null)}>
          <GraphIcon name="close" size={18} />
        </button>
      </header>
      <RelationsView id={target.id} />
      {target.obj ? (
        <>
          <div className="tabs" role="tablist" aria-label="Inspector views">
            {tabs.map((t) => (
              <button
                key={t.id}
                type="button"
                role="tab"
                id={`insp-tab-${t.id}`}
                aria-selected={current === t.id}
                aria-controls="insp-panel"
                tabIndex={current === t.id ? 0 : -1}
                className="tab"
                onClick={() => view.setState({ inspectorTab: t.id as InspectorTab })}
                onKeyDown={(e) => {
                  if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
                  const i = tabs.findIndex((x) => x.id === current);
                  const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : -1) + tabs.length) % tabs.length];
                  view.setState({ inspectorTab: next.id as InspectorTab });
                  document.getElementById(`insp-tab-${next.id}`)?.focus();
                }}
              >
                {t.label}
              </button>
            ))}
          </div>
          <div className="tab-panel" role="tabpanel" id="insp-panel" aria-labelledby={`insp-tab-${current}`} tabIndex={0}>
            {current === 'yaml' && <YamlView obj={target.obj} />}
            {current === 'describe' && <DescribeView target={target} />}
            {current === 'events' && <EventsView target={target} />}
            {current === 'scheduling' && isPod && <SchedulingView pod={target.obj as Pod} />}
          </div>
        </>
      ) : (
        <p className="inspector-note">
          A control-plane component. Stop it to see what the cluster can no longer do (new pods stay Pending without the scheduler; nothing replaces deleted pods without the controller manager).
        </p>
      )}
    </aside>
  );
}
