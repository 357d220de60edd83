// describe configmap / secret / resourcequota / limitrange / namespace: mirrors ConfigMapDescriber,
// SecretDescriber, ResourceQuotaDescriber, LimitRangeDescriber and NamespaceDescriber
// (DescribeResourceQuotas, DescribeLimitRanges, describeLimitRangeSpec) in
// staging/src/k8s.io/kubectl/pkg/describe/describe.go. A Secret shows sizes, never values.
import type { ConfigMap, LimitRange, LimitRangeItem, ResourceQuota, Secret } from '../../api/config';
import type { Event, Namespace, ResourceList } from '../../api/core';
import { decodedLength } from '../../api/base64';
import { formatQuantity } from '../../apiserver/validation/quantity';
import { qty } from '../../quota/resources';
import type { PrintContext } from '../printers/columns';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './helpers';
import { LEVEL_0, LEVEL_1, PrefixWriter, rfc1123z } from './writer';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const q = (v: string | number | undefined) => formatQuantity(qty(v ?? 0));

export function describeConfigMap(cm: ConfigMap, events: Event[], p: PrintContext): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${cm.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${cm.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', cm.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', cm.metadata.annotations);
  w.write(LEVEL_0, '\nData\n====\n');
  for (const k of Object.keys(cm.data ?? {}).sort()) {
    w.write(LEVEL_0, `${k}:\n----\n`);
    w.write(LEVEL_0, `${cm.data![k]}\n`);
  }
  w.write(LEVEL_0, '\nBinaryData\n====\n');
  for (const k of Object.keys(cm.binaryData ?? {}).sort()) w.write(LEVEL_0, `${k}: ${decodedLength(cm.binaryData![k])} bytes\n`);
  w.write(LEVEL_0, '\n');
  describeEvents(w, events, p);
  return w.toString();
}

export function describeSecret(s: Secret): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${s.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${s.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', s.metadata.labels);
  const ann = { ...(s.metadata.annotations ?? {}) };
  delete ann[LAST_APPLIED];
  printAnnotationsMultiline(w, 'Annotations', Object.keys(ann).length ? ann : undefined);
  w.write(LEVEL_0, `\nType:\t${s.type ?? ''}\n`);
  w.write(LEVEL_0, '\nData\n====\n');
  for (const k of Object.keys(s.data ?? {}).sort()) w.write(LEVEL_0, `${k}:\t${decodedLength(s.data![k])} bytes\n`);
  return w.toString();
}

function quotaRows(w: PrefixWriter, level: number, rq: ResourceQuota, dashes: string): void {
  w.write(level, 'Resource\tUsed\tHard\n');
  w.write(level, `--------\t${dashes}\t${dashes}\n`);
  const hard = rq.status?.hard ?? {};
  for (const r of Object.keys(hard).sort()) w.write(level, `${r}\t${q(rq.status?.used?.[r])}\t${q(hard[r])}\n`);
}

function scopes(w: PrefixWriter, level: number, rq: ResourceQuota): void {
  const sc = rq.spec?.scopes ?? [];
  if (sc.length) w.write(level, `Scopes:\t${[...sc].sort().join(', ')}\n`);
  const sel = rq.spec?.scopeSelector?.matchExpressions ?? [];
  if (sel.length) {
    w.write(level, 'Scope Selector:\t');
    w.write(LEVEL_0, `${sel.map((e) => `${e.scopeName} ${e.operator}${e.values?.length ? ` [${e.values.join(' ')}]` : ''}`).join(', ')}\n`);
  }
}

/**
 * Name:            mem-cpu-demo
 * Namespace:       quota-mem-cpu-example
 * Resource         Used   Hard
 * --------         ----   ----
 * limits.cpu       800m   2
 */
export function describeResourceQuota(rq: ResourceQuota): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${rq.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${rq.metadata.namespace}\n`);
  scopes(w, LEVEL_0, rq);
  quotaRows(w, LEVEL_0, rq, '----');
  return w.toString();
}

function limitRangeRows(w: PrefixWriter, items: LimitRangeItem[], prefix: string): void {
  for (const item of items) {
    const lists: (ResourceList | undefined)[] = [item.min, item.max, item.defaultRequest, item.default, item.maxLimitRequestRatio];
    const names = [...new Set(lists.flatMap((l) => Object.keys(l ?? {})))].sort();
    for (const r of names) {
      const cell = (l: ResourceList | undefined) => (l?.[r] === undefined ? '-' : q(l[r]));
      w.write(LEVEL_0, `${prefix}${item.type}\t${r}\t${lists.map(cell).join('\t')}\n`);
    }
  }
}

const LR_HEADER = 'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n';
const LR_DASHES = '----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n';

export function describeLimitRange(lr: LimitRange): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${lr.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${lr.metadata.namespace}\n`);
  w.write(LEVEL_0, LR_HEADER);
  w.write(LEVEL_0, LR_DASHES);
  limitRangeRows(w, lr.spec?.limits ?? [], '');
  return w.toString();
}

/** Namespace: status, deletion conditions, then its quotas and limit ranges. */
export function describeNamespace(ns: Namespace, quotas: ResourceQuota[], limitRanges: LimitRange[]): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${ns.metadata.name}\n`);
  printLabelsMultiline(w, 'Labels', ns.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', ns.metadata.annotations);
  w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
  const conds = ns.status?.conditions ?? [];
  if (conds.length) {
    w.write(LEVEL_0, 'Conditions:\n');
    w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
    for (const c of conds) w.write(LEVEL_1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
  }
  w.write(LEVEL_0, '\n');
  if (!quotas.length) w.write(LEVEL_0, 'No resource quota.\n');
  else {
    w.write(LEVEL_0, 'Resource Quotas\n');
    for (const rq of [...quotas].sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1))) {
      w.write(LEVEL_1, `Name:\t${rq.metadata.name}\n`);
      scopes(w, LEVEL_1, rq);
      quotaRows(w, LEVEL_1, rq, '---');
    }
  }
  w.write(LEVEL_0, '\n');
  if (!limitRanges.length) w.write(LEVEL_0, 'No LimitRange resource.\n');
  else {
    w.write(LEVEL_0, `Resource Limits\n ${LR_HEADER}`);
    w.write(LEVEL_0, ` ${LR_DASHES}`);
    for (const lr of limitRanges) limitRangeRows(w, lr.spec?.limits ?? [], ' ');
  }
  return w.toString();
}
