// The EndpointSlice reconciler: mirrors staging/src/k8s.io/endpointslice/reconciler.go
// (reconcile, reconcileByAddressType, finalize) in a reduced form. Pure: from the Service, its
// pods and the slices that exist, it computes which slices to create, update and delete.
//
// Worked example: Service web (port 80 → targetPort 8080) selecting 3 ready pods, no slices
// yet → one create: web-<5 chars> with 3 endpoints and ports [{name: "", port: 8080}]. Scale
// to 150 pods → the existing slice is filled to 100 (maxEndpointsPerSlice) and one more is
// created for the other 50. No pods at all → one placeholder slice with no endpoints and no
// ports (`kubectl get endpointslices` shows `<unset>`), as upstream keeps.
import type { Pod } from '../../api/core';
import type { ObjectMeta } from '../../api/meta';
import type { Endpoint, EndpointSlice, EndpointSlicePort, Service } from '../../api/networking';
import { ENDPOINTSLICE_CONTROLLER_NAME, LABEL_HEADLESS, LABEL_MANAGED_BY, LABEL_SERVICE_NAME, isHeadless } from '../../api/networking';
import { canonicalJSON } from '../../apiserver/validation/generic';
import { findPort, podToEndpoint, shouldPodBeInEndpoints } from './utils';

/** --max-endpoints-per-slice default. */
export const MAX_ENDPOINTS_PER_SLICE = 100;

export interface SliceGroup {
  ports: EndpointSlicePort[];
  endpoints: Endpoint[];
}

export interface SliceActions {
  create: EndpointSlice[];
  update: EndpointSlice[];
  delete: EndpointSlice[];
}

function portKey(ports: EndpointSlicePort[] | undefined): string {
  return canonicalJSON(ports ?? []);
}

/** Pods grouped by the ports they serve (a named targetPort can differ from pod to pod). */
export function desiredGroups(svc: Service, pods: Pod[]): SliceGroup[] {
  const groups = new Map<string, SliceGroup>();
  const sorted = [...pods].sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
  for (const pod of sorted) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ports: EndpointSlicePort[] = [];
    for (const sp of svc.spec.ports ?? []) {
      const port = findPort(pod, sp);
      if (port === undefined) continue;
      ports.push({ name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP', ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) });
    }
    const k = portKey(ports);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { ports, endpoints: [] }));
    g.endpoints.push(podToEndpoint(pod, svc));
  }
  return [...groups.values()];
}

/** Labels of a managed slice: the Service's own, plus the service-name and managed-by labels. */
export function sliceLabels(svc: Service): Record<string, string> {
  const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) };
  labels[LABEL_SERVICE_NAME] = svc.metadata.name ?? '';
  labels[LABEL_MANAGED_BY] = ENDPOINTSLICE_CONTROLLER_NAME;
  if (isHeadless(svc)) labels[LABEL_HEADLESS] = '';
  return labels;
}

function newSlice(svc: Service, ports: EndpointSlicePort[], endpoints: Endpoint[]): EndpointSlice {
  const meta: ObjectMeta = {
    generateName: `${svc.metadata.name}-`,
    namespace: svc.metadata.namespace,
    labels: sliceLabels(svc),
    ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: svc.metadata.name ?? '', uid: svc.metadata.uid ?? '', controller: true, blockOwnerDeletion: true }],
  };
  return { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: meta, addressType: 'IPv4', endpoints, ports };
}

function chunk<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

/**
 * Decide the writes. Existing slices are reused in name order: first those whose ports match a
 * group, then any left over (their ports are rewritten), so slice names stay stable while pods
 * come and go; only what is still missing is created, only what is left over deleted.
 */
export function reconcileSlices(svc: Service, pods: Pod[], existing: EndpointSlice[]): SliceActions {
  const groups = desiredGroups(svc, pods);
  const wanted: SliceGroup[] = groups.length
    ? groups.flatMap((g) => chunk(g.endpoints, MAX_ENDPOINTS_PER_SLICE).map((eps) => ({ ports: g.ports, endpoints: eps })))
    : [{ ports: [], endpoints: [] }]; // the placeholder
  const pool = [...existing].sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
  const assigned: (EndpointSlice | undefined)[] = wanted.map(() => undefined);
  wanted.forEach((w, i) => {
    const j = pool.findIndex((s) => portKey(s.ports) === portKey(w.ports));
    if (j >= 0) assigned[i] = pool.splice(j, 1)[0];
  });
  wanted.forEach((_w, i) => {
    if (!assigned[i] && pool.length) assigned[i] = pool.shift();
  });
  const actions: SliceActions = { create: [], update: [], delete: pool };
  const labels = sliceLabels(svc);
  wanted.forEach((w, i) => {
    const cur = assigned[i];
    if (!cur) {
      actions.create.push(newSlice(svc, w.ports, w.endpoints));
      return;
    }
    const same = canonicalJSON(cur.endpoints ?? []) === canonicalJSON(w.endpoints) && portKey(cur.ports) === portKey(w.ports) && canonicalJSON(cur.metadata.labels ?? {}) === canonicalJSON(labels);
    if (!same) actions.update.push({ ...cur, metadata: { ...cur.metadata, labels }, endpoints: w.endpoints, ports: w.ports });
  });
  return actions;
}
