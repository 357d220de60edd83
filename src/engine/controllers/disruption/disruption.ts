// Disruption controller: mirrors pkg/controller/disruption/disruption.go (trySync, getExpectedScale,
// finders for ReplicaSet/Deployment/ReplicationController/StatefulSet, updatePdbStatus). Keeps each
// PodDisruptionBudget's status — how many matching pods are healthy, how many must stay healthy and
// so how many voluntary disruptions (evictions) are allowed right now.
import type { Pod } from '../../api/core';
import { deepCopy, keyOf, type Condition, type KubeObject } from '../../api/meta';
import { matchesLabelSelector } from '../../api/labels';
import type { PodDisruptionBudget, PodDisruptionBudgetStatus } from '../../api/policy';
import { DISRUPTION_ALLOWED_CONDITION, INSUFFICIENT_PODS_REASON, SUFFICIENT_PODS_REASON, SYNC_FAILED_REASON } from '../../api/policy';
import { isNotFound } from '../../apiserver/errors';
import { jsonEqual } from '../../apiserver/apiserver';
import type { Informer } from '../../client/informer';
import type { Recorder } from '../../client/recorder';
import type { ComponentContext } from '../../component';
import { Controller } from '../controller';
import { buildDisruptedPodMap, countHealthyPods, disruptionsAllowed, expectedPodCount, needsScale } from './budget';

const PDBS = { group: 'policy', resource: 'poddisruptionbudgets' };
const PODS = { group: '', resource: 'pods' };
/** The workload kinds whose replicas count as "expected pods" (the finders upstream). */
const SCALABLE = [
  { group: 'apps', resource: 'replicasets', kind: 'ReplicaSet' },
  { group: 'apps', resource: 'deployments', kind: 'Deployment' },
  { group: '', resource: 'replicationcontrollers', kind: 'ReplicationController' },
  { group: 'apps', resource: 'statefulsets', kind: 'StatefulSet' },
];

type Scalable = KubeObject & { spec?: { replicas?: number } };

export class DisruptionController extends Controller {
  private readonly pdbs: Informer<PodDisruptionBudget>;
  private readonly pods: Informer<Pod>;
  private readonly workloads = new Map<string, Informer<Scalable>>();
  private readonly recorder: Recorder;

  constructor(ctx: ComponentContext) {
    super('disruption-controller', ctx);
    this.pdbs = ctx.informers.for<PodDisruptionBudget>(PDBS);
    this.pods = ctx.informers.for<Pod>(PODS);
    for (const w of SCALABLE) if (ctx.api.served(w.group, w.resource)) this.workloads.set(w.kind, ctx.informers.for<Scalable>(w));
    this.recorder = ctx.events.for({ component: 'controllermanager' });
  }

  start(): void {
    this.pdbs.addHandler({ add: (p) => this.enqueue(keyOf(p)), update: (_o, p) => this.enqueue(keyOf(p)) });
    const onPod = (p: Pod) => {
      for (const pdb of this.pdbs.byIndex('namespace', p.metadata.namespace ?? '')) {
        if (matchesLabelSelector(pdb.spec.selector ?? {}, p.metadata.labels)) this.enqueue(keyOf(pdb));
      }
    };
    this.pods.addHandler({ add: onPod, update: (o, p) => (onPod(o), onPod(p)), delete: onPod });
    // A scale change moves expectedPods for maxUnavailable / percentage budgets.
    const onWorkload = (w: Scalable) => {
      for (const pdb of this.pdbs.byIndex('namespace', w.metadata.namespace ?? '')) if (needsScale(pdb)) this.enqueue(keyOf(pdb));
    };
    for (const inf of this.workloads.values()) inf.addHandler({ update: (_o, w) => onWorkload(w) });
  }

