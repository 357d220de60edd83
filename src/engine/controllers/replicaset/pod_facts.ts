// What a ReplicaSet sync asks of each of its pods, remembered per stored pod version. (No upstream
// counterpart: client-go's informers hand out shared objects too, and upstream simply loops.)
//
// Why: a sync is level-triggered, so it reads every pod the ReplicaSet owns, and every status
// change of any of those pods triggers a sync. Worked example: a 1,000-replica ReplicaSet
// converging sees ~3,000 syncs, each reading ~1,000 pods: 3,000,000 pod visits, each testing the
// selector, the template labels and the Ready condition. Cached objects are frozen and a write
// stores a new object, so the answers for one pod object never change: they are computed on the
// first visit and each of the other visits is one WeakMap lookup. Still a full pass per sync,
// still reading the current cache, so the sync decides from current state as before.
import type { Pod } from '../../api/core';
import { controllerOf } from '../../api/meta';
import { fromSet, matches, type Selector } from '../../api/labels';
import { isPodActive, isPodReady } from './controller_utils';

/**
 * The parts of a ReplicaSet the per-pod answers depend on: its selector and its template labels
 * (and its UID and namespace). Built once per stored spec object: a status write keeps the
 * stored spec object (the API server shares unchanged subtrees), so it does not start over.
 */
export interface SyncContext {
  uid: string;
  namespace: string;
  selector: Selector | null;
  templateSelector: Selector;
}

export interface PodFacts {
  context: SyncContext;
  /** UID of the pod's controller (its first controller reference), if any. */
  controllerUid?: string;
  /** Not Succeeded, not Failed, not being deleted (isPodActive). */
  active: boolean;
  /** The ReplicaSet's selector matches (false when it has none). */
  selected: boolean;
  /** Carries every template label (fullyLabeledReplicas). */
  fullyLabeled: boolean;
  ready: boolean;
}

export class PodFactsCache {
  private contexts = new WeakMap<object, SyncContext>();
  private facts = new WeakMap<Pod, PodFacts>();

  /** The context of one ReplicaSet version; `spec` is its (frozen) spec object. */
  context(uid: string, namespace: string, spec: object, templateLabels: Record<string, string> | undefined, selector: () => Selector | null): SyncContext {
    const c = this.contexts.get(spec);
    if (c && c.uid === uid && c.namespace === namespace) return c;
    const fresh: SyncContext = { uid, namespace, selector: selector(), templateSelector: fromSet(templateLabels) };
    this.contexts.set(spec, fresh);
    return fresh;
  }

  of(p: Pod, context: SyncContext): PodFacts {
    const f = this.facts.get(p);
    if (f && f.context === context) return f;
    const labels = p.metadata.labels;
    const fresh: PodFacts = {
      context,
      controllerUid: controllerOf(p)?.uid,
      active: isPodActive(p),
      selected: context.selector !== null && matches(context.selector, labels),
      fullyLabeled: matches(context.templateSelector, labels),
      ready: isPodReady(p),
    };
    this.facts.set(p, fresh);
    return fresh;
  }
}
