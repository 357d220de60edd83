// LimitRanger admission: mirrors plugin/pkg/admission/limitranger/admission.go.
//   admit (mutating): every container without a request/limit for a resource some LimitRange of
//     type Container defaults gets defaultRequest/default, and the pod is annotated
//     `kubernetes.io/limit-ranger: LimitRanger plugin set: memory request for container x; …`.
//   validate: min / max / maxLimitRequestRatio per Container, per Pod (sums) and per
//     PersistentVolumeClaim (storage requests). Every violation is reported (an aggregate).
// Worked example (cpu-constraints.yaml: min 200m, max 800m): a container with limits.cpu 1.5 is
// refused with `maximum cpu usage per Container is 800m, but limit is 1500m` (1.5 prints as 1500m,
// Quantity.String() of the canonical value). v1.32 messages are lower case with no final period.
import type { Container, Pod, ResourceList } from '../../api/core';
import type { LimitRange, LimitRangeItem } from '../../api/config';
import { grKey } from '../../store/store';
import { newForbidden } from '../errors';
import type { AdmissionAttributes, AdmissionPlugin } from '../types';
import { canonicalQuantity, parseQuantityExact } from '../validation/quantity';
import { computePodQOS } from '../registry/core/pod/qos';

export const LIMIT_RANGER_ANNOTATION = 'kubernetes.io/limit-ranger';

function limitRangesIn(a: AdmissionAttributes): LimitRange[] {
  return a.ctx.store.list(grKey('', 'limitranges'), a.namespace) as LimitRange[];
}

// ---------------------------------------------------------------- defaulting

/** defaultContainerResourceRequirements: later items (and LimitRanges) override earlier ones. */
export function defaultContainerRequirements(lr: LimitRange): { requests: ResourceList; limits: ResourceList } {
  const requests: ResourceList = {};
  const limits: ResourceList = {};
  for (const item of lr.spec?.limits ?? []) {
    if (item.type !== 'Container') continue;
    Object.assign(requests, item.defaultRequest ?? {});
    Object.assign(limits, item.default ?? {});
  }
  return { requests, limits };
}

/** mergePodResourceRequirements: fill what each container leaves unset; returns the annotation text. */
export function mergePodResourceRequirements(pod: Pod, defaults: { requests: ResourceList; limits: ResourceList }): string | undefined {
  const notes: string[] = [];
  const merge = (c: Container, what: string) => {
    const res = (c.resources ??= {});
    const setReq: string[] = [];
    const setLim: string[] = [];
    for (const [k, v] of Object.entries(defaults.limits)) {
      if (res.limits?.[k] === undefined) {
        res.limits = { ...(res.limits ?? {}), [k]: v };
        setLim.push(k);
      }
    }
    for (const [k, v] of Object.entries(defaults.requests)) {
      if (res.requests?.[k] === undefined) {
        res.requests = { ...(res.requests ?? {}), [k]: v };
        setReq.push(k);
      }
    }
    if (setReq.length) notes.push(`${setReq.sort().join(', ')} request for ${what} ${c.name}`);
    if (setLim.length) notes.push(`${setLim.sort().join(', ')} limit for ${what} ${c.name}`);
  };
  for (const c of pod.spec.containers ?? []) merge(c, 'container');
  for (const c of pod.spec.initContainers ?? []) merge(c, 'init container');
  return notes.length ? `LimitRanger plugin set: ${notes.join('; ')}` : undefined;
}

// ---------------------------------------------------------------- constraints

/** Value used for comparisons: milli-units (requestLimitEnforcedValues), exactly. */
function milli(v: string | number | undefined): bigint | undefined {
  if (v === undefined) return undefined;
  const q = parseQuantityExact(v);
  if (!q) return undefined;
  // MilliValue rounds up: 1.5 -> 1500, 100Mi -> 104857600000.
  return q.nanos / 1_000_000n + (q.nanos % 1_000_000n === 0n ? 0n : 1n);
}

const show = (v: string | number) => canonicalQuantity(v);

export function minConstraint(type: string, res: string, enforced: string | number, request: ResourceList, limit: ResourceList): string | undefined {
  const req = request[res];
  const lim = limit[res];
  const e = milli(enforced)!;
  if (req === undefined) return `minimum ${res} usage per ${type} is ${show(enforced)}.  No request is specified`;
  if (milli(req)! < e) return `minimum ${res} usage per ${type} is ${show(enforced)}, but request is ${show(req)}`;
  if (lim !== undefined && milli(lim)! < e) return `minimum ${res} usage per ${type} is ${show(enforced)}, but limit is ${show(lim)}`;
  return undefined;
}

export function maxConstraint(type: string, res: string, enforced: string | number, request: ResourceList, limit: ResourceList): string | undefined {
  const req = request[res];
  const lim = limit[res];
  const e = milli(enforced)!;
  if (lim === undefined) return `maximum ${res} usage per ${type} is ${show(enforced)}.  No limit is specified`;
  if (milli(lim)! > e) return `maximum ${res} usage per ${type} is ${show(enforced)}, but limit is ${show(lim)}`;
  if (req !== undefined && milli(req)! > e) return `maximum ${res} usage per ${type} is ${show(enforced)}, but request is ${show(req)}`;
  return undefined;
}

/** maxRequestConstraint (PVCs: the request is what is checked against max). */
function maxRequestConstraint(type: string, res: string, enforced: string | number, request: ResourceList): string | undefined {
  const req = request[res];
  if (req === undefined) return `maximum ${res} usage per ${type} is ${show(enforced)}.  No request is specified`;
  if (milli(req)! > milli(enforced)!) return `maximum ${res} usage per ${type} is ${show(enforced)}, but request is ${show(req)}`;
  return undefined;
}

