// The control plane as the lecture draws it: API server, etcd, scheduler, controller manager and
// cloud controller, each running or stopped. Each tile is a button: selecting one offers stop/start.
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { selectObject } from '../../../actions/selectObject';
import { useView, useViewStoreApi } from '../../../store/viewContext';
import type { ControlPlaneComponent } from '../controlPlane';
import { GraphIcon } from '../GraphIcon';
import type { FlowNode } from './types';

export const ControlPlaneNode = memo(function ControlPlaneNode({ data }: NodeProps<FlowNode<{ components: readonly ControlPlaneComponent[] }>>) {
  const view = useViewStoreApi();
  const selected = useView((s) => s.selected);
  return (
    <div className="gcp" data-testid="controlplane">
      <div className="gcp-title">
        <GraphIcon name="grid" size={18} /> Control plane
      </div>
      <div className="gcp-tiles">
        {data.components.map((c) => {
          const id = `controlplane:${c.id}`;
          return (
            <button
              key={c.id}
              type="button"
              className={`gcp-tile nodrag state-${c.state}${selected === id ? ' is-selected' : ''}`}
              data-testid={id}
              aria-pressed={selected === id}
              aria-label={`${c.label}: ${c.state}`}
              title={`${c.id} — ${c.state}${c.pod ? ` (static pod ${c.pod})` : ''}`}
              onClick={(e) => {
                e.stopPropagation();
                selectObject(view, id);
              }}
            >
              <GraphIcon name={c.icon} size={22} />
              <span className="gcp-label">{c.label}</span>
              <span className="gcp-state">
                <span className="dot" aria-hidden="true" />
                {c.state}
              </span>
            </button>
          );
        })}
      </div>
    </div>
  );
});
