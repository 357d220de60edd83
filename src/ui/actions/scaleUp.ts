// Verb: one more replica (`kubectl scale --replicas=N+1`).
import { isKind, replicasOf, resourceArg, type ObjectAction } from './objectAction';

export const SCALABLE = ['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController'];

export const scaleUp: ObjectAction = {
  id: 'scale-up',
  label: 'Scale +1',
  icon: 'plus',
  key: '+',
  appliesTo: isKind(...SCALABLE),
  command: (t) => `kubectl scale ${resourceArg(t)} --replicas=${replicasOf(t) + 1}`,
};
