// Events as `kubectl get events` lists them: LAST SEEN, TYPE, REASON, OBJECT, MESSAGE.
import type { Event, KubeObject } from '../../../engine';
import { CLUSTER_EPOCH_MS, humanAge } from '../graph/podVisual';

const lastTime = (e: Event) => Date.parse(e.lastTimestamp || e.eventTime || e.firstTimestamp || '') || 0;

/** Oldest first (by last seen, then name, so ties are stable). */
export function sortedEvents(map: Readonly<Record<string, KubeObject>> | undefined): Event[] {
  if (!map) return [];
  return (Object.values(map) as Event[]).sort((a, b) => lastTime(a) - lastTime(b) || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
}

export function eventAge(e: Event, now: number): string {
  const t = lastTime(e);
  return t ? humanAge(CLUSTER_EPOCH_MS + now - t) : '<unknown>';
}

export function eventObject(e: Event): string {
  return `${(e.involvedObject?.kind ?? '').toLowerCase()}/${e.involvedObject?.name ?? ''}`;
}
