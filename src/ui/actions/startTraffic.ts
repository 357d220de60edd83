// Verb: simulated clients start sending requests to a Service (`sim traffic start svc/web --rps 20`).
import { isKind, type ActionTarget, type ObjectAction } from './objectAction';

/** `svc/web -n shop`: the Service as `sim traffic start` takes it. */
export const trafficTarget = (t: ActionTarget) => `svc/${t.ref.name}${t.ref.namespace && t.ref.namespace !== 'default' ? ` -n ${t.ref.namespace}` : ''}`;

export const DEFAULT_RPS = 20;

export const startTraffic: ObjectAction = {
  id: 'traffic-start',
  label: 'Start traffic',
  icon: 'play',
  key: 't',
  appliesTo: isKind('Service'),
  command: (t) => `sim traffic start ${trafficTarget(t)} --rps ${DEFAULT_RPS}`,
};
