// Verb: simulated clients start sending requests to a Service (`sim traffic start`).
import { isKind, type ObjectAction } from './objectAction';

export const startTraffic: ObjectAction = {
  id: 'traffic-start',
  label: 'Start traffic',
  icon: 'play',
  key: 't',
  appliesTo: isKind('Service'),
  command: (t) => `sim traffic start ${t.ref.name}${t.ref.namespace ? ` -n ${t.ref.namespace}` : ''}`,
};
