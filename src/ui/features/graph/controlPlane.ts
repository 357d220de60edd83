// The control plane box: the five components of the lecture's architecture diagram and whether
// each is running. Evidence, most specific first: the engine's own status
// (cluster.controlPlaneStatus(), sent with every clock message; `sim controlplane stop|start …`
// changes it), else a stop/start trace, then the component's static pod on the control-plane
// node (kind runs kube-apiserver, etcd, kube-scheduler and kube-controller-manager as static
// pods): a running component whose static pod is still coming up shows as "starting".
// The cloud controller manager has no pod in kind: it counts as running unless stopped.
import type { Pod, TraceEntry } from '../../../engine';
import type { ControlPlaneStatus } from '../../../engine/protocol';
import type { GraphIconName } from './GraphIcon';
import { podVisual } from './podVisual';

export type ComponentState = 'running' | 'starting' | 'stopped';

export interface ControlPlaneComponent {
  /** Upstream binary name; also the word `sim controlplane stop|start` takes. */
  id: string;
  label: string;
  icon: GraphIconName;
  state: ComponentState;
  /** The static pod that runs it, as 'namespace/name', if any. */
  pod?: string;
}

export const COMPONENTS: readonly { id: string; label: string; icon: GraphIconName; aliases: readonly string[]; status: keyof ControlPlaneStatus }[] = [
  { id: 'kube-apiserver', label: 'API server', icon: 'api', aliases: ['apiserver', 'kube-apiserver'], status: 'apiserver' },
  { id: 'etcd', label: 'etcd', icon: 'database', aliases: ['etcd'], status: 'etcd' },
  { id: 'kube-scheduler', label: 'scheduler', icon: 'scheduler', aliases: ['scheduler', 'kube-scheduler'], status: 'scheduler' },
  { id: 'kube-controller-manager', label: 'controller manager', icon: 'gears', aliases: ['controller-manager', 'kube-controller-manager'], status: 'controllerManager' },
  { id: 'cloud-controller-manager', label: 'cloud controller', icon: 'cloud', aliases: ['cloud-controller-manager', 'cloud-controller'], status: 'cloudControllerManager' },
];

export function controlPlaneComponents(pods: readonly Pod[], traces: readonly TraceEntry[], status?: ControlPlaneStatus): ControlPlaneComponent[] {
  return COMPONENTS.map(({ id, label, icon, aliases, status: key }) => {
    const pod = pods.find((p) => p.metadata.namespace === 'kube-system' && (p.metadata.name ?? '').startsWith(`${id}-`) && p.spec?.nodeName && (p.metadata.name ?? '') === `${id}-${p.spec.nodeName}`);
    const fromEngine = status?.[key];
    const fromTrace = fromEngine ? undefined : lastStopStart(traces, aliases);
    let state: ComponentState = 'running';
    if (fromEngine === 'stopped' || fromTrace) state = fromEngine === 'stopped' ? 'stopped' : fromTrace!;
    else if (fromEngine === 'running') {
      const c = pod ? podVisual(pod).category : 'running';
      state = c === 'running' ? 'running' : 'starting';
    } else if (pod) {
      const c = podVisual(pod).category;
      state = c === 'running' ? 'running' : c === 'pending' || c === 'creating' || c === 'notready' ? 'starting' : 'stopped';
    }
    return { id, label, icon, state, ...(pod ? { pod: `${pod.metadata.namespace}/${pod.metadata.name}` } : {}) };
  });
}

function lastStopStart(traces: readonly TraceEntry[], aliases: readonly string[]): ComponentState | undefined {
  for (let i = traces.length - 1; i >= 0; i--) {
    const t = traces[i];
    if (t.action !== 'stop' && t.action !== 'start') continue;
    const about = [t.object?.kind === 'Component' || t.object?.kind === 'ControlPlaneComponent' ? t.object.name : undefined, t.component === 'sim' || t.component === 'controlplane' ? t.object?.name : t.component];
    if (about.some((a) => a && aliases.includes(a))) return t.action === 'stop' ? 'stopped' : 'running';
  }
  return undefined;
}
