// ResourceQuota admission: mirrors staging/src/k8s.io/apiserver/pkg/admission/plugin/resourcequota
// (controller.go CheckRequest). It is the last validating plugin: for a create (or an update that
// changes usage) in a namespace with quotas, it
//   1. refuses a pod that does not state a quota'd cpu/memory (`failed quota: <q>: must specify …`),
//   2. refuses a quota whose usage the controller has not computed yet (`status unknown for quota`),
//   3. adds the object's usage to each matching quota's status.used and refuses the request if any
//      hard limit would be passed (`exceeded quota: <q>, requested: …, used: …, limited: …`),
//   4. otherwise writes the raised status.used back at once, so the next request in the same
//      instant (the ReplicaSet creating its 3rd pod) already sees the 2nd pod counted.
// Worked example (quota-pod.yaml, pods: 2): pods 1 and 2 raise used to 1 and 2; pod 3 would make
// it 3 > 2 and is refused: `exceeded quota: pod-demo, requested: pods=1, used: pods=2, limited: pods=2`.
import type { ResourceQuota } from '../../api/config';
import { keyOf } from '../../api/meta';
import { evaluatorFor, IGNORED_RESOURCES } from '../../quota/evaluators';
import { add, exceeded, fromResourceList, mask, negativeResources, prettyPrint, removeZeros, subtractNonNegative, toResourceList, type Usage } from '../../quota/resources';
import { grKey } from '../../store/store';
import { newForbidden } from '../errors';
import type { AdmissionAttributes, AdmissionPlugin } from '../types';

const QUOTAS = grKey('', 'resourcequotas');

export const resourceQuota: AdmissionPlugin = {
  name: 'ResourceQuota',
  validate(a) {
    if (a.operation === 'DELETE' || !a.info.namespaced) return;
    if (IGNORED_RESOURCES.has(grKey(a.info.group, a.info.resource))) return;
    const evaluator = evaluatorFor(a.info);
    if (!evaluator.handles(a.operation, a.subresource)) return;
    const quotas = a.ctx.store.list(QUOTAS, a.namespace) as ResourceQuota[];
    if (!quotas.length) return;
    const updated = checkRequest(quotas, a);
    if (a.ctx.dryRun) return;
    for (const q of updated) a.ctx.store.put(QUOTAS, keyOf(q), q);
  },
};

/** Returns the quotas whose status.used changed (to persist); throws Forbidden when refused. */
export function checkRequest(quotas: ResourceQuota[], a: AdmissionAttributes): ResourceQuota[] {
  const evaluator = evaluatorFor(a.info);
  const now = a.ctx.clock.now();
  const parse = (ts: string | undefined) => a.ctx.clock.parse(ts);
  const interesting: ResourceQuota[] = [];
  for (const q of quotas) {
    if (!evaluator.matchesScopes(q, a.object)) continue;
    const hardNames = Object.keys(q.status?.hard ?? {});
    const restricted = evaluator.matchingResources(hardNames);
    if (!restricted.length) continue;
    const why = evaluator.constraints(restricted, a.object);
    if (why) throw newForbidden(a.info, a.name, `failed quota: ${q.metadata.name}: ${why}`);
    const used = q.status?.used ?? {};
    const unknown = restricted.filter((r) => used[r] === undefined);
    if (unknown.length) throw newForbidden(a.info, a.name, `status unknown for quota: ${q.metadata.name}, resources: ${[...restricted].sort().join(',')}`);
    interesting.push(q);
  }
  if (!interesting.length) return [];

  const input = evaluator.usage(a.object, now, parse);
  const negative = negativeResources(input);
  if (negative.length) throw newForbidden(a.info, a.name, `quota usage is negative for resource(s): ${negative.join(',')}`);
  // An update is charged only for what it adds (a Service going from ClusterIP to NodePort).
  let delta: Usage = input;
  if (a.operation === 'UPDATE' && a.oldObject) delta = subtractNonNegative(input, evaluator.usage(a.oldObject, now, parse));
  delta = removeZeros(delta);
  if (!delta.size) return [];

  const out: ResourceQuota[] = [];
  for (const q of interesting) {
    const hard = fromResourceList(q.status?.hard);
    const used = fromResourceList(q.status?.used);
    const requested = mask(delta, hard.keys());
    if (!requested.size) continue;
    const newUsed = add(used, requested);
    const over = exceeded(mask(newUsed, requested.keys()), hard);
    if (over.length) {
      throw newForbidden(
        a.info,
        a.name,
        `exceeded quota: ${q.metadata.name}, requested: ${prettyPrint(mask(requested, over))}, used: ${prettyPrint(mask(used, over))}, limited: ${prettyPrint(mask(hard, over))}`,
      );
    }
    out.push({ ...q, status: { ...(q.status ?? {}), used: { ...(q.status?.used ?? {}), ...toResourceList(mask(newUsed, requested.keys())) } } });
  }
  return out;
}
