// Mirrors pkg/controller/deployment/deployment_controller.go: informer handlers that enqueue the
// Deployment's key, and syncDeployment, which re-reads the Deployment, its ReplicaSets (adopting
// and releasing by selector) and their pods, and hands over to the strategy (rolling.ts,
// recreate.ts) or to plain scaling (sync.ts) when paused or when only replicas changed.
//
// No expectations machinery: watch delivery is synchronous, so every write this controller
// makes is in the informer caches before the next line runs.
import type { Deployment, DeploymentStatus, ReplicaSet } from '../../api/apps';
import type { Pod } from '../../api/core';
import type { KubeObject, OwnerReference } from '../../api/meta';
import { controllerOf, deepCopy, keyOf, objectKey } from '../../api/meta';
import { fromLabelSelector, matches } from '../../api/labels';
import type { GVR } from '../../apiserver/apiserver';
import { jsonEqual } from '../../apiserver/apiserver';
import type { Informer } from '../../client/informer';
import { BY_CONTROLLER, BY_NAMESPACE } from '../../client/informer';
import type { Recorder } from '../../client/recorder';
import type { ComponentContext } from '../../component';
import type { Timer } from '../../sim/clock';
import type { ObjectRef } from '../../sim/trace';
import { Controller } from '../controller';
import { adopt, planClaims, release } from '../replicaset/controller_ref_manager';
import { checkPausedConditions } from './progress';
import { rolloutRecreate } from './recreate';
import { rolloutRolling } from './rolling';
import { calculateStatus, getAllReplicaSetsAndSyncRevision, isScalingEvent, sync } from './sync';
import { isRollingUpdate } from './util';

export const DEPLOYMENT_GVR: GVR = { group: 'apps', resource: 'deployments' };
export const RS_GVR: GVR = { group: 'apps', resource: 'replicasets' };
export const POD_GVR: GVR = { group: '', resource: 'pods' };

export class DeploymentController extends Controller {
  readonly dInformer: Informer<Deployment>;
  readonly rsInformer: Informer<ReplicaSet>;
  readonly podInformer: Informer<Pod>;
  readonly recorder: Recorder;
  /**
   * Pending progress-deadline checks per Deployment key. Unlike enqueueAfter these can be
   * cancelled, so a rollout that completes leaves no timer behind (an idle cluster stays idle).
   */
  private progressChecks = new Map<string, { at: number; seq: number }>();

  constructor(ctx: ComponentContext) {
    super('deployment-controller', ctx);
    this.dInformer = ctx.informers.for<Deployment>(DEPLOYMENT_GVR);
    this.rsInformer = ctx.informers.for<ReplicaSet>(RS_GVR);
    this.podInformer = ctx.informers.for<Pod>(POD_GVR);
    this.recorder = ctx.events.for({ component: 'deployment-controller' });
  }

  /** The component context, for the helpers in sync.ts, rolling.ts, … */
  get context(): ComponentContext {
    return this.ctx;
  }

  start(): void {
    this.dInformer.addHandler({
      add: (d) => this.enqueue(keyOf(d)),
      update: (_o, d) => this.enqueue(keyOf(d)),
      delete: (d) => this.enqueue(keyOf(d)),
    });
    this.rsInformer.addHandler({
      add: (rs) => this.onReplicaSet(rs, undefined),
      update: (old, rs) => this.onReplicaSet(rs, old),
      delete: (rs) => {
        const d = this.resolveControllerRef(rs.metadata.namespace, controllerOf(rs));
        if (d) this.enqueue(keyOf(d));
      },
    });
    this.podInformer.addHandler({
      // Recreate waits for old pods to disappear: a pod deletion may unblock it.
      delete: (pod) => {
        const rsRef = controllerOf(pod);
        if (!rsRef || rsRef.kind !== 'ReplicaSet') return;
        const rs = this.rsInformer.get(objectKey(pod.metadata.namespace, rsRef.name));
        if (!rs || rs.metadata.uid !== rsRef.uid) return;
        const d = this.resolveControllerRef(rs.metadata.namespace, controllerOf(rs));
        if (d && !isRollingUpdate(d)) this.enqueue(keyOf(d));
      },
    });
  }

  // ---------------------------------------------------------------- handlers (enqueue only)

  private resolveControllerRef(namespace: string | undefined, ref: OwnerReference | undefined): Deployment | undefined {
    if (!ref || ref.kind !== 'Deployment') return undefined;
    const d = this.dInformer.get(objectKey(namespace, ref.name));
    return d && d.metadata.uid === ref.uid ? d : undefined;
  }

