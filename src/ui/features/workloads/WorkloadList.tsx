// Deployments and the ReplicaSets they own, with the counts `kubectl get deploy,rs` prints.
import type { Deployment, ReplicaSet } from '../../../engine/api/apps';
import { Panel } from '../../components/Panel';
import { usePlaygroundStore } from '../../store/context';
import { selectDeployments, selectReplicaSets } from '../../store/selectors';

function ownerUid(rs: ReplicaSet): string | undefined {
  return rs.metadata.ownerReferences?.find((r) => r.controller)?.uid;
}

function ReplicaSetRow({ rs }: { rs: ReplicaSet }) {
  const ns = rs.metadata.namespace ?? 'default';
  const desired = rs.spec?.replicas ?? 1;
  const current = rs.status?.replicas ?? 0;
  const ready = rs.status?.readyReplicas ?? 0;
  return (
    <li className="rs" data-testid={`replicaset:${ns}/${rs.metadata.name}`}>
      <span className="rs-name">{rs.metadata.name}</span>
      <span className="counts" aria-label={`desired ${desired}, current ${current}, ready ${ready}`}>
        <span title="desired">{desired}</span> · <span title="current">{current}</span> · <span title="ready">{ready}</span>
      </span>
    </li>
  );
}

function DeploymentRow({ d, replicaSets }: { d: Deployment; replicaSets: ReplicaSet[] }) {
  const ns = d.metadata.namespace ?? 'default';
  const want = d.spec?.replicas ?? 1;
  const ready = d.status?.readyReplicas ?? 0;
  const upToDate = d.status?.updatedReplicas ?? 0;
  const available = d.status?.availableReplicas ?? 0;
  const done = ready === want && available === want;
  return (
    <li className="deploy" data-testid={`deployment:${ns}/${d.metadata.name}`}>
      <div className="deploy-head">
        <span className="deploy-name">
          {ns !== 'default' && <span className="ns">{ns}/</span>}
          {d.metadata.name}
        </span>
        <span className={`ready-count ${done ? 'is-done' : 'is-progressing'}`} aria-label={`${ready} of ${want} ready`}>
          {ready}/{want}
        </span>
      </div>
      <div className="deploy-sub">
        up-to-date {upToDate} · available {available}
      </div>
      {replicaSets.length > 0 && (
        <ul className="rs-list" aria-label={`ReplicaSets of ${d.metadata.name}`}>
          {replicaSets.map((rs) => (
            <ReplicaSetRow key={rs.metadata.uid ?? rs.metadata.name} rs={rs} />
          ))}
        </ul>
      )}
    </li>
  );
}

export function WorkloadList() {
  const deployments = usePlaygroundStore(selectDeployments);
  const replicaSets = usePlaygroundStore(selectReplicaSets);
  const byOwner = new Map<string, ReplicaSet[]>();
  const orphans: ReplicaSet[] = [];
  for (const rs of replicaSets) {
    const uid = ownerUid(rs);
    if (uid && deployments.some((d) => d.metadata.uid === uid)) byOwner.set(uid, [...(byOwner.get(uid) ?? []), rs]);
    else orphans.push(rs);
  }
  return (
    <Panel id="workloads" title="Deployments" icon="layers" extra={deployments.length} className="workloads">
      {deployments.length === 0 && orphans.length === 0 ? (
        <p className="empty">No deployments yet. Try the command below.</p>
      ) : (
        <>
          <p className="legend" aria-hidden="true">
            ReplicaSets: desired · current · ready
          </p>
          <ul className="deploy-list">
            {deployments.map((d) => (
              <DeploymentRow key={d.metadata.uid ?? d.metadata.name} d={d} replicaSets={byOwner.get(d.metadata.uid ?? '') ?? []} />
            ))}
          </ul>
          {orphans.length > 0 && (
            <ul className="rs-list" aria-label="ReplicaSets without a deployment">
              {orphans.map((rs) => (
                <ReplicaSetRow key={rs.metadata.uid ?? rs.metadata.name} rs={rs} />
              ))}
            </ul>
          )}
        </>
      )}
    </Panel>
  );
}
