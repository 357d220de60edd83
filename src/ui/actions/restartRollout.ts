// Verb: replace every pod with a fresh one, gradually (`kubectl rollout restart`).
import { isKind, resourceArg, type ObjectAction } from './objectAction';

export const restartRollout: ObjectAction = {
  id: 'restart',
  label: 'Restart',
  icon: 'restart',
  key: 'R',
  appliesTo: isKind('Deployment', 'StatefulSet', 'DaemonSet'),
  command: (t) => `kubectl rollout restart ${resourceArg(t)}`,
};
