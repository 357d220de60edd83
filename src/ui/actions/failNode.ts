// Verb: the node's kubelet stops posting status (`sim node fail`): after the grace period the
// node turns NotReady, and after the toleration its pods are evicted.
import type { ObjectAction } from './objectAction';

export const failNode: ObjectAction = {
  id: 'fail-node',
  label: 'Fail node',
  icon: 'power',
  key: 'f',
  danger: true,
  appliesTo: (t) => t.ref.kind === 'Node',
  command: (t) => `sim node fail ${t.ref.name}`,
};
