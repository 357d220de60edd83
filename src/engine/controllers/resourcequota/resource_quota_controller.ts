// Resource quota controller: mirrors pkg/controller/resourcequota/resource_quota_controller.go
// (syncResourceQuota) and resource_quota_monitor.go (replenishment). It keeps each quota's
// status.hard (a copy of spec.hard) and status.used (a fresh count) current:
//   - a quota is created or its spec changes -> recount it;
//   - an object in its namespace is created or deleted, or a pod stops counting (Succeeded,
//     Failed) -> recount every quota in that namespace ("replenishment": a finished Job pod frees
//     its cpu at once).
// Upstream also recounts every quota every 5 minutes; here every change is an event, so an idle
// cluster keeps no timer. Admission raises status.used between recounts (../../apiserver/admission/resourcequota.ts).
import type { ResourceQuota } from '../../api/config';
import type { Pod } from '../../api/core';
import type { KubeObject } from '../../api/meta';
import { deepCopy, keyOf } from '../../api/meta';
import type { ResourceInfo } from '../../api/resources';
import { jsonEqual } from '../../apiserver/apiserver';
import { isNotFound } from '../../apiserver/errors';
import { BY_NAMESPACE, type Informer } from '../../client/informer';
import type { ComponentContext } from '../../component';
import { evaluatorFor, IGNORED_RESOURCES } from '../../quota/evaluators';
import { isTerminal } from '../../quota/pods';
import { add, fromResourceList, mask, qty, toResourceList, type Usage } from '../../quota/resources';
import { Controller } from '../controller';

const QUOTAS = { group: '', resource: 'resourcequotas' };

export class ResourceQuotaController extends Controller {
  private readonly quotas: Informer<ResourceQuota>;
  /** One informer per quotable kind (the quota monitor's dynamic informers). */
  private readonly monitors: { info: ResourceInfo; informer: Informer<KubeObject> }[] = [];

  constructor(ctx: ComponentContext) {
    super('resourcequota-controller', ctx);
    this.quotas = ctx.informers.for<ResourceQuota>(QUOTAS);
    for (const info of ctx.api.catalogue.all()) {
      if (!info.namespaced || IGNORED_RESOURCES.has(`${info.group}/${info.resource}`) || !ctx.api.served(info.group, info.resource)) continue;
      this.monitors.push({ info, informer: ctx.informers.for<KubeObject>(info) });
    }
  }

  start(): void {
    this.quotas.addHandler({
      add: (q) => this.enqueue(keyOf(q)),
      update: (o, q) => {
        if (!jsonEqual(o.spec, q.spec) || !jsonEqual(q.spec?.hard, q.status?.hard)) this.enqueue(keyOf(q));
      },
    });
    for (const { info, informer } of this.monitors) {
      const isPods = info.group === '' && info.resource === 'pods';
      informer.addHandler({
        add: (o) => this.replenish(o),
        update: (old, cur) => {
          // Pods stop counting when they finish or get deleted; other kinds only on delete.
          if (isPods && (isTerminal(old as Pod) !== isTerminal(cur as Pod) || !!old.metadata.deletionTimestamp !== !!cur.metadata.deletionTimestamp)) this.replenish(cur);
          else if (info.group === '' && (info.resource === 'services' || info.resource === 'persistentvolumeclaims') && !jsonEqual(old.spec, cur.spec)) this.replenish(cur);
        },
        delete: (o) => this.replenish(o),
      });
    }
  }

  private replenish(o: KubeObject): void {
    const ns = o.metadata.namespace ?? '';
    for (const q of this.quotas.byIndex(BY_NAMESPACE, ns)) this.enqueue(keyOf(q));
  }

  protected override sync(key: string): void {
    const q = this.quotas.get(key);
    if (!q) return;
    const hard = fromResourceList(q.spec?.hard);
    const used = this.calculateUsage(q, [...hard.keys()]);
    const status = { hard: toResourceList(hard), used: toResourceList(mask(used, hard.keys())) };
    if (jsonEqual(status, q.status)) return;
    const next = deepCopy(q) as ResourceQuota;
    next.status = status;
    try {
      this.ctx.api.update(QUOTAS, q.metadata.namespace!, next, { user: this.name, subresource: 'status' });
    } catch (e) {
      if (isNotFound(e)) return;
      throw e;
    }
    this.ctx.trace.record({
      component: this.name,
      action: 'sync',
      object: { kind: 'ResourceQuota', namespace: q.metadata.namespace, name: q.metadata.name! },
      message: `recounted quota ${key}: ${Object.keys(status.hard).map((k) => `${k} ${status.used[k] ?? '?'}/${status.hard[k]}`).join(', ') || 'no limits'}`,
    });
  }

  /** CalculateUsage: for each kind whose evaluator matches a hard resource, sum its objects' usage. */
  private calculateUsage(q: ResourceQuota, hardNames: string[]): Usage {
    let used: Usage = new Map();
    const now = this.ctx.clock.now();
    const parse = (ts: string | undefined) => this.ctx.clock.parse(ts);
    for (const { info, informer } of this.monitors) {
      const evaluator = evaluatorFor(info);
      const matched = evaluator.matchingResources(hardNames);
      if (!matched.length) continue;
      let sum: Usage = new Map(matched.map((n) => [n, qty(0)]));
      for (const o of informer.byIndex(BY_NAMESPACE, q.metadata.namespace ?? '')) {
        if (!evaluator.matchesScopes(q, o)) continue;
        sum = add(sum, mask(evaluator.usage(o, now, parse), matched));
      }
      used = add(used, sum);
    }
    return used;
  }
}
