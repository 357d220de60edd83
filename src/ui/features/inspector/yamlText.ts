// The inspector's YAML: the object as `kubectl get -o yaml` shows it, minus managedFields (noise
// for students; kubectl hides them too unless asked).
import { stringify } from 'yaml';
import type { KubeObject } from '../../../engine';

export function withoutManagedFields(o: KubeObject): KubeObject {
  if (!o.metadata || !('managedFields' in o.metadata)) return o;
  const { managedFields: _hidden, ...metadata } = o.metadata as KubeObject['metadata'] & { managedFields?: unknown };
  return { ...o, metadata };
}

export function yamlText(o: KubeObject): string {
  return stringify(withoutManagedFields(o), { lineWidth: 0, aliasDuplicateObjects: false });
}
