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

export const PodNode = memo(function PodNode({ data }: NodeProps<FlowNode<{ pod: Pod; traffic?: Counter; leaving?: boolean }>>) {
  const pod = data.pod;
  // The AGE text itself is selected, so a pod re-renders when its age reads differently
  // ("5m" stays "5m" for a minute), not on every clock tick: with 300 pods at speed 60 that
  // is the difference between 300 renders per frame and a handful.
  const created = pod.metadata.creationTimestamp;
  const age = usePlaygroundStore((s) => ageOf(created, s.cluster.clock.time));
  const v = podVisual(pod);
  const ns = pod.metadata.namespace ?? 'default';
  const name = pod.metadata.name ?? '';
  const why = v.category === 'pending' ? pendingReason(pod) : undefined;
  // The Ready condition can be False while STATUS still says Running (as kubectl shows it): the
  // node lifecycle controller marks the pods of a NotReady node, and Services stop sending to them.
  const readyCondition = pod.status?.conditions?.find((c) => c.type === 'Ready')?.status;
  const marked = v.reason === 'Running' && readyCondition === 'False';
  const title = `Pod ${ns}/${name}\n${v.reason}${marked ? ', Ready condition False' : ''} (${v.words}) · ${v.ready}/${v.total} ready · ${v.restarts} restarts${age ? ` · age ${age}` : ''}${why ? `\nWhy Pending: ${why}` : ''}`;
  return (
    <div className={`gpod pod-${v.category}${marked ? ' gpod-unready' : ''}`} data-testid={data.leaving ? `leaving-pod:${ns}/${name}` : `pod:${ns}/${name}`} data-status={v.reason} data-ready={readyCondition ?? ''} data-node={pod.spec?.nodeName ?? ''} title={title}>
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
          <span className="gpod-traffic" title="requests served / failed" data-testid={`pod-traffic:${ns}/${name}`} data-ok={data.traffic.ok} data-failed={data.traffic.failed}>
            {data.traffic.ok}
            {data.traffic.failed > 0 && <span className="gpod-failed">/{data.traffic.failed}</span>}
          </span>
        )}
      </span>
    </div>
  );
});