/** Go's %f: six decimals. limit 1, request 250m -> ratio 4.000000. */
export function limitRequestRatioConstraint(type: string, res: string, enforced: string | number, request: ResourceList, limit: ResourceList): string | undefined {
  const req = milli(request[res]);
  const lim = milli(limit[res]);
  const e = show(enforced);
  if (req === undefined || req === 0n) return `${res} max limit to request ratio per ${type} is ${e}, but no request is specified or request is 0`;
  if (lim === undefined || lim === 0n) return `${res} max limit to request ratio per ${type} is ${e}, but no limit is specified or limit is 0`;
  const ratio = Number(lim) / Number(req);
  if (ratio * 1000 > Number(milli(enforced)!)) return `${res} max limit to request ratio per ${type} is ${e}, but provided ratio is ${ratio.toFixed(6)}`;
  return undefined;
}

/** sum(): a resource is in the pod total only if every container states it. */
function sumLists(lists: ResourceList[]): ResourceList {
  const out: ResourceList = {};
  const keys = new Set(lists.flatMap((l) => Object.keys(l)));
  for (const k of keys) {
    if (!lists.every((l) => l[k] !== undefined)) continue;
    let nanos = 0n;
    for (const l of lists) nanos += parseQuantityExact(l[k]!)?.nanos ?? 0n;
    // cpu is summed in milli-units, everything else in whole units, both printed DecimalSI.
    out[k] = k === 'cpu' ? `${nanos / 1_000_000n}m` : String(nanos / 1_000_000_000n);
  }
  return out;
}

function checkItem(item: LimitRangeItem, request: ResourceList, limit: ResourceList, errs: string[]): void {
  for (const [k, v] of Object.entries(item.min ?? {})) pushIf(errs, minConstraint(item.type, k, v!, request, limit));
  for (const [k, v] of Object.entries(item.max ?? {})) pushIf(errs, maxConstraint(item.type, k, v!, request, limit));
  for (const [k, v] of Object.entries(item.maxLimitRequestRatio ?? {})) pushIf(errs, limitRequestRatioConstraint(item.type, k, v!, request, limit));
}

function pushIf(errs: string[], e: string | undefined): void {
  if (e) errs.push(e);
}

/** PodValidateLimitFunc: every violation of one LimitRange, in item order. */
export function podLimitErrors(lr: LimitRange, pod: Pod): string[] {
  const errs: string[] = [];
  for (const item of lr.spec?.limits ?? []) {
    if (item.type === 'Container') {
      for (const c of pod.spec.containers ?? []) checkItem(item, c.resources?.requests ?? {}, c.resources?.limits ?? {}, errs);
    } else if (item.type === 'Pod') {
      const cs = pod.spec.containers ?? [];
      checkItem(item, sumLists(cs.map((c) => c.resources?.requests ?? {})), sumLists(cs.map((c) => c.resources?.limits ?? {})), errs);
    }
  }
  return errs;
}

interface PVCLike {
  spec?: { resources?: { requests?: ResourceList } };
}

export function pvcLimitErrors(lr: LimitRange, pvc: PVCLike): string[] {
  const errs: string[] = [];
  const requests = pvc.spec?.resources?.requests ?? {};
  for (const item of lr.spec?.limits ?? []) {
    if (item.type !== 'PersistentVolumeClaim') continue;
    for (const [k, v] of Object.entries(item.min ?? {})) pushIf(errs, minConstraint(item.type, k, v!, requests, {}));
    for (const [k, v] of Object.entries(item.max ?? {})) pushIf(errs, maxRequestConstraint(item.type, k, v!, requests));
  }
  return errs;
}

/** utilerrors.NewAggregate(...).Error(): one message as is, several as `[a, b]`. */
export function aggregate(errs: string[]): string {
  return errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;
}

const isPod = (a: AdmissionAttributes) => a.info.group === '' && a.info.resource === 'pods';
const isPVC = (a: AdmissionAttributes) => a.info.group === '' && a.info.resource === 'persistentvolumeclaims';

export const limitRanger: AdmissionPlugin = {
  name: 'LimitRanger',
  admit(a) {
    if (a.operation !== 'CREATE' || a.subresource || !isPod(a)) return;
    const pod = a.object as Pod;
    for (const lr of limitRangesIn(a)) {
      const note = mergePodResourceRequirements(pod, defaultContainerRequirements(lr));
      if (note) pod.metadata.annotations = { ...(pod.metadata.annotations ?? {}), [LIMIT_RANGER_ANNOTATION]: note };
    }
    // Upstream computes status.qosClass in PrepareForCreate, which runs after mutating admission;
    // this API server prepares first, so the class is recomputed from the defaulted resources
    // (a pod given cpu 800m/800m by a LimitRange is Burstable, not BestEffort).
    if (pod.status?.qosClass) pod.status.qosClass = computePodQOS(pod);
  },
  validate(a) {
    if (a.subresource || a.operation === 'DELETE') return;
    const pod = isPod(a) && a.operation === 'CREATE';
    if (!pod && !isPVC(a)) return;
    for (const lr of limitRangesIn(a)) {
      const errs = pod ? podLimitErrors(lr, a.object as Pod) : pvcLimitErrors(lr, a.object as PVCLike);
      if (errs.length) throw newForbidden(a.info, a.name, aggregate(errs));
    }
  },
};
