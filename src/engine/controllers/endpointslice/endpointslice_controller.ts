// EndpointSlice controller: mirrors pkg/controller/endpointslice/endpointslice_controller.go
// (addPod/updatePod/deletePod → the Services selecting the pod are queued; syncService). For
// every Service with a selector it keeps EndpointSlices listing all matching pods with an IP,
// with ready/serving/terminating conditions (utils.ts), via the pure reconciler.
import type { Pod } from '../../api/core';
import { keyOf, splitKey } from '../../api/meta';
import type { EndpointSlice, Service } from '../../api/networking';
import { ENDPOINTSLICE_CONTROLLER_NAME, LABEL_MANAGED_BY, LABEL_SERVICE_NAME } from '../../api/networking';
import { fromSet, matches } from '../../api/labels';
import { isNotFound } from '../../apiserver/errors';
import { BY_NAMESPACE, type Informer } from '../../client/informer';
import type { ComponentContext } from '../../component';
import { Controller } from '../controller';
import { reconcileSlices } from './reconciler';

export const SERVICES = { group: '', resource: 'services' };
export const PODS = { group: '', resource: 'pods' };
export const ENDPOINTSLICES = { group: 'discovery.k8s.io', resource: 'endpointslices' };

/** Services in the pod's namespace whose selector matches these labels. */
export function servicesSelecting(services: Informer<Service>, namespace: string, labels: Record<string, string> | undefined): Service[] {
  return services.byIndex(BY_NAMESPACE, namespace).filter((s) => hasSelector(s) && matches(fromSet(s.spec.selector), labels));
}

/**
 * The watches both endpoint controllers share: a Service change re-syncs that Service; a pod
 * change re-syncs every Service selecting it (before and after a label change).
 */
export function enqueueServicesOnChange(services: Informer<Service>, pods: Informer<Pod>, enqueue: (key: string) => void): void {
  services.addHandler({
    add: (s) => enqueue(keyOf(s)),
    update: (_o, s) => enqueue(keyOf(s)),
    delete: (s) => enqueue(keyOf(s)),
  });
  const onPod = (p: Pod) => {
    for (const s of servicesSelecting(services, p.metadata.namespace ?? '', p.metadata.labels)) enqueue(keyOf(s));
  };
  pods.addHandler({
    add: onPod,
    update: (old, cur) => {
      onPod(cur);
      if (old.metadata.labels !== cur.metadata.labels) onPod(old);
    },
    delete: onPod,
  });
}

export function hasSelector(s: Service): boolean {
  return !!s.spec.selector && Object.keys(s.spec.selector).length > 0 && s.spec.type !== 'ExternalName';
}

export class EndpointSliceController extends Controller {
  private readonly services: Informer<Service>;
  private readonly pods: Informer<Pod>;
  private readonly slices: Informer<EndpointSlice>;

  constructor(ctx: ComponentContext) {
    super('endpointslice-controller', ctx);
    this.services = ctx.informers.for<Service>(SERVICES);
    this.pods = ctx.informers.for<Pod>(PODS);
    this.slices = ctx.informers.for<EndpointSlice>(ENDPOINTSLICES);
  }

  start(): void {
    this.slices.addIndex(LABEL_SERVICE_NAME, (s) => {
      const n = s.metadata.labels?.[LABEL_SERVICE_NAME];
      return n ? [`${s.metadata.namespace}/${n}`] : [];
    });
    enqueueServicesOnChange(this.services, this.pods, (key) => this.enqueue(key));
    // A slice changed by someone else: put it back the way the Service wants it.
    const onSlice = (s: EndpointSlice) => {
      const svc = s.metadata.labels?.[LABEL_SERVICE_NAME];
      if (svc && s.metadata.labels?.[LABEL_MANAGED_BY] === ENDPOINTSLICE_CONTROLLER_NAME) this.enqueue(`${s.metadata.namespace}/${svc}`);
    };
    this.slices.addHandler({ update: (_o, s) => onSlice(s), delete: onSlice });
  }

  /** syncService: re-read the Service, its pods and its slices, and converge. */
  protected sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const svc = this.services.get(key);
    const mine = this.slices.byIndex(LABEL_SERVICE_NAME, key).filter((s) => s.metadata.labels?.[LABEL_MANAGED_BY] === ENDPOINTSLICE_CONTROLLER_NAME);
    if (!svc || !hasSelector(svc)) {
      // Deleted Services' slices go with the garbage collector (owner references); a Service
      // that lost its selector keeps none of ours.
      if (svc) for (const s of mine) this.remove(s);
      return;
    }
    const pods = this.pods.byIndex(BY_NAMESPACE, namespace).filter((p) => matches(fromSet(svc.spec.selector), p.metadata.labels));
    const actions = reconcileSlices(svc, pods, mine.filter((s) => s.metadata.ownerReferences?.some((r) => r.uid === svc.metadata.uid) ?? true));
    const user = { user: this.name };
    for (const s of actions.create) {
      const created = this.ctx.api.create(ENDPOINTSLICES, namespace, s, user);
      this.traceSlice('create', svc, created as EndpointSlice);
    }
    for (const s of actions.update) {
      const updated = this.ctx.api.update(ENDPOINTSLICES, namespace, s, user);
      this.traceSlice('update', svc, updated as EndpointSlice);
    }
    for (const s of actions.delete) this.remove(s);
    void name;
  }

  private remove(s: EndpointSlice): void {
    try {
      this.ctx.api.delete(ENDPOINTSLICES, s.metadata.namespace ?? '', s.metadata.name ?? '', { user: this.name });
      this.ctx.trace.record({ component: this.name, action: 'delete', object: { kind: 'EndpointSlice', namespace: s.metadata.namespace, name: s.metadata.name ?? '' }, message: `deleted EndpointSlice ${s.metadata.name}: no longer needed` });
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }

  private traceSlice(action: string, svc: Service, s: EndpointSlice): void {
    const eps = s.endpoints ?? [];
    const ready = eps.filter((e) => e.conditions.ready).length;
    const terminating = eps.filter((e) => e.conditions.terminating).length;
    this.ctx.trace.record({
      component: this.name,
      action,
      object: { kind: 'EndpointSlice', namespace: s.metadata.namespace, name: s.metadata.name ?? '' },
      cause: { kind: 'Service', namespace: svc.metadata.namespace, name: svc.metadata.name ?? '', uid: svc.metadata.uid },
      message: `EndpointSlice ${s.metadata.name} for Service ${svc.metadata.name}: ${eps.length} endpoint(s), ${ready} ready${terminating ? `, ${terminating} terminating` : ''}`,
      details: { endpoints: eps.map((e) => ({ ip: e.addresses[0], pod: e.targetRef?.name, ...e.conditions })) },
    });
  }
}
