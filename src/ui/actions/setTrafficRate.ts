// Verb: how many requests per simulated second the clients send to a Service. A load generator's
// rate is fixed when it starts, so changing it is two lines: stop the Service's generators, start
// one at the new rate (`sim traffic stop svc/web`, `sim traffic start svc/web --rps 20`).
import { isKind, type ObjectAction } from './objectAction';
import { trafficTarget } from './startTraffic';

export const setTrafficRate: ObjectAction = {
  id: 'traffic-rate',
  label: 'Change rate…',
  icon: 'gauge',
  key: 'q',
  appliesTo: isKind('Service'),
  input: { label: 'Requests per second', initial: () => '20' },
  command: (t, v) => `sim traffic stop svc/${t.ref.name}\nsim traffic start ${trafficTarget(t)} --rps ${Number(v) > 0 ? Number(v) : 20}`,
};
