// Verb: a pod's container logs (`kubectl logs`).
import { isKind, resourceArg, type ObjectAction } from './objectAction';

export const showLogs: ObjectAction = {
  id: 'logs',
  label: 'Logs',
  icon: 'logs',
  key: 'l',
  appliesTo: isKind('Pod'),
  command: (t) => `kubectl logs ${resourceArg(t)}`,
};
