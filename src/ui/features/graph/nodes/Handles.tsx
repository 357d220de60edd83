// Invisible connection points: edges leave an object on its right and enter on its left.
import { Handle, Position } from '@xyflow/react';

export function Handles() {
  return (
    <>
      <Handle type="target" position={Position.Left} isConnectable={false} className="ghandle" />
      <Handle type="source" position={Position.Right} isConnectable={false} className="ghandle" />
    </>
  );
}