  private onReplicaSet(rs: ReplicaSet, old: ReplicaSet | undefined): void {
    const ref = controllerOf(rs);
    const oldRef = old ? controllerOf(old) : undefined;
    if (oldRef && oldRef.uid !== ref?.uid) {
      const prev = this.resolveControllerRef(old!.metadata.namespace, oldRef);
      if (prev) this.enqueue(keyOf(prev));
    }
    if (ref) {
      const d = this.resolveControllerRef(rs.metadata.namespace, ref);
      if (d) this.enqueue(keyOf(d));
      return;
    }
    // Orphan: every Deployment whose selector matches may adopt it.
    if (!old || !jsonEqual(old.metadata.labels, rs.metadata.labels) || oldRef) {
      for (const d of this.dInformer.byIndex(BY_NAMESPACE, rs.metadata.namespace ?? '')) {
        const sel = fromLabelSelector(d.spec.selector);
        if (sel && sel.length && matches(sel, rs.metadata.labels)) this.enqueue(keyOf(d));
      }
    }
  }

  // ---------------------------------------------------------------- progress-deadline timers

  /** Re-sync `key` in `ms` to check the progress deadline (replaces any earlier check). */
  armProgressCheck(key: string, ms: number): void {
    const at = this.ctx.clock.now() + Math.max(0, ms);
    const existing = this.progressChecks.get(key);
    if (existing?.at === at) return;
    if (existing) this.ctx.clock.cancel(existing.seq);
    const seq = this.ctx.clock.schedule(at, this.name, 'progressCheck', { key, at });
    this.progressChecks.set(key, { at, seq });
  }

  disarmProgressCheck(key: string): void {
    const existing = this.progressChecks.get(key);
    if (!existing) return;
    this.ctx.clock.cancel(existing.seq);
    this.progressChecks.delete(key);
  }

  protected override handleTimer(t: Timer): void {
    if (t.kind !== 'progressCheck') return;
    const { key, at } = t.payload as { key: string; at: number };
    if (this.progressChecks.get(key)?.at === at) this.progressChecks.delete(key);
    this.enqueue(key);
  }

  protected override saveExtra(): unknown {
    return [...this.progressChecks.entries()];
  }

  protected override loadExtra(s: unknown): void {
    this.progressChecks = new Map((s as [string, { at: number; seq: number }][] | null) ?? []);
  }

  // ---------------------------------------------------------------- helpers used by the other files

  nowMs(): number {
    return this.ctx.clock.epochMs + this.ctx.clock.now();
  }

  keyFor(d: Deployment): string {
    return keyOf(d);
  }

  refOf(o: KubeObject): ObjectRef {
    return { kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name ?? '', uid: o.metadata.uid };
  }

  traceFor(d: Deployment, action: string, object: KubeObject | undefined, message: string): void {
    this.ctx.trace.record({ component: this.name, action, object: object ? this.refOf(object) : this.refOf(d), cause: this.refOf(d), message });
  }

  /** The latest cached copies of these ReplicaSets (after our own writes). */
  refresh(list: readonly (ReplicaSet | undefined)[]): ReplicaSet[] {
    return list.filter((rs): rs is ReplicaSet => !!rs).map((rs) => this.refreshOne(rs));
  }

  refreshOne(rs: ReplicaSet): ReplicaSet {
    const cur = this.rsInformer.get(keyOf(rs));
    return cur && cur.metadata.uid === rs.metadata.uid ? cur : rs;
  }

  statusEqual(a: DeploymentStatus | undefined, b: DeploymentStatus): boolean {
    return jsonEqual(a ?? {}, b);
  }

  /** UpdateStatus with the working copy's status; the working copy follows the stored object. */
  writeDeploymentStatus(d: Deployment): void {
    const cur = this.dInformer.get(keyOf(d));
    if (!cur || cur.metadata.uid !== d.metadata.uid) return;
    const body = { ...deepCopy(cur), status: deepCopy(d.status ?? {}) } as Deployment;
    const stored = this.ctx.api.update(DEPLOYMENT_GVR, d.metadata.namespace ?? '', body, { user: this.name, subresource: 'status' });
    d.metadata.resourceVersion = stored.metadata.resourceVersion;
  }

  /**
   * The Deployment's revision annotation. Upstream writes it with UpdateStatus (its status
   * strategy keeps metadata changes); this API server's status writes touch only status, so it
   * is a normal update (spec unchanged: no new generation).
   */
  writeDeploymentAnnotations(d: Deployment): void {
    const cur = this.dInformer.get(keyOf(d));
    if (!cur || cur.metadata.uid !== d.metadata.uid) return;
    if (jsonEqual(cur.metadata.annotations, d.metadata.annotations)) return;
    const body = deepCopy(cur);
    body.metadata.annotations = { ...(d.metadata.annotations ?? {}) };
    const stored = this.ctx.api.update(DEPLOYMENT_GVR, d.metadata.namespace ?? '', body, { user: this.name });
    d.metadata.resourceVersion = stored.metadata.resourceVersion;
  }

