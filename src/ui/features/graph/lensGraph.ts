// From cluster state to the chosen lens's layout (pure; memoised by the caller).
import type { KubeObject, Node, Pod, TraceEntry } from '../../../engine';
import type { ControlPlaneStatus } from '../../../engine/protocol';
import type { Lens } from '../../store/view';
import { controlPlaneComponents } from './controlPlane';
import type { Layout, PodDrawing } from './layoutTypes';
import { inNamespace } from './objects';
import { buildOwnershipGraph, ownershipLayout } from './ownershipLayout';
import { placementLayout } from './placementLayout';
import { trafficLayout } from './traffic';

/** `previous`: the pod drawing this lens and namespace used last time (placementLayout's hysteresis). */
export function lensLayout(lens: Lens, all: readonly KubeObject[], namespace: string, traces: readonly TraceEntry[], controlPlane?: ControlPlaneStatus, previous?: PodDrawing): Layout {
  switch (lens) {
    case 'placement': {
      const pods = all.filter((o) => o.kind === 'Pod') as Pod[];
      return placementLayout({
        nodes: all.filter((o) => o.kind === 'Node') as Node[],
        pods: pods.filter((p) => inNamespace(p, namespace)),
        controlPlane: controlPlaneComponents(pods, traces, controlPlane),
        previous,
      });
    }
    case 'ownership':
      return ownershipLayout(buildOwnershipGraph(all, namespace));
    case 'traffic':
      return trafficLayout(all, namespace);
  }
}

/** Namespaces present, sorted (for the filter). */
export function namespacesOf(all: readonly KubeObject[]): string[] {
  const s = new Set<string>();
  for (const o of all) if (o.kind === 'Namespace' && o.metadata.name) s.add(o.metadata.name);
  for (const o of all) if (o.metadata.namespace) s.add(o.metadata.namespace);
  return [...s].sort();
}
