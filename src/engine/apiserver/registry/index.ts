// Registers every served resource's strategy and the admission chain with the API server.
import type { APIServer } from '../apiserver';
import type { ClusterConfig } from '../../component';

export function registerBuiltins(api: APIServer, _config: ClusterConfig): void {
  // STUB: replaced by the registry work (pods, nodes, namespaces, events, apps kinds).
  for (const info of api.catalogue.all()) api.register(info.group, info.resource, {});
}
