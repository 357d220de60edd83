// A pod on the graph, in one of two drawings (placementLayout.ts decides which):
//   - the card: icon + colour by status group, name, kubectl's STATUS, READY, RESTARTS, AGE;
//   - the tile (big clusters): icon + colour and the name's random suffix; every column, and why
//     a Pending pod waits, in the tooltip.
// Both carry the data-testid and data-status/-node/-ready attributes the e2e journeys read.
import type { NodeProps } from '@xyflow/react';
import { memo, useContext, useState } from 'react';
import type { Pod } from '../../../../engine';
import { AgeClockContext, useAge } from '../ageClock';
import { GraphIcon } from '../GraphIcon';
import { ageOf, podTitle, podVisual, shortPodName } from '../podVisual';
import type { Counter } from '../traffic';
import { Handles } from './Handles';
import type { FlowNode } from './types';

type PodNodeData = { pod: Pod; compact?: boolean; traffic?: Counter; leaving?: boolean };

// React Flow re-renders a node whenever it moves; the drawings below are memoised on what they
// show, so the tiles that shift when a pod is inserted before them only get a new transform.
export const PodNode = memo(function PodNode({ data }: NodeProps<FlowNode<PodNodeData>>) {
  return data.compact ? <PodTile pod={data.pod} leaving={data.leaving} /> : <PodCard pod={data.pod} leaving={data.leaving} traffic={data.traffic} />;
});

/** The attributes both drawings share: what the tests select by, and the status colour. */
function podAttributes(pod: Pod, leaving: boolean | undefined, extraClass: string) {
  const v = podVisual(pod);
  const ns = pod.metadata.namespace ?? 'default';
  const name = pod.metadata.name ?? '';
  return {
    className: `gpod${extraClass} pod-${v.category}${v.unready ? ' gpod-unready' : ''}`,
    'data-testid': leaving ? `leaving-pod:${ns}/${name}` : `pod:${ns}/${name}`,
    'data-status': v.reason,
    'data-ready': v.readyCondition,
    'data-node': pod.spec?.nodeName ?? '',
  };
}

const PodCard = memo(function PodCard({ pod, leaving, traffic }: { pod: Pod; leaving?: boolean; traffic?: Counter }) {
  // The AGE text itself is what re-renders a card, at most once a second of wall time
  // (ageClock.ts): "5m" stays "5m" for a minute, and at speed 60 the seconds are not readable.
  const age = useAge(pod.metadata.creationTimestamp);
  const v = podVisual(pod);
  const ns = pod.metadata.namespace ?? 'default';
  const name = pod.metadata.name ?? '';
  return (
    <div {...podAttributes(pod, leaving, '')} title={podTitle(pod, age)}>
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
        {traffic && (
          <span className="gpod-traffic" title="requests served / failed" data-testid={`pod-traffic:${ns}/${name}`} data-ok={traffic.ok} data-failed={traffic.failed}>
            {traffic.ok}
            {traffic.failed > 0 && <span className="gpod-failed">/{traffic.failed}</span>}
          </span>
        )}
      </span>
    </div>
  );
});

/**
 * The compact drawing. It does not follow the clock at all: the age in its tooltip is read when
 * the pointer arrives, so hundreds of tiles cost nothing while the clock runs. No edge handles
 * either: the Placement lens, the only one that draws tiles, has no edges.
 */
const PodTile = memo(function PodTile({ pod, leaving }: { pod: Pod; leaving?: boolean }) {
  const clock = useContext(AgeClockContext);
  const [ageOnHover, setAgeOnHover] = useState('');
  const v = podVisual(pod);
  return (
    <div {...podAttributes(pod, leaving, ' gpod-tile')} title={podTitle(pod, ageOnHover)} onPointerEnter={() => clock && setAgeOnHover(ageOf(pod.metadata.creationTimestamp, clock.now()))}>
      <span className="gpod-icon">
        <GraphIcon name={v.icon} size={15} />
      </span>
      <span className="gpod-name">{shortPodName(pod)}</span>
    </div>
  );
});
