// NamespaceLifecycle admission: mirrors
// staging/src/k8s.io/apiserver/pkg/admission/plugin/namespace/lifecycle/admission.go.
//   - the immortal namespaces (default, kube-system, kube-public) may not be deleted;
//   - nothing may be created or updated in a namespace that does not exist (NotFound);
//   - nothing new may be created in a namespace that is terminating (Forbidden).
import { newForbidden, newNotFound } from '../errors';
import type { AdmissionAttributes, AdmissionPlugin } from '../types';

/**
 * Upstream's list (Register: NamespaceDefault, NamespaceSystem, NamespacePublic). kube-node-lease
 * is not in it: a real API server lets you delete it (and its system-namespaces controller
 * recreates it about a minute later).
 */
export const IMMORTAL_NAMESPACES = new Set(['default', 'kube-system', 'kube-public']);

const NAMESPACES = { group: '', resource: 'namespaces' };

export const namespaceLifecycle: AdmissionPlugin = {
  name: 'NamespaceLifecycle',
  admit(a) {
    check(a);
  },
  // DELETE goes through the validating phase only in this API server.
  validate(a) {
    if (a.operation === 'DELETE') check(a);
  },
};

function check(a: AdmissionAttributes): void {
  const isNamespace = a.info.group === '' && a.info.resource === 'namespaces';
  if (a.operation === 'DELETE' && isNamespace && IMMORTAL_NAMESPACES.has(a.name)) {
    throw newForbidden(NAMESPACES, a.name, 'this namespace may not be deleted');
  }
  if (!a.info.namespaced || isNamespace || a.operation === 'DELETE') return;
  const ns = a.ctx.store.get('/namespaces', a.namespace) as { status?: { phase?: string } } | undefined;
  if (!ns) throw newNotFound(NAMESPACES, a.namespace);
  if (a.operation === 'CREATE' && ns.status?.phase === 'Terminating') {
    const err = newForbidden(a.info, a.name, `unable to create new content in namespace ${a.namespace} because it is being terminated`);
    err.status.details!.causes = [
      { reason: 'NamespaceTerminating', message: `namespace ${a.namespace} is being terminated`, field: 'metadata.namespace' },
    ];
    throw err;
  }
}
