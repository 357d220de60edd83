// Namespace controller: mirrors pkg/controller/namespace/namespace_controller.go (syncNamespaceFromKey)
// and deletion/namespaced_resources_deleter.go (Delete). For a namespace with a deletionTimestamp:
//   1. make sure its phase is Terminating (NamespaceLifecycle admission now refuses new content);
//   2. delete every namespaced resource in it (each kind the API serves: pods go gracefully, the
//      kubelets stop their containers), record the five NamespaceDeletion* conditions;
//   3. while anything remains, look again after Estimate/2 + 1 seconds (the longest pod grace
//      period: 30 s -> 16 s);
//   4. when nothing remains, remove the `kubernetes` finalizer through PUT namespaces/<n>/finalize;
//      the API server then removes the namespace.
// Like upstream (which uses a metadata client, not informers) it lists content live from the API
// server, since it must see every kind, including ones no informer watches.
import type { Namespace, Pod } from '../../api/core';
import { deepCopy } from '../../api/meta';
import { jsonEqual } from '../../apiserver/apiserver';
import { isNotFound, isStatusError } from '../../apiserver/errors';
import { FINALIZER_KUBERNETES } from '../../apiserver/registry/core/namespace/strategy';
import type { Informer } from '../../client/informer';
import type { ComponentContext } from '../../component';
import { Controller } from '../controller';
import { deletableResources, deletionConditions, estimateGracefulTermination, isTerminating, requeueAfterMs, type GVRContent } from './deletion';

const NAMESPACES = { group: '', resource: 'namespaces' };

export class NamespaceController extends Controller {
  private readonly namespaces: Informer<Namespace>;

  constructor(ctx: ComponentContext) {
    super('namespace-controller', ctx);
    this.namespaces = ctx.informers.for<Namespace>(NAMESPACES);
  }

  start(): void {
    const onNs = (n: Namespace) => {
      if (isTerminating(n)) this.enqueue(n.metadata.name!);
    };
    this.namespaces.addHandler({ add: onNs, update: (_o, n) => onNs(n) });
  }

  protected override sync(name: string): void {
    const cached = this.namespaces.get(name);
    if (!cached || !isTerminating(cached)) return;
    const ns = this.ensureTerminating(cached);
    if (!(ns.spec?.finalizers ?? []).includes(FINALIZER_KUBERNETES)) return;

    const { content, failures, estimate } = this.deleteAllContent(name);
    const remaining = content.filter((c) => c.remaining.length);
    this.updateConditions(ns, content, failures);
    if (remaining.length || failures.length) {
      const wait = requeueAfterMs(estimate);
      const what = remaining.map((c) => `${c.remaining.length} ${c.info.resource}`).join(', ');
      this.ctx.trace.record({
        component: this.name,
        action: 'wait',
        object: { kind: 'Namespace', name },
        message: `namespace ${name} is terminating: waiting for ${what || 'failed deletions'} to go (longest grace period ${estimate} s), looking again in ${wait / 1000} s`,
      });
      this.enqueueAfter(name, wait);
      return;
    }
    this.finalize(name);
  }

  /** updateNamespaceStatusFunc: phase Terminating once deletion has started. */
  private ensureTerminating(ns: Namespace): Namespace {
    if (ns.status?.phase === 'Terminating') return ns;
    const next = deepCopy(ns) as Namespace;
    next.status = { ...(next.status ?? {}), phase: 'Terminating' };
    return this.ctx.api.update(NAMESPACES, '', next, { user: this.name, subresource: 'status' }) as Namespace;
  }

  /** deleteAllContent: ask for every object of every kind to go, then see what is left. */
  private deleteAllContent(namespace: string): { content: GVRContent[]; failures: string[]; estimate: number } {
    const api = this.ctx.api;
    const content: GVRContent[] = [];
    const failures: string[] = [];
    let estimate = 0;
    for (const info of deletableResources(api.catalogue.all(), (i) => api.served(i.group, i.resource))) {
      const items = api.list(info, namespace).items;
      if (!items.length) continue;
      let deleted = 0;
      for (const o of items) {
        if (o.metadata.deletionTimestamp) continue;
        try {
          api.delete(info, namespace, o.metadata.name!, { user: this.name, propagationPolicy: 'Background' });
          deleted++;
        } catch (e) {
          if (isNotFound(e)) continue;
          failures.push(`${info.resource}.${info.group}: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
      const remaining = api.list(info, namespace).items;
      if (info.group === '' && info.resource === 'pods') estimate = Math.max(estimate, estimateGracefulTermination(remaining as Pod[]));
      content.push({ info, remaining });
      if (deleted) {
        this.ctx.trace.record({
          component: this.name,
          action: 'delete',
          object: { kind: 'Namespace', name: namespace },
          message: `namespace ${namespace} is terminating: deleted ${deleted} ${info.resource}${remaining.length ? ` (${remaining.length} still shutting down)` : ''}`,
        });
      }
    }
    return { content, failures, estimate };
  }

  private updateConditions(ns: Namespace, content: GVRContent[], failures: string[]): void {
    const conditions = deletionConditions(content, failures, ns.status?.conditions, this.ctx.clock.iso());
    const current = this.namespaces.get(ns.metadata.name!) ?? ns;
    if (jsonEqual(current.status?.conditions, conditions)) return;
    const next = deepCopy(current) as Namespace;
    next.status = { ...(next.status ?? {}), conditions };
    try {
      this.ctx.api.update(NAMESPACES, '', next, { user: this.name, subresource: 'status' });
    } catch (e) {
      if (!isStatusError(e)) throw e;
    }
  }

  /** finalizeNamespace: drop `kubernetes` from spec.finalizers through the finalize subresource. */
  private finalize(name: string): void {
    const ns = this.ctx.api.tryGet(NAMESPACES, '', name) as Namespace | undefined;
    if (!ns) return;
    const next = deepCopy(ns) as Namespace;
    next.spec = { ...(next.spec ?? {}), finalizers: (ns.spec?.finalizers ?? []).filter((f) => f !== FINALIZER_KUBERNETES) };
    this.ctx.api.update(NAMESPACES, '', next, { user: this.name, subresource: 'finalize' });
    this.ctx.trace.record({
      component: this.name,
      action: 'finalize',
      object: { kind: 'Namespace', name },
      message: `namespace ${name} is empty: removed the "kubernetes" finalizer, so the API server deletes the namespace`,
    });
  }
}
