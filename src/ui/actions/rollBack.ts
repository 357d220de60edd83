// Verb: back to the previous revision (`kubectl rollout undo`).
import { isKind, resourceArg, type ObjectAction } from './objectAction';

export const rollBack: ObjectAction = {
  id: 'rollback',
  label: 'Roll back',
  icon: 'undo',
  key: 'z',
  appliesTo: isKind('Deployment', 'StatefulSet', 'DaemonSet'),
  command: (t) => `kubectl rollout undo ${resourceArg(t)}`,
};
