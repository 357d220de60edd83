// A Kubernetes Node: name, role, Ready/NotReady/SchedulingDisabled, its kubelet and kube-proxy,
// requested CPU and memory against allocatable, and taints. Its pods are drawn on top of it.
import type { NodeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import type { Node, Pod } from '../../../../engine';
import { UsageBar } from '../../../components/UsageBar';
import { nodeRoles, nodeStatus } from '../../../model/node';
import { allocatable, formatCPU, formatMemory, requestedOn } from '../../../model/resources';
import { GraphIcon } from '../GraphIcon';
import type { FlowNode } from './types';

export const KubeNodeBox = memo(function KubeNodeBox({ data }: NodeProps<FlowNode<{ node: Node; pods: readonly Pod[] }>>) {
  const { node, pods } = data;
  const name = node.metadata.name ?? '';
  const st = nodeStatus(node);
  const roles = nodeRoles(node);
  const used = useMemo(() => requestedOn(pods), [pods]);
  const alloc = allocatable(node);
  const taints = node.spec?.taints ?? [];
  const agentsUp = st.condition === 'Ready';
  return (
    <div className={`gnode gnode-${st.condition.toLowerCase()}${st.schedulingDisabled ? ' gnode-cordoned' : ''}`} data-testid={`node:${name}`}>
      <div className="gnode-head">
        <GraphIcon name="server" size={20} />
        <span className="gnode-name" title={name}>{name}</span>
      </div>
      <div className="gnode-badges">
        <span className="gnode-role">{roles.length ? roles.join(',') : 'worker'}</span>
        <span className={`badge badge-${st.condition.toLowerCase()}`}>
          <GraphIcon name={st.condition === 'Ready' ? 'check' : 'cross'} size={13} />
          {st.condition}
        </span>
        {st.schedulingDisabled && (
          <span className="badge badge-cordoned">
            <GraphIcon name="lock" size={13} />
            SchedulingDisabled
          </span>
        )}
      </div>
      <div className="gnode-agents">
        <span className={`agent ${agentsUp ? 'agent-up' : 'agent-down'}`} title={agentsUp ? 'kubelet is posting status' : 'kubelet is not posting status'}>
          <span className="dot" aria-hidden="true" />
          kubelet
        </span>
        <span className={`agent ${agentsUp ? 'agent-up' : 'agent-down'}`} title="kube-proxy programs Service routing on this node">
          <span className="dot" aria-hidden="true" />
          kube-proxy
        </span>
      </div>
      <div className="gnode-usage">
        <UsageBar label="CPU" used={used.cpu} total={alloc.cpu} format={formatCPU} />
        <UsageBar label="Mem" used={used.memory} total={alloc.memory} format={formatMemory} />
      </div>
      <div className="gnode-taints" title={taints.map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`).join('\n') || 'no taints'}>
        <GraphIcon name="taint" size={13} />
        {taints.length ? taints.map((t) => `${t.key.replace(/^node(-role)?\.kubernetes\.io\//, '')}:${t.effect}`).join(', ') : 'no taints'}
      </div>
      {pods.length === 0 && <div className="gnode-empty">No pods</div>}
    </div>
  );
});
