// Mirrors pkg/controller/podautoscaler/horizontal.go: every 15 s (the
// --horizontal-pod-autoscaler-sync-period) reconcileAutoscaler reads the target's scale, computes
// the desired replicas from the pods' CPU utilization (replica_calculator.ts), normalizes it with
// the scaling behaviour (behavior.ts), rescales the target, and writes status and conditions.
// The 15 s re-sync exists only while the HPA does.
import type { HorizontalPodAutoscaler, HorizontalPodAutoscalerStatus } from '../../api/autoscaling';
import type { Pod } from '../../api/core';
import type { KubeObject, LabelSelector } from '../../api/meta';
import { deepCopy, keyOf } from '../../api/meta';
import { fromLabelSelector, fromSet, matches, type Selector } from '../../api/labels';
import type { GVR } from '../../apiserver/apiserver';
import { jsonEqual } from '../../apiserver/apiserver';
import { isNotFound } from '../../apiserver/errors';
import { BY_NAMESPACE, type Informer } from '../../client/informer';
import type { Recorder } from '../../client/recorder';
import type { ComponentContext } from '../../component';
import { podCpuRequestMilli } from '../../metrics/metrics_server';
import { Controller } from '../controller';
import { isPodReady } from '../replicaset/controller_utils';
import { setCondition } from '../job/utils';
import { DEFAULT_SCALE_DOWN, DEFAULT_SCALE_UP, normalizeWithBehaviors, withDefaults, type Recommendation, type ScaleEvent } from './behavior';
import { getResourceReplicas, type PodSample } from './replica_calculator';

export const HPAS: GVR = { group: 'autoscaling', resource: 'horizontalpodautoscalers' };
export const HPA_SYNC_PERIOD_MS = 15_000;
const PODS: GVR = { group: '', resource: 'pods' };

interface HPAState {
  recs: Recommendation[];
  events: ScaleEvent[];
}

export class HorizontalController extends Controller {
  private readonly hpaInformer: Informer<HorizontalPodAutoscaler>;
  private readonly podInformer: Informer<Pod>;
  private readonly recorder: Recorder;
  private state = new Map<string, HPAState>();

  constructor(ctx: ComponentContext) {
    super('horizontal-pod-autoscaler', ctx);
    this.hpaInformer = ctx.informers.for<HorizontalPodAutoscaler>(HPAS);
    this.podInformer = ctx.informers.for<Pod>(PODS);
    this.recorder = ctx.events.for({ component: 'horizontal-pod-autoscaler' });
  }

  start(): void {
    this.hpaInformer.addHandler({
      add: (h) => this.enqueue(keyOf(h)),
      update: (o, h) => {
        if (!jsonEqual(o.spec, h.spec)) this.enqueue(keyOf(h));
      },
      delete: (h) => this.state.delete(keyOf(h)),
    });
  }

