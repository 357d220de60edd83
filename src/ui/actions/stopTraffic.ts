// Verb: the simulated clients of a Service stop (`sim traffic stop svc/web`).
import { isKind, type ObjectAction } from './objectAction';

export const stopTraffic: ObjectAction = {
  id: 'traffic-stop',
  label: 'Stop traffic',
  icon: 'stop',
  key: 'T',
  appliesTo: isKind('Service'),
  command: (t) => `sim traffic stop svc/${t.ref.name}`,
};
