// A pod on the graph: icon + colour by status group, name, kubectl's STATUS, READY, RESTARTS, AGE.
// Pending pods say why on hover (the scheduler's PodScheduled condition).
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { Pod } from '../../../../engine';
import { usePlaygroundStore } from '../../../store/context';
import { GraphIcon } from '../GraphIcon';
import { ageOf, pendingReason, podVisual } from '../podVisual';
import type { Counter } from '../traffic';
import { Handles } from './Handles';
import type { FlowNode } from './types';

const selectSeconds = (s: { cluster: { clock: { time: number } } }) => Math.floor(s.cluster.clock.time / 1000);

export const PodNode = memo(function PodNode({ data }: NodeProps<FlowNode<{ pod: Pod; traffic?: Counter }>>) {
  const pod = data.pod;
  const seconds = usePlaygroundStore(selectSeconds);
  const v = podVisual(pod);
  const ns = pod.metadata.namespace ?? 'default';
  const name = pod.metadata.name ?? '';
  const why = v.category === 'pending' ? pendingReason(pod) : undefined;
  const age = ageOf(pod.metadata.creationTimestamp, seconds * 1000);
  const title = `Pod ${ns}/${name}\n${v.reason} (${v.words}) · ${v.ready}/${v.total} ready · ${v.restarts} restarts${age ? ` · age ${age}` : ''}${why ? `\nWhy Pending: ${why}` : ''}`;
  return (
    <div className={`gpod pod-${v.category}`} data-testid={`pod:${ns}/${name}`} data-status={v.reason} data-node={pod.spec?.nodeName ?? ''} title={title}>
      <Handles />
      <span className="gpod-icon">
        <GraphIcon name={v.icon} size={20} />
      </span>
      <span className="gpod-name">{name}</span>
      <span className="gpod-meta">
        <span className="gpod-status">{v.reason}</span>
        <span className="gpod-ready" title="READY">{`${v.ready}/${v.total}`}</span>
        {v.restarts > 0 && (
          <span className="gpod-restarts" title="RESTARTS">
            <GraphIcon name="restart" size={13} />
            {v.restarts}
          </span>
        )}
        {age && <span className="gpod-age" title="AGE">{age}</span>}
        {data.traffic && (
          <span className="gpod-traffic" title="requests served / failed">
            {data.traffic.ok}
            {data.traffic.failed > 0 && <span className="gpod-failed">/{data.traffic.failed}</span>}
          </span>
        )}
      </span>
    </div>
  );
});
