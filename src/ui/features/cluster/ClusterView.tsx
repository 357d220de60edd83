// The cluster at a glance: a card per node with its pods, plus pods the scheduler has not placed.
import { Panel } from '../../components/Panel';
import { usePlaygroundStore } from '../../store/context';
import { podsOn, selectConnection, selectNodes, selectPodsByNode } from '../../store/selectors';
import { NodeCard } from './NodeCard';
import { PodChip } from './PodChip';

export function ClusterView() {
  const nodes = usePlaygroundStore(selectNodes);
  const pods = usePlaygroundStore(selectPodsByNode);
  const connection = usePlaygroundStore(selectConnection);
  return (
    <Panel id="cluster" title="Cluster" icon="server" extra={`${nodes.length} nodes`} className="cluster">
      {nodes.length === 0 && <p className="empty">{connection === 'connecting' ? 'Starting the cluster…' : 'No nodes have registered yet.'}</p>}
      <div className="nodes">
        {nodes.map((n) => (
          <NodeCard key={n.metadata.name} node={n} pods={podsOn(pods, n.metadata.name ?? '')} />
        ))}
      </div>
      <section className="unscheduled" aria-labelledby="unscheduled-title" data-testid="unscheduled">
        <h3 id="unscheduled-title" className="unscheduled-title">
          Unscheduled <span className="count">{pods.unscheduled.length}</span>
        </h3>
        {pods.unscheduled.length > 0 ? (
          <ul className="pods" aria-label="Pods waiting for a node">
            {pods.unscheduled.map((p) => (
              <PodChip key={p.metadata.uid ?? `${p.metadata.namespace}/${p.metadata.name}`} pod={p} />
            ))}
          </ul>
        ) : (
          <p className="empty">Every pod has a node.</p>
        )}
      </section>
    </Panel>
  );
}
