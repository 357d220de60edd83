// Narration: what each component decided, newest first, straight from the engine's trace.
import { Panel } from '../../components/Panel';
import { usePlaygroundStore } from '../../store/context';
import { selectTraces } from '../../store/selectors';
import { formatShort } from '../../model/time';

const SHOWN = 80;

export function EventFeed() {
  const traces = usePlaygroundStore(selectTraces);
  const shown = traces.slice(-SHOWN).reverse();
  return (
    <Panel id="events" title="What happened" icon="list" className="events">
      {shown.length === 0 ? (
        <p className="empty">Nothing yet: controllers, the scheduler and kubelets narrate here.</p>
      ) : (
        <ol className="feed" aria-label="Component decisions, newest first">
          {shown.map((t) => (
            <li key={t.id} className={`feed-item feed-${t.action === 'error' ? 'error' : 'info'}`}>
              <span className="feed-time">{formatShort(t.time)}</span>
              <span className="feed-who">
                {t.component}
                {t.instance ? ` (${t.instance})` : ''}
              </span>
              <span className="feed-msg">{t.message}</span>
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}
