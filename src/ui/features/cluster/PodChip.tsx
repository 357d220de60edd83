// One pod: name, kubectl's STATUS, READY and RESTARTS, coloured by status group.
import { memo } from 'react';
import type { Pod } from '../../../engine/api/core';
import { Icon } from '../../components/Icon';
import { podCategory, podStatus } from '../../model/podStatus';

export const PodChip = memo(function PodChip({ pod }: { pod: Pod }) {
  const s = podStatus(pod);
  const cat = podCategory(s);
  const ns = pod.metadata.namespace ?? 'default';
  const name = pod.metadata.name ?? '';
  const label = `Pod ${ns}/${name}: ${s.reason}, ${s.ready}/${s.total} ready, ${s.restarts} restarts`;
  return (
    <li className={`pod pod-${cat}`} data-testid={`pod:${ns}/${name}`} data-status={s.reason} title={label} aria-label={label}>
      <span className="pod-name">{name}</span>
      <span className="pod-meta">
        <span className="pod-status">{s.reason}</span>
        <span className="pod-ready">{`${s.ready}/${s.total}`}</span>
        {s.restarts > 0 && (
          <span className="pod-restarts">
            <Icon name="restart" size={15} />
            {s.restarts}
          </span>
        )}
      </span>
    </li>
  );
});
