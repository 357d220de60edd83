import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../../../../api/apps';
import type { ReplicationController } from '../../../../api/core';
import type { KubeObject } from '../../../../api/meta';
import { G, mutable, newTestAPI, statusError } from '../../testing';

/** `kubectl create deployment web --image=nginx --dry-run=client -o yaml`, as JSON. */
const KUBECTL_CREATE_DEPLOYMENT = {
  apiVersion: 'apps/v1', kind: 'Deployment',
  metadata: { creationTimestamp: null, labels: { app: 'web' }, name: 'web' },
  spec: {
    replicas: 1, selector: { matchLabels: { app: 'web' } }, strategy: {},
    template: { metadata: { creationTimestamp: null, labels: { app: 'web' } }, spec: { containers: [{ image: 'nginx', name: 'nginx', resources: {} }] } },
  },
  status: {},
} as unknown as KubeObject;

function deployment(spec: Record<string, unknown>, template: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] }, ...template },
      ...spec,
    },
  };
}

describe('Deployment defaults (SetDefaults_Deployment)', () => {
  it('stores what a real server stores for kubectl create deployment', () => {
    const { api } = newTestAPI();
    const d = api.create(G.deployments, 'default', KUBECTL_CREATE_DEPLOYMENT) as Deployment;
    expect(d.spec).toEqual({
      progressDeadlineSeconds: 600, replicas: 1, revisionHistoryLimit: 10,
      selector: { matchLabels: { app: 'web' } },
      strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' },
      template: {
        metadata: { creationTimestamp: null, labels: { app: 'web' } },
        spec: {
          containers: [{ image: 'nginx', imagePullPolicy: 'Always', name: 'nginx', resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' }],
          dnsPolicy: 'ClusterFirst', restartPolicy: 'Always', schedulerName: 'default-scheduler', securityContext: {}, terminationGracePeriodSeconds: 30,
        },
      },
    });
    expect(d.status).toEqual({});
    expect(d.metadata.generation).toBe(1);
  });

  it('Recreate gets no rollingUpdate; replicas 0 stays 0', () => {
    const { api } = newTestAPI();
    const d = api.create(G.deployments, 'default', deployment({ replicas: 0, strategy: { type: 'Recreate' } })) as Deployment;
    expect(d.spec.strategy).toEqual({ type: 'Recreate' });
    expect(d.spec.replicas).toBe(0);
  });
});

describe('Deployment validation: exact messages', () => {
  it.each<[string, KubeObject, string[]]>([
    ['missing selector', deployment({ selector: undefined }), [
      'spec.selector: Required value',
      'spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`',
    ]],
    ['selector does not match', deployment({ selector: { matchLabels: { app: 'x' } } }), ['spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`']],
    ['empty selector', deployment({ selector: {} }), ['spec.selector: Invalid value: {}: empty selector is invalid for deployment']],
    ['negative replicas', deployment({ replicas: -1 }), ['spec.replicas: Invalid value: -1: must be greater than or equal to 0']],
    ['restartPolicy Never', deployment({}, { spec: { restartPolicy: 'Never', containers: [{ name: 'nginx', image: 'nginx' }] } }), ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"']],
    ['template pod spec errors carry the template path', deployment({}, { spec: { containers: [{ name: 'nginx' }] } }), ['spec.template.spec.containers[0].image: Required value']],
    ['maxSurge and maxUnavailable both 0', deployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } }), ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0']],
    ['maxUnavailable over 100%', deployment({ strategy: { rollingUpdate: { maxUnavailable: '120%' } } }), ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "120%": must not be greater than 100%']],
    ['bad percentage', deployment({ strategy: { rollingUpdate: { maxSurge: '25' } } }), [
      `spec.strategy.rollingUpdate.maxSurge: Invalid value: "25": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`,
    ]],
    ['Recreate with rollingUpdate', deployment({ strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } }), ["spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"]],
    ['progressDeadlineSeconds <= minReadySeconds', deployment({ minReadySeconds: 30, progressDeadlineSeconds: 30 }), ['spec.progressDeadlineSeconds: Invalid value: 30: must be greater than minReadySeconds']],
    ['negative revisionHistoryLimit', deployment({ revisionHistoryLimit: -1 }), ['spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0']],
    ['selector operator', deployment({ selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In' }] } }), [
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      'spec.selector: Invalid value: {"matchLabels":{"app":"web"},"matchExpressions":[{"key":"tier","operator":"In"}]}: invalid label selector',
    ]],
  ])('%s', (_n, body, causes) => {
    const { api } = newTestAPI();
    const err = statusError(() => api.create(G.deployments, 'default', body));
    expect(err.code).toBe(422);
    expect(err.status.details?.causes?.map((c) => `${c.field}: ${c.message}`)).toEqual(causes);
    expect(err.status.message).toBe(`Deployment.apps "web" is invalid: ${causes.length === 1 ? causes[0] : `[${causes.join(', ')}]`}`);
  });
});

describe('Deployment updates', () => {
  it('the selector is immutable in apps/v1', () => {
    const { api } = newTestAPI();
    const d = mutable(api.create(G.deployments, 'default', deployment({})) as Deployment);
    d.spec.selector = { matchLabels: { app: 'web', tier: 'fe' } };
    d.spec.template.metadata!.labels = { app: 'web', tier: 'fe' };
    expect(statusError(() => api.update(G.deployments, 'default', d)).status.message).toBe(
      'Deployment.apps "web" is invalid: spec.selector: Invalid value: {"matchLabels":{"app":"web","tier":"fe"}}: field is immutable',
    );
  });

  it('spec and annotation changes bump the generation; status writes keep spec', () => {
    const { api } = newTestAPI();
    const d = mutable(api.create(G.deployments, 'default', deployment({})) as Deployment);
    d.spec.replicas = 3;
    const u = mutable(api.update(G.deployments, 'default', d) as Deployment);
    expect(u.metadata.generation).toBe(2);
    u.metadata.annotations = { 'kubernetes.io/change-cause': 'scale' };
    const v = mutable(api.update(G.deployments, 'default', u) as Deployment);
    expect(v.metadata.generation).toBe(3);
    v.spec.replicas = 7;
    v.status = { observedGeneration: 3, replicas: 3 };
    const s = api.update(G.deployments, 'default', v, { subresource: 'status' }) as Deployment;
    expect(s.spec.replicas).toBe(3);
    expect(s.status).toEqual({ observedGeneration: 3, replicas: 3 });
    expect(s.metadata.generation).toBe(3);
  });
});

describe('ReplicaSet and ReplicationController', () => {
  const rs = (spec: Record<string, unknown>): KubeObject => ({
    apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'frontend' },
    spec: { template: { metadata: { labels: { tier: 'frontend' } }, spec: { containers: [{ name: 'php', image: 'php' }] } }, ...spec },
  });

  it('ReplicaSet: replicas default 1, no selector defaulting (both errors, as kubectl shows)', () => {
    const { api } = newTestAPI();
    const err = statusError(() => api.create(G.replicasets, 'default', rs({})));
    expect(err.status.message).toBe(
      'ReplicaSet.apps "frontend" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: {"tier":"frontend"}: `selector` does not match template `labels`]',
    );
    const ok = api.create(G.replicasets, 'default', rs({ selector: { matchLabels: { tier: 'frontend' } } })) as ReplicaSet;
    expect(ok.spec.replicas).toBe(1);
    expect(ok.status).toEqual({ replicas: 0 });
    const changed = mutable(ok);
    changed.spec.selector = { matchLabels: { tier: 'backend' } };
    expect(statusError(() => api.update(G.replicasets, 'default', changed)).status.details?.causes?.map((c) => c.field)).toEqual([
      'spec.template.metadata.labels', 'spec.selector',
    ]);
  });

  it('RC: selector and labels default from the template; Orphan is its default propagation', () => {
    const { api } = newTestAPI();
    const rc = api.create(G.rcs, 'default', {
      apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'nginx' },
      spec: { template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
    }) as ReplicationController;
    expect(rc.spec.selector).toEqual({ app: 'nginx' });
    expect(rc.metadata.labels).toEqual({ app: 'nginx' });
    expect(rc.spec.replicas).toBe(1);
    const deleting = api.delete(G.rcs, 'default', 'nginx');
    expect(deleting.metadata.finalizers).toEqual(['orphan']);
  });

  it('RC without template labels or selector', () => {
    const { api } = newTestAPI();
    const err = statusError(() => api.create(G.rcs, 'default', {
      apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'x' },
      spec: { template: { spec: { containers: [{ name: 'a', image: 'nginx' }], restartPolicy: 'OnFailure' } } },
    }));
    expect(err.status.message).toBe(
      'ReplicationController "x" is invalid: [spec.selector: Required value, spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"]',
    );
  });
});
