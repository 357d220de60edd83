// One Kubernetes Node: name, roles, kubectl's STATUS, requested vs allocatable, and its pods.
import { memo, useMemo } from 'react';
import type { Node, Pod } from '../../../engine/api/core';
import { Icon } from '../../components/Icon';
import { UsageBar } from '../../components/UsageBar';
import { nodeRoles, nodeStatus } from '../../model/node';
import { allocatable, formatCPU, formatMemory, requestedOn } from '../../model/resources';
import { PodChip } from './PodChip';

export const NodeCard = memo(function NodeCard({ node, pods }: { node: Node; pods: readonly Pod[] }) {
  const name = node.metadata.name ?? '';
  const status = nodeStatus(node);
  const roles = nodeRoles(node);
  const used = useMemo(() => requestedOn(pods), [pods]);
  const alloc = allocatable(node);
  return (
    <article className={`node node-${status.condition.toLowerCase()}${status.schedulingDisabled ? ' node-cordoned' : ''}`} data-testid={`node:${name}`} aria-label={`Node ${name}`}>
      <header className="node-head">
        <Icon name="server" size={20} />
        <h3 className="node-name" title={name}>
          {name}
        </h3>
        <div className="node-sub">
          <span className={`badge badge-${status.condition.toLowerCase()}`}>{status.condition}</span>
          {status.schedulingDisabled && <span className="badge badge-cordoned">SchedulingDisabled</span>}
          <span className="node-roles" title="ROLES">
            {roles.length ? roles.join(',') : '<none>'}
          </span>
          <span className="node-count">{pods.length === 1 ? '1 pod' : `${pods.length} pods`}</span>
        </div>
      </header>
      <div className="node-usage">
        <UsageBar label="CPU" used={used.cpu} total={alloc.cpu} format={formatCPU} />
        <UsageBar label="Memory" used={used.memory} total={alloc.memory} format={formatMemory} />
      </div>
      {pods.length > 0 ? (
        <ul className="pods" aria-label={`Pods on ${name}`}>
          {pods.map((p) => (
            <PodChip key={p.metadata.uid ?? `${p.metadata.namespace}/${p.metadata.name}`} pod={p} />
          ))}
        </ul>
      ) : (
        <p className="empty">No pods</p>
      )}
    </article>
  );
});
