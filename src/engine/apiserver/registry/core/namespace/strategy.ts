// Namespace strategy and its REST quirks: mirrors pkg/registry/core/namespace/strategy.go and
// pkg/registry/core/namespace/storage/storage.go (Delete, ShouldDeleteNamespaceDuringUpdate,
// the finalize subresource).
//
// Deleting a namespace is two-phase:
//   1. The first DELETE does not remove it: it sets metadata.deletionTimestamp and
//      status.phase=Terminating. NamespaceLifecycle admission then refuses new content in it.
//   2. The namespace controller empties it and removes "kubernetes" from spec.finalizers through
//      PUT namespaces/<name>/finalize (api.update(..., { subresource: 'finalize' })). An update
//      that leaves both spec.finalizers and metadata.finalizers empty removes the namespace.
// spec.finalizers (namespace-specific, set to ["kubernetes"] on create) are not metadata.finalizers:
// an ordinary update cannot change them, only the finalize subresource can. A DELETE of a
// namespace already terminating with no spec.finalizers left removes it at once.
// Simplification: propagationPolicy on a namespace DELETE is ignored (upstream may add the
// orphan/foregroundDeletion metadata finalizers).
import type { Namespace } from '../../../../api/core';
import type { FieldGetter } from '../../../apiserver';
import type { Strategy } from '../../../types';
import type { FieldError } from '../../../validation/field';
import { invalid } from '../../../validation/field';
import { isQualifiedName } from '../../../validation/names';

export const FINALIZER_KUBERNETES = 'kubernetes';
export const LABEL_METADATA_NAME = 'kubernetes.io/metadata.name';

const ns = (o: unknown) => o as Namespace;

export const namespaceStrategy: Strategy = {
  hasStatus: true,
  /** SetDefaults_Namespace: the immutable name label, so selectors can pick namespaces by name. */
  defaults(obj) {
    if (obj.metadata.name) obj.metadata.labels = { ...(obj.metadata.labels ?? {}), [LABEL_METADATA_NAME]: obj.metadata.name };
  },
  prepareForCreate(obj) {
    const n = ns(obj);
    const finalizers = n.spec?.finalizers ?? [];
    n.spec = { ...(n.spec ?? {}), finalizers: finalizers.includes(FINALIZER_KUBERNETES) ? finalizers : [...finalizers, FINALIZER_KUBERNETES] };
    n.status = { phase: 'Active' };
  },
  /** spec.finalizers change only through the finalize subresource. */
  prepareForUpdate(obj, old) {
    ns(obj).spec = { ...(ns(obj).spec ?? {}), finalizers: ns(old).spec?.finalizers };
    if (!ns(obj).spec!.finalizers) delete ns(obj).spec!.finalizers;
  },
  validate: (obj) => validateSpecFinalizers(ns(obj)),
  beforeDelete(obj, ctx) {
    const n = ns(obj);
    if (!n.metadata.deletionTimestamp) {
      return {
        ...n,
        metadata: { ...n.metadata, deletionTimestamp: ctx.clock.iso(), deletionGracePeriodSeconds: 0 },
        status: { ...(n.status ?? {}), phase: 'Terminating' },
      } as Namespace;
    }
    // Already terminating: it stays until the namespace controller has finalized it.
    return n.spec?.finalizers?.length ? n : undefined;
  },
  shouldDeleteDuringUpdate: (obj) => !ns(obj).spec?.finalizers?.length,
  prepareForSubresource(subresource, obj, old) {
    if (subresource !== 'finalize') return old;
    return { ...old, spec: { ...(ns(old).spec ?? {}), finalizers: [...(ns(obj).spec?.finalizers ?? [])] } } as Namespace;
  },
};

function validateSpecFinalizers(n: Namespace): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of n.spec?.finalizers ?? []) {
    for (const m of isQualifiedName(f)) errs.push(invalid('spec.finalizers', f, m));
    if (!f.includes('/') && f !== FINALIZER_KUBERNETES) {
      errs.push(invalid('spec.finalizers', f, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  }
  return errs;
}

export const namespaceFieldGetters: Record<string, FieldGetter> = {
  'status.phase': (o) => ns(o).status?.phase ?? '',
};
