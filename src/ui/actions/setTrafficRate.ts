// Verb: how many requests per simulated second the clients send to a Service (`sim traffic start --rate`).
import { isKind, type ObjectAction } from './objectAction';

export const setTrafficRate: ObjectAction = {
  id: 'traffic-rate',
  label: 'Rate…',
  icon: 'gauge',
  key: 'q',
  appliesTo: isKind('Service'),
  input: { label: 'Requests per second', initial: () => '10' },
  command: (t, v) => `sim traffic start ${t.ref.name}${t.ref.namespace ? ` -n ${t.ref.namespace}` : ''} --rate ${Number(v) > 0 ? Number(v) : 10}`,
};
