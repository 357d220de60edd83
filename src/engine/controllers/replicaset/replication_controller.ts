// Mirrors pkg/controller/replication/replication_controller.go: upstream's ReplicationManager is
// the ReplicaSet controller run over ReplicationControllers through a conversion adapter. Here
// the same class runs with a different "kind": core/v1, kind ReplicationController, a map
// selector (defaulted from the template labels), and Events from 'replication-controller'.
import type { ComponentContext } from '../../component';
import type { ReplicaSetKind } from './replica_set';
import { ReplicaSetController, rcSelector } from './replica_set';

export const REPLICATIONCONTROLLER_KIND: ReplicaSetKind = {
  gvr: { group: '', resource: 'replicationcontrollers' },
  apiVersion: 'v1',
  kind: 'ReplicationController',
  eventComponent: 'replication-controller',
  selector: rcSelector,
};

export class ReplicationManager extends ReplicaSetController {
  constructor(ctx: ComponentContext) {
    super(ctx, REPLICATIONCONTROLLER_KIND, 'replicationcontroller-controller');
  }
}
