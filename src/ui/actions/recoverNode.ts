// Verb: the node's kubelet comes back (`sim node recover`).
import type { ObjectAction } from './objectAction';

export const recoverNode: ObjectAction = {
  id: 'recover-node',
  label: 'Recover node',
  icon: 'play',
  key: 'r',
  appliesTo: (t) => t.ref.kind === 'Node',
  command: (t) => `sim node recover ${t.ref.name}`,
};
