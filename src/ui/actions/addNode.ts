// Verb: a new worker joins the cluster (`sim node add`). Offered on any node and on the cluster.
import type { ObjectAction } from './objectAction';

export const addNode: ObjectAction = {
  id: 'add-node',
  label: 'Add node',
  icon: 'plus',
  key: 'a',
  appliesTo: (t) => t.ref.kind === 'Node' || t.ref.kind === 'Cluster',
  command: () => 'sim node add',
};
