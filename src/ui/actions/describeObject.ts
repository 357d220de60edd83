// Verb: `kubectl describe` the selected object (any kind), in the terminal.
import { resourceArg, type ObjectAction } from './objectAction';

export const describeObject: ObjectAction = {
  id: 'describe',
  label: 'Describe',
  icon: 'doc',
  key: 'd',
  appliesTo: (t) => t.ref.kind !== 'ControlPlane' && t.ref.kind !== 'Cluster',
  command: (t) => `kubectl describe ${resourceArg(t)}`,
};
