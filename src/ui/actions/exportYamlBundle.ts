// Verb: download every user-made object as a YAML bundle that applies to a real cluster.
import type { Playground } from '../store/store';
import { exportBundle } from '../features/share/bundle';
import { downloadText } from '../features/share/download';

export function exportYamlBundle(pg: Playground): string {
  const text = exportBundle(pg.store.getState().cluster.objects);
  downloadText('cluster-objects.yaml', text, 'application/yaml');
  return text;
}