  /** The ReplicaSets this Deployment controls (by UID), in name order. */
  listReplicaSets(d: Deployment): ReplicaSet[] {
    return this.rsInformer
      .byIndex(BY_CONTROLLER, d.metadata.uid ?? '')
      .filter((rs) => rs.metadata.namespace === d.metadata.namespace)
      .sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));
  }

  // ---------------------------------------------------------------- sync

  protected sync(key: string): void {
    this.syncDeployment(key);
  }

  syncDeployment(key: string): void {
    const cached = this.dInformer.get(key);
    if (!cached) {
      // Deleted: the garbage collector removes its ReplicaSets.
      this.disarmProgressCheck(key);
      return;
    }
    const d = deepCopy(cached);
    const sel = d.spec.selector;
    if (!sel || (!Object.keys(sel.matchLabels ?? {}).length && !(sel.matchExpressions ?? []).length)) {
      this.recorder.event(d, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.');
      if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
        d.status = { ...(d.status ?? {}), observedGeneration: d.metadata.generation };
        this.writeDeploymentStatus(d);
      }
      return;
    }
    const rsList = this.getReplicaSetsForDeployment(d);

    if (d.metadata.deletionTimestamp) {
      // syncStatusOnly
      const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(this, d, rsList, false);
      const status = calculateStatus([...oldRSs, newRS], newRS, d, this.ctx.clock.iso());
      if (!this.statusEqual(d.status, status)) {
        d.status = status;
        this.writeDeploymentStatus(d);
      }
      return;
    }

    if (checkPausedConditions(d, this.ctx.clock.iso())) {
      this.writeDeploymentStatus(d);
      this.traceFor(d, d.spec.paused ? 'pause' : 'resume', undefined, `Deployment ${d.metadata.name}: ${d.spec.paused ? 'paused → only scaling happens until it is resumed' : 'resumed → the rollout continues'}`);
    }
    if (d.spec.paused) {
      sync(this, d, rsList);
      return;
    }
    const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(this, d, this.listReplicaSets(d), false);
    if (isScalingEvent(d, newRS, oldRSs)) {
      this.traceFor(d, 'scale', undefined, `Deployment ${d.metadata.name}: spec.replicas is now ${d.spec.replicas ?? 1} → scaling its ReplicaSets (proportionally if a rollout is in progress)`);
      sync(this, d, this.listReplicaSets(d));
      return;
    }
    if (isRollingUpdate(d)) rolloutRolling(this, d, this.listReplicaSets(d));
    // Only Recreate looks at pods (it waits for the old ones to stop); nothing above writes pods,
    // so the map is built here, from the ReplicaSets read at the start of this sync.
    else rolloutRecreate(this, d, this.listReplicaSets(d), this.getPodMapForDeployment(d, rsList));
  }

  /**
   * getReplicaSetsForDeployment: the RSs in the namespace this Deployment controls, adopting
   * matching orphans and releasing its own that stopped matching (ClaimReplicaSets).
   */
  private getReplicaSetsForDeployment(d: Deployment): ReplicaSet[] {
    const sel = fromLabelSelector(d.spec.selector);
    const all = this.rsInformer
      .byIndex(BY_NAMESPACE, d.metadata.namespace ?? '')
      .sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));
    const plan = planClaims(d, sel, all);
    for (const rs of plan.adopt) {
      if (adopt(this.ctx.api, RS_GVR, d, rs, this.name)) {
        this.traceFor(d, 'adopt', rs, `Deployment ${d.metadata.name}: ReplicaSet ${rs.metadata.name} matches my selector and has no controller → adopted it`);
      }
    }
    for (const rs of plan.release) {
      if (release(this.ctx.api, RS_GVR, d, rs, this.name)) {
        this.traceFor(d, 'release', rs, `Deployment ${d.metadata.name}: ReplicaSet ${rs.metadata.name} no longer matches my selector → released it`);
      }
    }
    return this.listReplicaSets(d);
  }

  /**
   * getPodMapForDeployment: the Deployment's pods (terminating included) grouped by RS UID: the
   * pods each RS controls (read through the controller-UID index) that match the selector.
   */
  private getPodMapForDeployment(d: Deployment, rsList: ReplicaSet[]): Map<string, Pod[]> {
    const map = new Map<string, Pod[]>();
    for (const rs of rsList) map.set(rs.metadata.uid ?? '', []);
    const sel = fromLabelSelector(d.spec.selector);
    if (!sel) return map;
    for (const [uid, pods] of map) {
      for (const p of this.podInformer.byIndex(BY_CONTROLLER, uid)) {
        if (p.metadata.namespace !== d.metadata.namespace || controllerOf(p)?.uid !== uid || !matches(sel, p.metadata.labels)) continue;
        pods.push(p);
      }
    }
    return map;
  }
}
