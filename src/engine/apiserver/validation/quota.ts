// ValidateResourceQuota and ValidateLimitRange: mirrors pkg/apis/core/validation/validation.go
// (validateResourceQuotaResourceName, ValidateResourceQuantityValue, ValidateLimitRange's
// min <= defaultRequest <= default <= max ordering checks).
import type { LimitRange, ResourceQuota } from '../../api/config';
import type { ResourceList } from '../../api/core';
import { QUANTITY_ERROR } from '../../api/quantity';
import type { FieldError } from './field';
import { invalid, notSupported } from './field';
import { isQualifiedName } from './names';
import { canonicalQuantity, parseQuantityExact, type ParsedQuantity } from './quantity';

/** Resources whose quantities must be whole numbers (object counts). */
function isIntegerResource(name: string): boolean {
  return name === 'pods' || name === 'services' || name === 'services.loadbalancers' || name === 'services.nodeports' ||
    name === 'configmaps' || name === 'secrets' || name === 'replicationcontrollers' || name === 'resourcequotas' ||
    name === 'persistentvolumeclaims' || name.startsWith('count/') || name.endsWith('/persistentvolumeclaims');
}

function validateQuantities(path: string, list: ResourceList | undefined, errs: FieldError[]): Map<string, ParsedQuantity> {
  const out = new Map<string, ParsedQuantity>();
  for (const [name, value] of Object.entries(list ?? {})) {
    const p = `${path}[${name}]`;
    const base = name.startsWith('count/') ? name.slice(6) : name;
    for (const m of isQualifiedName(base)) errs.push(invalid(p, name, m));
    if (value === undefined) continue;
    const q = parseQuantityExact(value);
    if (!q) {
      errs.push(invalid(p, String(value), QUANTITY_ERROR));
      continue;
    }
    if (q.nanos < 0n) errs.push(invalid(p, canonicalQuantity(value), 'must be greater than or equal to 0'));
    if (isIntegerResource(name) && q.nanos % 1_000_000_000n !== 0n) errs.push(invalid(p, canonicalQuantity(value), 'must be an integer'));
    out.set(name, q);
  }
  return out;
}

const QUOTA_SCOPES = ['BestEffort', 'CrossNamespacePodAffinity', 'NotBestEffort', 'NotTerminating', 'PriorityClass', 'Terminating'];

export function validateResourceQuota(q: ResourceQuota): FieldError[] {
  const errs: FieldError[] = [];
  validateQuantities('spec.hard', q.spec?.hard, errs);
  (q.spec?.scopes ?? []).forEach((s, i) => {
    if (!QUOTA_SCOPES.includes(s)) errs.push(notSupported(`spec.scopes[${i}]`, s, QUOTA_SCOPES));
  });
  return errs;
}

const LIMIT_TYPES = ['Container', 'PersistentVolumeClaim', 'Pod'];

/**
 * Ordering rules per resource, e.g. for cpu with min 200m, max 800m:
 * a defaultRequest of 900m fails "default request value must be less than or equal to max value".
 */
export function validateLimitRange(lr: LimitRange): FieldError[] {
  const errs: FieldError[] = [];
  (lr.spec?.limits ?? []).forEach((item, i) => {
    const p = `spec.limits[${i}]`;
    if (!LIMIT_TYPES.includes(item.type)) errs.push(notSupported(`${p}.type`, item.type, LIMIT_TYPES));
    const min = validateQuantities(`${p}.min`, item.min, errs);
    const max = validateQuantities(`${p}.max`, item.max, errs);
    const def = validateQuantities(`${p}.default`, item.default, errs);
    const defReq = validateQuantities(`${p}.defaultRequest`, item.defaultRequest, errs);
    const ratio = validateQuantities(`${p}.maxLimitRequestRatio`, item.maxLimitRequestRatio, errs);
    if (item.type === 'Pod') {
      if (item.default && Object.keys(item.default).length) errs.push(invalid(`${p}.default`, item.default, 'may not be specified when `type` is \'Pod\''));
      if (item.defaultRequest && Object.keys(item.defaultRequest).length) errs.push(invalid(`${p}.defaultRequest`, item.defaultRequest, 'may not be specified when `type` is \'Pod\''));
    }
    const names = new Set([...min.keys(), ...max.keys(), ...def.keys(), ...defReq.keys()]);
    for (const k of [...names].sort()) {
      const mn = min.get(k);
      const mx = max.get(k);
      const d = def.get(k);
      const dr = defReq.get(k);
      const show = (_q: ParsedQuantity | undefined, src: ResourceList | undefined) => canonicalQuantity(String(src?.[k] ?? ''));
      if (mn && mx && mn.nanos > mx.nanos) errs.push(invalid(`${p}.min[${k}]`, show(mn, item.min), `min value ${show(mn, item.min)} is greater than max value ${show(mx, item.max)}`));
      if (dr && mn && mn.nanos > dr.nanos) errs.push(invalid(`${p}.defaultRequest[${k}]`, show(dr, item.defaultRequest), `min value ${show(mn, item.min)} is greater than default request value ${show(dr, item.defaultRequest)}`));
      if (dr && mx && dr.nanos > mx.nanos) errs.push(invalid(`${p}.defaultRequest[${k}]`, show(dr, item.defaultRequest), `default request value ${show(dr, item.defaultRequest)} is greater than max value ${show(mx, item.max)}`));
      if (dr && d && dr.nanos > d.nanos) errs.push(invalid(`${p}.defaultRequest[${k}]`, show(dr, item.defaultRequest), `default request value ${show(dr, item.defaultRequest)} is greater than default limit value ${show(d, item.default)}`));
      if (d && mn && mn.nanos > d.nanos) errs.push(invalid(`${p}.default[${k}]`, show(d, item.default), `min value ${show(mn, item.min)} is greater than default value ${show(d, item.default)}`));
      if (d && mx && d.nanos > mx.nanos) errs.push(invalid(`${p}.default[${k}]`, show(d, item.default), `default value ${show(d, item.default)} is greater than max value ${show(mx, item.max)}`));
    }
    for (const [k, r] of ratio) {
      if (r.nanos < 1_000_000_000n) errs.push(invalid(`${p}.maxLimitRequestRatio[${k}]`, canonicalQuantity(String(item.maxLimitRequestRatio![k])), 'ratio must be greater than or equal to 1'));
    }
  });
  return errs;
}
