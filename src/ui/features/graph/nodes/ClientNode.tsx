// Simulated clients sending requests (the Traffic lens's left-hand side).
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { GraphIcon } from '../GraphIcon';
import { Handles } from './Handles';
import type { FlowNode } from './types';

export const ClientNode = memo(function ClientNode({ data }: NodeProps<FlowNode<{ sent?: number; failed?: number }>>) {
  return (
    <div className="gclient" data-testid="client:traffic" data-sent={data.sent ?? 0} data-failed={data.failed ?? 0}>
      <Handles />
      <GraphIcon name="laptop" size={28} />
      <span className="gclient-name">Clients</span>
      <span className="gobj-summary">{data.sent ? `${data.sent} sent${data.failed ? `, ${data.failed} failed` : ''}` : 'no requests yet'}</span>
    </div>
  );
});