  protected sync(key: string): void {
    const pdb = this.pdbs.get(key);
    if (!pdb) return;
    const pods = this.pods
      .byIndex('namespace', pdb.metadata.namespace ?? '')
      .filter((p) => matchesLabelSelector(pdb.spec.selector ?? {}, p.metadata.labels))
      .sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));
    if (pods.length === 0) this.recorder.event(pdb, 'Normal', 'NoPods', 'No matching pods found');
    let scale = 0;
    if (needsScale(pdb)) {
      const r = this.expectedScale(pods);
      if ('error' in r) {
        this.recorder.event(pdb, 'Warning', 'CalculateExpectedPodCountFailed', `Failed to calculate the number of expected pods: ${r.error}`);
        this.failSafe(pdb, r.error);
        return;
      }
      scale = r.scale;
    }
    const now = this.ctx.clock.now();
    const { expectedCount, desiredHealthy } = expectedPodCount(pdb, pods.length, scale);
    const { map, recheckAt } = buildDisruptedPodMap(pdb, pods, now, (ts) => this.ctx.clock.parse(ts));
    if (recheckAt !== undefined) this.enqueueAfter(key, recheckAt - now);
    const currentHealthy = countHealthyPods(pods, map);
    const allowed = disruptionsAllowed(currentHealthy, desiredHealthy, expectedCount);
    const status: PodDisruptionBudgetStatus = {
      observedGeneration: pdb.metadata.generation,
      ...(Object.keys(map).length ? { disruptedPods: map } : {}),
      disruptionsAllowed: allowed,
      currentHealthy,
      desiredHealthy,
      expectedPods: expectedCount,
      conditions: this.condition(pdb, allowed > 0 ? 'True' : 'False', allowed > 0 ? SUFFICIENT_PODS_REASON : INSUFFICIENT_PODS_REASON, ''),
    };
    if (this.writeStatus(pdb, status)) {
      this.ctx.trace.record({
        component: this.name,
        action: 'status',
        object: { kind: 'PodDisruptionBudget', namespace: pdb.metadata.namespace, name: pdb.metadata.name ?? '', uid: pdb.metadata.uid },
        message: `Budget ${key}: ${currentHealthy} of ${expectedCount} expected pod(s) healthy, ${desiredHealthy} must stay healthy ⇒ ${allowed} disruption(s) allowed.`,
      });
    }
  }

  /**
   * getExpectedScale: the sum of the desired replicas of the pods' controllers, each counted once
   * (a Deployment's pods are counted through the Deployment, not the ReplicaSet).
   */
  private expectedScale(pods: readonly Pod[]): { scale: number } | { error: string } {
    const seen = new Map<string, number>();
    for (const pod of pods) {
      const ref = pod.metadata.ownerReferences?.find((r) => r.controller);
      if (!ref) return { error: `found no controller ref for pod "${pod.metadata.name}"` };
      let owner = this.workloads.get(ref.kind)?.get(`${pod.metadata.namespace}/${ref.name}`);
      if (!owner || owner.metadata.uid !== ref.uid) return { error: `found no controllers for pod "${pod.metadata.name}"` };
      if (ref.kind === 'ReplicaSet') {
        const d = owner.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'Deployment');
        const dep = d && this.workloads.get('Deployment')?.get(`${pod.metadata.namespace}/${d.name}`);
        if (dep && dep.metadata.uid === d!.uid) owner = dep;
      }
      seen.set(owner.metadata.uid ?? '', owner.spec?.replicas ?? 1);
    }
    let scale = 0;
    for (const n of seen.values()) scale += n;
    return { scale };
  }

  /** failSafe: on an error the budget allows nothing, with DisruptionAllowed=False/SyncFailed. */
  private failSafe(pdb: PodDisruptionBudget, err: string): void {
    const status: PodDisruptionBudgetStatus = {
      ...(pdb.status ?? { currentHealthy: 0, desiredHealthy: 0, expectedPods: 0, disruptionsAllowed: 0 }),
      observedGeneration: pdb.metadata.generation,
      disruptionsAllowed: 0,
      conditions: this.condition(pdb, 'False', SYNC_FAILED_REASON, err),
    };
    this.writeStatus(pdb, status);
  }

  private condition(pdb: PodDisruptionBudget, status: 'True' | 'False', reason: string, message: string): Condition[] {
    const others = (pdb.status?.conditions ?? []).filter((c) => c.type !== DISRUPTION_ALLOWED_CONDITION);
    const old = pdb.status?.conditions?.find((c) => c.type === DISRUPTION_ALLOWED_CONDITION);
    const cond: Condition = {
      type: DISRUPTION_ALLOWED_CONDITION,
      status,
      reason,
      message,
      lastTransitionTime: old && old.status === status ? old.lastTransitionTime : this.ctx.clock.iso(),
      ...({ observedGeneration: pdb.metadata.generation } as object),
    };
    return [...others, cond];
  }

  private writeStatus(pdb: PodDisruptionBudget, status: PodDisruptionBudgetStatus): boolean {
    if (jsonEqual(status, pdb.status)) return false;
    const next = deepCopy(pdb);
    next.status = status;
    try {
      this.ctx.api.update(PDBS, pdb.metadata.namespace ?? '', next, { user: this.name, subresource: 'status' });
    } catch (e) {
      if (isNotFound(e)) return false;
      throw e;
    }
    return true;
  }
}
