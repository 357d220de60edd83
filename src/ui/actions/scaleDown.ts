// Verb: one replica fewer (`kubectl scale --replicas=N-1`, never below 0).
import { isKind, replicasOf, resourceArg, type ObjectAction } from './objectAction';
import { SCALABLE } from './scaleUp';

export const scaleDown: ObjectAction = {
  id: 'scale-down',
  label: 'Scale −1',
  icon: 'minus',
  key: '-',
  appliesTo: isKind(...SCALABLE),
  command: (t) => `kubectl scale ${resourceArg(t)} --replicas=${Math.max(0, replicasOf(t) - 1)}`,
};
