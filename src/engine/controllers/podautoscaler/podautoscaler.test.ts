// HPA arithmetic (table-driven) and the php-apache walkthrough on a whole cluster.
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { DEFAULT_SCALE_DOWN, DEFAULT_SCALE_UP, normalizeWithBehaviors, scaleDownLimit, scaleUpLimit } from './behavior';
import { getResourceReplicas, type PodSample } from './replica_calculator';
import { backoffDelayMs } from '../job/backoff';

const pods = (usages: (number | undefined)[], ready = true): PodSample[] => usages.map((u, i) => ({ name: `p${i}`, ready, requestMilli: 200, usageMilli: u }));

describe('getResourceReplicas', () => {
  it.each([
    // current, target %, usages (m of 200m requests), want replicas, want utilization
    [2, 50, [180, 220], 4, 100],
    [1, 50, [500], 5, 250],
    [4, 50, [108, 108, 108, 108], 4, 54], // ratio 1.08: inside the 10 % tolerance
    [4, 50, [120, 120, 120, 120], 5, 60], // ratio 1.2 → ceil(4.8) = 5
    [5, 50, [20, 20, 20, 20, 20], 1, 10],
  ])('%i pods, target %i%% → %i', (current, target, usages, want, util) => {
    const r = getResourceReplicas(current as number, target as number, pods(usages as number[]));
    expect(r).toMatchObject({ replicas: want, utilization: util });
  });
  it('pods without metrics count as 100 % when scaling down (so no scale-down here)', () => {
    const r = getResourceReplicas(3, 50, pods([40, 40, undefined]));
    // ratio 0.4 → with the missing pod at 100 %: (80+200)/600 = 46.7 % → ratio 0.93 → within tolerance.
    expect(r).toMatchObject({ replicas: 3 });
  });
  it('no metrics at all is an error', () => {
    expect(getResourceReplicas(1, 50, pods([undefined]))).toHaveProperty('error');
  });
});

describe('scaling behaviour', () => {
  it.each([
    [1, 2], // max(1+4, 1×2) = 5 allowed
    [2, 6],
    [10, 20],
  ])('scale-up limit from %i is max(+4 pods, +100 %%)', (current, want) => {
    expect(scaleUpLimit(current, [], DEFAULT_SCALE_UP, 0)).toBe(Math.max(current + 4, want));
  });
  it('scale-down limit 100 % per 15 s allows going to 0 (then minReplicas)', () => {
    expect(scaleDownLimit(6, [], DEFAULT_SCALE_DOWN, 0)).toBe(0);
  });
  it('scale-down waits for the 5-minute stabilization window', () => {
    const recs = [{ at: 0, replicas: 6 }, { at: 200_000, replicas: 1 }];
    expect(normalizeWithBehaviors(6, 1, 1, 10, recs, [], 200_000, DEFAULT_SCALE_UP, DEFAULT_SCALE_DOWN).replicas).toBe(6);
    const later = [{ at: 301_000, replicas: 1 }];
    expect(normalizeWithBehaviors(6, 1, 1, 10, later, [], 301_000, DEFAULT_SCALE_UP, DEFAULT_SCALE_DOWN).replicas).toBe(1);
  });
  it('clamps to maxReplicas with TooManyReplicas', () => {
    expect(normalizeWithBehaviors(8, 20, 1, 10, [], [], 0, DEFAULT_SCALE_UP, DEFAULT_SCALE_DOWN)).toMatchObject({ replicas: 10, limited: { reason: 'TooManyReplicas' } });
  });
});

describe('Job pod-failure back-off', () => {
  it.each([[1, 10_000], [2, 20_000], [3, 40_000], [6, 320_000], [7, 600_000], [12, 600_000]])('failure %i waits %i ms', (k, ms) => {
    expect(backoffDelayMs(k)).toBe(ms);
  });
});

const PHP = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: php-apache
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: php-apache
  template:
    metadata:
      labels:
        app.kubernetes.io/name: php-apache
    spec:
      containers:
      - name: php-apache
        image: registry.k8s.io/hpa-example
        ports:
        - containerPort: 80
        resources:
          limits:
            cpu: 500m
          requests:
            cpu: 200m
`;

describe('HPA on php-apache (whole cluster)', () => {
  it('scales up under sim load and back down after the 5-minute stabilization', () => {
    const c = new Cluster({ seed: 31 });
    c.apply(PHP);
    expect(c.run('kubectl autoscale deployment php-apache --cpu-percent=50 --min=1 --max=10').stdout).toBe('horizontalpodautoscaler.autoscaling/php-apache autoscaled\n');
    const hpa = c.run('kubectl get hpa').stdout;
    expect(hpa).toMatch(/^NAME\s+REFERENCE\s+TARGETS\s+MINPODS\s+MAXPODS\s+REPLICAS\s+AGE\n/);
    expect(hpa).toMatch(/php-apache\s+Deployment\/php-apache\s+cpu: <unknown>\/50%\s+1\s+10\s+[01]/);
    c.advance(50_000);
    expect(c.run('kubectl get hpa').stdout).toMatch(/cpu: [0-2]%\/50%\s+1\s+10\s+1/);
    expect(c.run('sim load deployment/php-apache --cpu 600m').exitCode).toBe(0);
    c.advance(15_000);
    // One pod: 600m demand capped at the 500m limit = 250 % → ceil(1 × 250/50) = 5.
    expect(c.run('kubectl get hpa').stdout).toMatch(/cpu: 25\d%\/50%/);
    c.advance(120_000);
    const up = (c.objects('apps/deployments')[0] as unknown as { spec: { replicas: number } }).spec.replicas;
    expect(up).toBeGreaterThanOrEqual(5);
    expect(c.run('kubectl get events').stdout).toMatch(/SuccessfulRescale\s+horizontalpodautoscaler\/php-apache\s+New size: 5; reason: cpu resource utilization \(percentage of request\) above target/);
    expect(c.run('kubectl top pods').stdout).toMatch(/^NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)\n/);
    c.run('sim load deployment/php-apache --stop');
    c.advance(200_000);
    // Still up: recommendations from the last 300 s were higher.
    expect((c.objects('apps/deployments')[0] as unknown as { spec: { replicas: number } }).spec.replicas).toBe(up);
    c.advance(200_000);
    expect((c.objects('apps/deployments')[0] as unknown as { spec: { replicas: number } }).spec.replicas).toBe(1);
    expect(c.run('kubectl get events').stdout).toContain('New size: 1; reason: All metrics below target');
  });

  it('accepts the autoscaling/v1 shape and stores it as v2', () => {
    const c = new Cluster({ seed: 32 });
    c.apply(`{"apiVersion":"autoscaling/v1","kind":"HorizontalPodAutoscaler","metadata":{"name":"frontend-scaler"},"spec":{"scaleTargetRef":{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"frontend"},"minReplicas":3,"maxReplicas":10,"targetCPUUtilizationPercentage":50}}`);
    const h = c.objects('autoscaling/horizontalpodautoscalers')[0] as unknown as { apiVersion: string; spec: { metrics: unknown[] } };
    expect(h.apiVersion).toBe('autoscaling/v2');
    expect(h.spec.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }]);
  });
});
