// Any owner object on the Ownership lens (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job,
// CronJob, or a kind the engine adds later): its kind, name and the counts kubectl get prints.
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { KubeObject } from '../../../../engine';
import { GraphIcon, type GraphIconName } from '../GraphIcon';
import { Handles } from './Handles';
import type { FlowNode } from './types';

const ICONS: Record<string, GraphIconName> = {
  Deployment: 'layers',
  ReplicaSet: 'grid',
  StatefulSet: 'database',
  DaemonSet: 'server',
  Job: 'flag',
  CronJob: 'hourglass',
  Service: 'service',
};

type Loose = { spec?: Record<string, unknown>; status?: Record<string, unknown> };
const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/** One line of counts, as `kubectl get <kind>` would print them. */
export function summaryOf(o: KubeObject): string {
  const { spec = {}, status = {} } = o as Loose;
  switch (o.kind) {
    case 'Deployment':
      return `${num(status.readyReplicas)}/${num(spec.replicas ?? 1)} ready · up-to-date ${num(status.updatedReplicas)}`;
    case 'ReplicaSet':
    case 'ReplicationController': {
      const rev = o.metadata.annotations?.['deployment.kubernetes.io/revision'];
      return `${rev ? `rev ${rev} · ` : ''}${num(status.readyReplicas)}/${num(spec.replicas ?? 1)} ready`;
    }
    case 'StatefulSet':
      return `${num(status.readyReplicas)}/${num(spec.replicas ?? 1)} ready`;
    case 'DaemonSet':
      return `${num(status.numberReady)}/${num(status.desiredNumberScheduled)} ready`;
    case 'Job':
      return `${num(status.succeeded)}/${num(spec.completions ?? 1)} complete${num(status.failed) ? ` · ${num(status.failed)} failed` : ''}`;
    case 'CronJob':
      return `${String(spec.schedule ?? '')}${spec.suspend ? ' · suspended' : ''}`;
    case 'Service': {
      const ports = (spec.ports as { port?: number; protocol?: string }[] | undefined)?.map((p) => p.port).join(',');
      return `${String(spec.type ?? 'ClusterIP')} ${String(spec.clusterIP ?? '')}${ports ? `:${ports}` : ''}`;
    }
    default:
      return '';
  }
}

export const ObjectNode = memo(function ObjectNode({ data }: NodeProps<FlowNode<{ obj: KubeObject; traffic?: { ok: number; failed: number } }>>) {
  const o = data.obj;
  const ns = o.metadata.namespace;
  const name = o.metadata.name ?? '';
  const testid = `${o.kind.toLowerCase()}:${ns ? `${ns}/` : ''}${name}`;
  const summary = summaryOf(o);
  return (
    <div className={`gobj gobj-${o.kind.toLowerCase()}`} data-testid={testid} title={`${o.kind} ${ns ? `${ns}/` : ''}${name}${summary ? `\n${summary}` : ''}`}>
      <Handles />
      <span className="gobj-icon">
        <GraphIcon name={ICONS[o.kind] ?? 'box'} size={22} />
      </span>
      <span className="gobj-kind">{o.kind}</span>
      <span className="gobj-name">{name}</span>
      <span className="gobj-summary">
        {summary}
        {data.traffic && (
          <span className="gobj-traffic" data-testid={`traffic:${data.obj.kind.toLowerCase()}:${data.obj.metadata.namespace ?? ''}/${data.obj.metadata.name ?? ''}`} data-ok={data.traffic.ok} data-failed={data.traffic.failed}>
            {' '}· {data.traffic.ok} ok{data.traffic.failed > 0 && <span className="gpod-failed">, {data.traffic.failed} failed</span>}
          </span>
        )}
      </span>
    </div>
  );
});
