// Events about the selected object (involvedObject), oldest first, as `kubectl describe` lists them.
import type { Event } from '../../../engine';
import type { ActionTarget } from '../../actions/objectAction';
import { usePlaygroundStore } from '../../store/context';
import { eventAge, sortedEvents } from '../narration/events';

export function EventsView({ target }: { target: ActionTarget }) {
  const events = usePlaygroundStore((s) => s.cluster.objects['/events']);
  const now = usePlaygroundStore((s) => Math.floor(s.cluster.clock.time / 1000) * 1000);
  const mine = sortedEvents(events).filter((e: Event) => e.involvedObject?.kind === target.ref.kind && e.involvedObject?.name === target.ref.name && (e.involvedObject?.namespace ?? undefined) === (target.ref.namespace ?? e.involvedObject?.namespace));
  if (mine.length === 0) return <p className="empty">No events for this object (events expire after an hour).</p>;
  return (
    <table className="table" data-testid="inspector-events">
      <thead>
        <tr>
          <th scope="col">Type</th>
          <th scope="col">Reason</th>
          <th scope="col">Age</th>
          <th scope="col">From</th>
          <th scope="col">Message</th>
        </tr>
      </thead>
      <tbody>
        {mine.map((e) => (
          <tr key={e.metadata.name} className={e.type === 'Warning' ? 'is-warning' : ''}>
            <td>{e.type}</td>
            <td>{e.reason}</td>
            <td>{eventAge(e, now)}</td>
            <td>{e.source?.component || e.reportingComponent}</td>
            <td>{e.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
