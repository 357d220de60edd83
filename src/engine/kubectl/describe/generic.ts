// The generic describer kubectl uses for kinds without their own layout (ControllerRevision,
// Event, …): mirrors GenericDescriberFor + printUnstructuredContent in
// staging/src/k8s.io/kubectl/pkg/describe/describe.go. Every field, keys sorted, labels made
// from camelCase ("creationTimestamp" → "Creation Timestamp", "apiVersion" → "API Version").
import type { Event } from '../../api/core';
import type { KubeObject } from '../../api/meta';
import type { PrintContext } from '../printers/columns';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './helpers';
import { LEVEL_0, PrefixWriter } from './writer';

const ACRONYMS = new Set(['API', 'CPU', 'DNS', 'HTTP', 'ID', 'IP', 'JSON', 'TCP', 'UDP', 'UID', 'URL', 'TLS', 'PID']);

/** smartLabelFor: split camelCase into words, capitalise, keep known acronyms upper-case. */
export function smartLabel(field: string): string {
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[\s_-]+/).filter(Boolean);
  return words.map((w) => (ACRONYMS.has(w.toUpperCase()) ? w.toUpperCase() : w[0].toUpperCase() + w.slice(1))).join(' ');
}

function scalar(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function printContent(w: PrefixWriter, level: number, value: Record<string, unknown>, skip: Set<string>, prefix: string): void {
  for (const key of Object.keys(value).sort()) {
    if (skip.has(`${prefix}${key}`)) continue;
    const v = value[key];
    if (v === undefined || v === null) continue;
    const label = smartLabel(key);
    if (Array.isArray(v)) {
      w.write(level, `${label}:\n`);
      for (const item of v) {
        if (item && typeof item === 'object') printContent(w, level + 1, item as Record<string, unknown>, skip, `${prefix}${key}.`);
        else w.write(level + 1, `${scalar(item)}\n`);
      }
    } else if (typeof v === 'object') {
      w.write(level, `${label}:\n`);
      printContent(w, level + 1, v as Record<string, unknown>, skip, `${prefix}${key}.`);
    } else w.write(level, `${label}:\t${scalar(v)}\n`);
  }
}

export function describeGeneric(obj: KubeObject, namespaced: boolean, events: Event[], p: PrintContext): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
  if (namespaced) w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', obj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  const skip = new Set(['metadata.name', 'metadata.namespace', 'metadata.labels', 'metadata.annotations', 'metadata.managedFields']);
  printContent(w, LEVEL_0, obj as unknown as Record<string, unknown>, skip, '');
  describeEvents(w, events, p);
  return w.toString();
}
