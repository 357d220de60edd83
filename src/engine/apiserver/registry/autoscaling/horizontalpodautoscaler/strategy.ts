// HorizontalPodAutoscaler strategy: mirrors pkg/registry/autoscaling/horizontalpodautoscaler/
// strategy.go, SetDefaults_HorizontalPodAutoscaler (pkg/apis/autoscaling/v2/defaults.go) and the
// autoscaling/v1 → v2 conversion (pkg/apis/autoscaling/v1/conversion.go) for bodies sent as v1.
import type { HorizontalPodAutoscaler } from '../../../../api/autoscaling';
import type { Strategy } from '../../../types';
import { validateHorizontalPodAutoscalerSpec } from '../../../validation/autoscaling';

/** autoscaling.DefaultCPUUtilization: an HPA with no metrics targets 80 % of the CPU request. */
export const DEFAULT_CPU_UTILIZATION = 80;

/**
 * v1 → v2: `targetCPUUtilizationPercentage: 50` becomes one Resource metric
 * `{name: cpu, target: {type: Utilization, averageUtilization: 50}}`. Stored and served as v2.
 */
export function convertV1ToV2(hpa: HorizontalPodAutoscaler): void {
  const pct = hpa.spec.targetCPUUtilizationPercentage;
  if (pct === undefined) return;
  delete hpa.spec.targetCPUUtilizationPercentage;
  hpa.spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: pct } } }];
}

export function setDefaultsHorizontalPodAutoscaler(hpa: HorizontalPodAutoscaler): void {
  hpa.spec.minReplicas ??= 1;
  if (!hpa.spec.metrics?.length) {
    hpa.spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: DEFAULT_CPU_UTILIZATION } } }];
  }
  // behavior stays unset unless given: the controller then uses the default rules (behavior.ts).
}

export const horizontalPodAutoscalerStrategy: Strategy = {
  hasStatus: true,
  tracksGeneration: true,
  defaultPropagation: 'Background',
  defaults(obj) {
    const hpa = obj as HorizontalPodAutoscaler;
    hpa.spec ??= {} as HorizontalPodAutoscaler['spec'];
    convertV1ToV2(hpa);
    setDefaultsHorizontalPodAutoscaler(hpa);
  },
  prepareForCreate(obj) {
    (obj as HorizontalPodAutoscaler).status = { currentMetrics: null, desiredReplicas: 0 };
  },
  validate: (obj) => validateHorizontalPodAutoscalerSpec((obj as HorizontalPodAutoscaler).spec),
};
