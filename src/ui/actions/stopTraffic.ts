// Verb: the simulated clients of a Service stop (`sim traffic stop`).
import { isKind, type ObjectAction } from './objectAction';

export const stopTraffic: ObjectAction = {
  id: 'traffic-stop',
  label: 'Stop traffic',
  icon: 'stop',
  key: 'T',
  appliesTo: isKind('Service'),
  command: (t) => `sim traffic stop ${t.ref.name}${t.ref.namespace ? ` -n ${t.ref.namespace}` : ''}`,
};
