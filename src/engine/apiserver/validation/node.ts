// Node validation: mirrors ValidateNode / ValidateNodeUpdate / validateNodeTaints in
// pkg/apis/core/validation/validation.go (taints, podCIDRs, providerID).
import type { Node, NodeSpec } from '../../api/core';
import type { FieldError } from './field';
import { forbidden, invalid } from './field';
import { validateLabelName } from './generic';
import { isValidLabelValue } from './names';
import { validateTaintEffect } from './scheduling';

const CIDR_MSG = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

export function podCIDRsOf(spec: NodeSpec | undefined): string[] {
  if (spec?.podCIDRs?.length) return spec.podCIDRs;
  return spec?.podCIDR ? [spec.podCIDR] : [];
}

export function isCIDR(v: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(v);
  if (m) return m.slice(1, 5).every((o) => Number(o) <= 255 && String(Number(o)) === o) && Number(m[5]) <= 32;
  const v6 = /^([0-9a-fA-F:]+)\/(\d{1,3})$/.exec(v);
  return !!v6 && v6[1].includes(':') && Number(v6[2]) <= 128;
}

export function validateNode(node: Node): FieldError[] {
  const errs = validateNodeTaints(node.spec?.taints ?? [], 'spec.taints');
  const cidrs = podCIDRsOf(node.spec);
  cidrs.forEach((c, i) => {
    if (!isCIDR(c)) errs.push(invalid(`spec.podCIDRs[${i}]`, c, CIDR_MSG));
  });
  if (cidrs.length > 1) {
    const families = new Set(cidrs.map((c) => (c.includes(':') ? 6 : 4)));
    if (families.size !== cidrs.length || cidrs.length > 2) errs.push(invalid('spec.podCIDRs', cidrs, 'may specify no more than one CIDR for each IP family'));
  }
  return errs;
}

/** podCIDRs and providerID may be set once (from "" to a value), never changed. */
export function validateNodeUpdate(node: Node, old: Node): FieldError[] {
  const errs = validateNode(node);
  const oldCIDRs = podCIDRsOf(old.spec);
  const newCIDRs = podCIDRsOf(node.spec);
  if (oldCIDRs.length > 0 && (oldCIDRs.length !== newCIDRs.length || oldCIDRs.some((c, i) => c !== newCIDRs[i]))) {
    errs.push(forbidden('spec.podCIDRs', 'node updates may not change podCIDR except from "" to valid'));
  }
  if (old.spec?.providerID && old.spec.providerID !== node.spec?.providerID) {
    errs.push(forbidden('spec.providerID', 'node updates may not change providerID except from "" to valid'));
  }
  return errs;
}

function validateNodeTaints(taints: NonNullable<NodeSpec['taints']>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  taints.forEach((t, i) => {
    const p = `${path}[${i}]`;
    errs.push(...validateLabelName(t.key ?? '', `${p}.key`));
    const msgs = isValidLabelValue(t.value ?? '');
    if (msgs.length) errs.push(invalid(`${p}.value`, t.value ?? '', msgs.join(';')));
    errs.push(...validateTaintEffect(t.effect, false, `${p}.effect`));
    // A node may have `k=a:NoSchedule` and `k:NoExecute`, but not the same key twice per effect.
    const id = `${t.effect}\u0000${t.key}`;
    if (seen.has(id)) errs.push({ type: 'FieldValueDuplicate', field: p, badValue: t, detail: 'taints must be unique by key and effect pair' });
    seen.add(id);
  });
  return errs;
}
