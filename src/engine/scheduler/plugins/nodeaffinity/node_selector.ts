// Node selector matching: mirrors k8s.io/component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity.go
// (NodeSelector, PreferredSchedulingTerms, RequiredNodeAffinity) and labels.Requirement.Matches.
import type { Node, NodeSelectorRequirement, NodeSelectorTerm, Pod } from '../../../api/core';

const INT_RE = /^[+-]?\d+$/;

function labelRequirementMatches(r: NodeSelectorRequirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const v = labels[r.key];
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return has && values.includes(v);
    case 'NotIn':
      // A node without the label is "not in" the set.
      return !has || !values.includes(v);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      // Both sides must be integers (strconv.ParseInt); anything else never matches.
      if (!has || values.length !== 1 || !INT_RE.test(v) || !INT_RE.test(values[0])) return false;
      const n = Number(v);
      const bound = Number(values[0]);
      return r.operator === 'Gt' ? n > bound : n < bound;
    }
    default:
      return false;
  }
}

/** matchFields supports only metadata.name with In/NotIn and exactly one value. */
function fieldRequirementMatches(r: NodeSelectorRequirement, node: Node): boolean {
  const values = r.values ?? [];
  if (r.key !== 'metadata.name' || values.length !== 1) return false;
  const name = node.metadata.name ?? '';
  if (r.operator === 'In') return name === values[0];
  if (r.operator === 'NotIn') return name !== values[0];
  return false;
}

/** A term is the AND of its expressions and fields; an empty term matches nothing. */
export function termMatches(term: NodeSelectorTerm, node: Node): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = node.metadata.labels ?? {};
  for (const r of exprs) if (!labelRequirementMatches(r, labels)) return false;
  for (const r of fields) if (!fieldRequirementMatches(r, node)) return false;
  return true;
}

/** A NodeSelector is the OR of its terms. */
export function nodeSelectorMatches(terms: readonly NodeSelectorTerm[], node: Node): boolean {
  for (const t of terms) if (termMatches(t, node)) return true;
  return false;
}

/**
 * RequiredNodeAffinity: spec.nodeSelector (every label must be equal) AND
 * requiredDuringSchedulingIgnoredDuringExecution (any term).
 */
export interface RequiredNodeAffinity {
  nodeSelector?: Record<string, string>;
  terms?: readonly NodeSelectorTerm[];
}

export function getRequiredNodeAffinity(pod: Pod): RequiredNodeAffinity {
  const sel = pod.spec.nodeSelector;
  const terms = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  return {
    nodeSelector: sel && Object.keys(sel).length > 0 ? sel : undefined,
    terms,
  };
}

export function isEmptyRequired(r: RequiredNodeAffinity): boolean {
  return !r.nodeSelector && r.terms === undefined;
}

export function requiredMatches(r: RequiredNodeAffinity, node: Node): boolean {
  if (r.nodeSelector) {
    const labels = node.metadata.labels ?? {};
    for (const k of Object.keys(r.nodeSelector)) {
      if (!Object.prototype.hasOwnProperty.call(labels, k) || labels[k] !== r.nodeSelector[k]) return false;
    }
  }
  if (r.terms !== undefined && !nodeSelectorMatches(r.terms, node)) return false;
  return true;
}
