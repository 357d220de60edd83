// ValidateObjectMeta (k8s.io/apimachinery/pkg/api/validation/objectmeta.go), trimmed to what
// students run into: names, namespaces, labels and annotations.
import type { ObjectMeta } from '../../api/meta';
import type { FieldError } from './field';
import { invalid, required } from './field';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue } from './names';

/** Kinds whose names must be DNS-1123 labels rather than subdomains. */
const LABEL_NAMED = new Set(['Namespace', 'Service']);

export function validateObjectMeta(meta: ObjectMeta, namespaced: boolean, kind: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!meta.name) {
    if (!meta.generateName) errs.push(required('metadata.name', 'name or generateName is required'));
  } else {
    const msgs = LABEL_NAMED.has(kind) ? isDNS1123Label(meta.name) : isDNS1123Subdomain(meta.name);
    for (const m of msgs) errs.push(invalid('metadata.name', meta.name, m));
  }
  if (namespaced) {
    if (!meta.namespace) errs.push(required('metadata.namespace'));
    else for (const m of isDNS1123Label(meta.namespace)) errs.push(invalid('metadata.namespace', meta.namespace, m));
  }
  for (const [k, v] of Object.entries(meta.labels ?? {})) {
    for (const m of isQualifiedName(k)) errs.push(invalid('metadata.labels', k, m));
    if (typeof v !== 'string') errs.push(invalid(`metadata.labels`, v, 'label values must be strings'));
    else for (const m of isValidLabelValue(v)) errs.push(invalid('metadata.labels', v, m));
  }
  for (const k of Object.keys(meta.annotations ?? {})) {
    for (const m of isQualifiedName(k.toLowerCase())) errs.push(invalid('metadata.annotations', k, m));
    if (typeof meta.annotations![k] !== 'string') errs.push(invalid('metadata.annotations', meta.annotations![k], 'annotation values must be strings'));
  }
  return errs;
}
