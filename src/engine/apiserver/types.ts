// Interfaces of the API server's request pipeline: strategies (pkg/registry/.../strategy.go)
// and admission plugins (plugin/pkg/admission/...).
import type { KubeObject } from '../api/meta';
import type { ResourceInfo } from '../api/resources';
import type { SimClock } from '../sim/clock';
import type { Rng } from '../sim/rng';
import type { Store } from '../store/store';
import type { FieldError } from './validation/field';

export interface RequestContext {
  clock: SimClock;
  rng: Rng;
  store: Store;
  /** Who is asking: 'kubectl', 'replicaset-controller', 'kubelet/kind-worker', … */
  user: string;
  dryRun: boolean;
}

export type Operation = 'CREATE' | 'UPDATE' | 'DELETE';

export interface AdmissionAttributes {
  operation: Operation;
  info: ResourceInfo;
  namespace: string;
  name: string;
  object: KubeObject; // mutable in admit(), for CREATE/UPDATE; the stored object for DELETE
  oldObject?: KubeObject;
  subresource?: string;
  ctx: RequestContext;
}

export interface AdmissionPlugin {
  name: string;
  /** Mutating phase: may change attrs.object. Throw a StatusError to reject. */
  admit?(a: AdmissionAttributes): void;
  /** Validating phase: must not change anything. Throw a StatusError to reject. */
  validate?(a: AdmissionAttributes): void;
}

export interface Strategy {
  /** SetDefaults_<Kind> from pkg/apis/<group>/v1/defaults.go. Runs on create and update. */
  defaults?(obj: KubeObject, ctx: RequestContext): void;
  /** Clear status, set generation, etc. (PrepareForCreate). */
  prepareForCreate?(obj: KubeObject, ctx: RequestContext): void;
  /** PrepareForUpdate for the main resource (status is preserved by the pipeline). */
  prepareForUpdate?(obj: KubeObject, old: KubeObject, ctx: RequestContext): void;
  validate?(obj: KubeObject, ctx: RequestContext): FieldError[];
  validateUpdate?(obj: KubeObject, old: KubeObject, ctx: RequestContext): FieldError[];
  /** True when the kind has a status subresource (spec writes keep status and vice versa). */
  hasStatus?: boolean;
  /** True when metadata.generation is bumped on spec changes. */
  tracksGeneration?: boolean;
  /** Graceful deletion: the grace period to use, or 0 to delete at once (pods only). */
  gracePeriod?(obj: KubeObject, requested: number | undefined, ctx: RequestContext): number;
  /** Default propagation when the request names none ('Background' for most; RC: 'Orphan'). */
  defaultPropagation?: 'Background' | 'Orphan' | 'Foreground';
  /** Names the stored object has; for cluster-scoped kinds the namespace is ''. */
  allowCreateOnUpdate?: boolean;
  /**
   * A kind's own first DELETE step (namespaces: set deletionTimestamp and phase Terminating and
   * keep the object). Return the object to store (the same object: nothing to write), or
   * undefined for the generic path.
   */
  beforeDelete?(obj: KubeObject, ctx: RequestContext): KubeObject | undefined;
  /** ShouldDeleteDuringUpdate: may an update remove an object whose deletion is pending? (default yes) */
  shouldDeleteDuringUpdate?(obj: KubeObject): boolean;
  /** Write subresources other than status (namespaces/finalize): the object to store. */
  prepareForSubresource?(subresource: string, obj: KubeObject, old: KubeObject): KubeObject;
}
