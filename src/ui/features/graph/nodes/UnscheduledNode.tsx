// Where pods wait until the scheduler binds them to a node.
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { GraphIcon } from '../GraphIcon';
import type { FlowNode } from './types';

export const UnscheduledNode = memo(function UnscheduledNode({ data }: NodeProps<FlowNode<{ count: number }>>) {
  return (
    <div className={`gunsched${data.count > 0 ? ' has-pods' : ''}`} data-testid="unscheduled">
      <div className="gunsched-title">
        <GraphIcon name="hourglass" size={18} /> Unscheduled <span className="count">{data.count}</span>
      </div>
      {data.count === 0 && <div className="gnode-empty">Every pod has a node.</div>}
    </div>
  );
});