  protected override saveExtra(): unknown {
    return [...this.state.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  }

  protected override loadExtra(s: unknown): void {
    this.state = new Map((s as [string, HPAState][] | null) ?? []);
  }

  protected sync(key: string): void {
    const hpa = this.hpaInformer.get(key);
    if (!hpa) {
      this.state.delete(key);
      return;
    }
    try {
      this.reconcileAutoscaler(key, hpa);
    } finally {
      if (this.hpaInformer.get(key)) this.enqueueAfter(key, HPA_SYNC_PERIOD_MS);
    }
  }

  private trace(hpa: HorizontalPodAutoscaler, action: string, message: string): void {
    this.ctx.trace.record({
      component: this.name, action, object: { kind: 'HorizontalPodAutoscaler', namespace: hpa.metadata.namespace, name: hpa.metadata.name ?? '', uid: hpa.metadata.uid },
      message: `HPA ${hpa.metadata.name}: ${message}`,
    });
  }

  private targetGVR(hpa: HorizontalPodAutoscaler): GVR | undefined {
    const ref = hpa.spec.scaleTargetRef;
    const group = (ref.apiVersion ?? '').includes('/') ? (ref.apiVersion ?? '').split('/')[0] : '';
    const info = this.ctx.api.catalogue.kindsNamed(ref.kind).find((i) => i.group === group);
    return info ? { group: info.group, resource: info.resource } : undefined;
  }

  private writeStatus(hpa: HorizontalPodAutoscaler, status: HorizontalPodAutoscalerStatus): void {
    if (jsonEqual(status, hpa.status)) return;
    const copy = deepCopy(hpa);
    copy.status = status;
    this.ctx.api.update(HPAS, hpa.metadata.namespace ?? '', copy, { user: this.name, subresource: 'status' });
  }

  private reconcileAutoscaler(key: string, hpa: HorizontalPodAutoscaler): void {
    const ns = hpa.metadata.namespace ?? '';
    const nowIso = this.ctx.clock.iso();
    const now = this.ctx.clock.now();
    const status: HorizontalPodAutoscalerStatus = deepCopy(hpa.status ?? {});
    const conds = (status.conditions ??= []);
    const cond = (type: string, st: 'True' | 'False', reason: string, message: string) =>
      setCondition(conds, { type, status: st, lastTransitionTime: nowIso, reason, message });
    const ref = hpa.spec.scaleTargetRef;
    const gvr = this.targetGVR(hpa);
    const target = gvr ? (this.ctx.api.tryGet(gvr, ns, ref.name) as (KubeObject & { spec: { replicas?: number; selector?: unknown } }) | undefined) : undefined;
    if (!gvr || !target) {
      const msg = `the HPA controller was unable to get the target's current scale: ${gvr ? `${gvr.group ? `${gvr.resource}.${gvr.group}` : gvr.resource} "${ref.name}" not found` : `no matches for kind "${ref.kind}" in group ""`}`;
      if (cond('AbleToScale', 'False', 'FailedGetScale', msg)) this.recorder.event(hpa, 'Warning', 'FailedGetScale', msg.replace('the HPA controller was unable to get the target\'s current scale: ', ''));
      this.writeStatus(hpa, status);
      return;
    }
    const current = target.spec.replicas ?? 1;
    status.currentReplicas = current;
    const min = hpa.spec.minReplicas ?? 1;
    const max = hpa.spec.maxReplicas;
    if (current === 0 && min !== 0) {
      cond('ScalingActive', 'False', 'ScalingDisabled', 'scaling is disabled since the replica count of the target is zero');
      status.desiredReplicas = 0;
      this.writeStatus(hpa, status);
      return;
    }
    cond('AbleToScale', 'True', 'SucceededGetScale', "the HPA controller was able to get the target's current scale");

    // Metrics: the CPU utilization target (only Resource/cpu metrics are simulated).
    const metric = (hpa.spec.metrics ?? []).find((m) => m.type === 'Resource' && m.resource?.name === 'cpu');
    const targetUtil = metric?.resource?.target.averageUtilization;
    let desired = current;
    let reason = '';
    const selector = selectorOf(target);
    const pods = this.podInformer
      .byIndex(BY_NAMESPACE, ns)
      .filter((p) => selector !== null && matches(selector, p.metadata.labels) && !p.metadata.deletionTimestamp && p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded')
      .sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));
    let metricError: string | undefined;
    let result: ReturnType<typeof getResourceReplicas> | undefined;
    if (targetUtil === undefined) metricError = 'only CPU averageUtilization metrics are simulated';
    else {
      const samples: PodSample[] = [];
      for (const p of pods) {
        const req = podCpuRequestMilli(p);
        if (req === undefined) {
          const c = (p.spec.containers ?? []).find((x) => x.resources?.requests?.cpu === undefined);
          metricError = `failed to get cpu utilization: missing request for cpu in container ${c?.name} of Pod ${p.metadata.name}`;
          break;
        }
        const m = this.ctx.metrics?.podMetrics(p);
        samples.push({ name: p.metadata.name ?? '', ready: p.status?.phase === 'Running' && isPodReady(p), requestMilli: req, usageMilli: m?.cpuMilli });
      }
      if (!metricError) {
        result = getResourceReplicas(current, targetUtil, samples);
        if ('error' in result) metricError = `failed to get cpu utilization: ${result.error}`;
      }
    }
    if (metricError || !result || 'error' in result) {
      const msg = `the HPA was unable to compute the replica count: ${metricError}`;
      if (cond('ScalingActive', 'False', 'FailedGetResourceMetric', msg)) {
        this.recorder.event(hpa, 'Warning', 'FailedGetResourceMetric', metricError ?? '');
        this.recorder.event(hpa, 'Warning', 'FailedComputeMetricsReplicas', `invalid metrics (1 invalid out of 1), first error is: ${metricError}`);
      }
      status.currentMetrics = null;
      status.desiredReplicas = current;
      this.writeStatus(hpa, status);
      return;
    }
    status.currentMetrics = [{ type: 'Resource', resource: { name: 'cpu', current: { averageValue: `${result.averageMilli}m`, averageUtilization: result.utilization } } }];
    cond('ScalingActive', 'True', 'ValidMetricFound', 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)');

    const st = this.state.get(key) ?? { recs: [], events: [] };
    this.state.set(key, st);
    // Forget what is older than the longest window / period.
    st.events = st.events.filter((e) => e.at > now - 1800_000);
    const up = withDefaults(hpa.spec.behavior?.scaleUp, DEFAULT_SCALE_UP);
    const down = withDefaults(hpa.spec.behavior?.scaleDown, DEFAULT_SCALE_DOWN);
    let proposal = result.replicas;
    reason = proposal > current ? 'cpu resource utilization (percentage of request) above target' : 'All metrics below target';
    if (current < min) (proposal = min), (reason = 'Current number of replicas below Spec.MinReplicas');
    else if (current > max) (proposal = max), (reason = 'Current number of replicas above Spec.MaxReplicas');
    st.recs.push({ at: now, replicas: result.replicas });
    st.recs = st.recs.filter((r) => r.at > now - Math.max(up.stabilizationWindowSeconds, down.stabilizationWindowSeconds) * 1000 - 1);
    const norm = normalizeWithBehaviors(current, proposal, min, max, st.recs, st.events, now, up, down);
    desired = norm.replicas;
    if (norm.limited) cond('ScalingLimited', 'True', norm.limited.reason, norm.limited.message);
    else cond('ScalingLimited', 'False', 'DesiredWithinRange', 'the desired count is within the acceptable range');
    const detail = `cpu ${result.utilization}% of request (target ${targetUtil}%) over ${pods.length} pod(s) → ${result.replicas} wanted`;
    if (desired !== current) {
      const copy = deepCopy(this.ctx.api.get(gvr, ns, ref.name)) as KubeObject & { spec: { replicas?: number } };
      copy.spec.replicas = desired;
      try {
        this.ctx.api.update(gvr, ns, copy, { user: this.name });
      } catch (e) {
        if (isNotFound(e)) return;
        throw e;
      }
      st.events.push({ at: now, change: desired - current });
      status.lastScaleTime = nowIso;
      cond('AbleToScale', 'True', 'SucceededRescale', `the HPA controller was able to update the target scale to ${desired}`);
      this.recorder.event(hpa, 'Normal', 'SuccessfulRescale', `New size: ${desired}; reason: ${reason}`);
      this.trace(hpa, 'rescale', `${detail}; ${norm.limited ? `limited (${norm.limited.reason}) ` : ''}→ scaled ${ref.kind} ${ref.name} from ${current} to ${desired}`);
    } else {
      if (norm.stabilized && result.replicas < current) {
        cond('AbleToScale', 'True', 'ScaleDownStabilized', 'recent recommendations were higher than current one, applying the highest recent recommendation');
        this.trace(hpa, 'stabilize', `${detail}; a higher recommendation from the last ${down.stabilizationWindowSeconds}s wins → staying at ${current}`);
      } else {
        cond('AbleToScale', 'True', 'ReadyForNewScale', 'recommended size matches current size');
      }
    }
    status.desiredReplicas = desired;
    this.writeStatus(hpa, status);
  }
}

function selectorOf(target: KubeObject & { spec: { selector?: unknown } }): Selector | null {
  const sel = target.spec.selector;
  if (!sel) return null;
  if (target.kind === 'ReplicationController') return fromSet(sel as Record<string, string>);
  return fromLabelSelector(sel as LabelSelector);
}
