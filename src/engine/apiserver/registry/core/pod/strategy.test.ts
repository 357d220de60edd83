import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Pod } from '../../../../api/core';
import type { KubeObject } from '../../../../api/meta';
import { G, mutable, newTestAPI, pod, statusError } from '../../testing';

const create = (api: ReturnType<typeof newTestAPI>['api'], o: KubeObject) => api.create(G.pods, 'default', o) as Pod;

describe('pod defaults (SetDefaults_Pod / PodSpec / Container / Probe)', () => {
  it('stores what a real API server stores for `kubectl run web --image=nginx`', () => {
    const { api } = newTestAPI();
    const p = create(api, pod('web', { containers: [{ name: 'web', image: 'nginx', resources: {} }], restartPolicy: undefined }, { labels: { run: 'web' } }));
    const sa = p.spec.volumes![0].name;
    expect(sa).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(p.spec).toEqual({
      containers: [{
        name: 'web', image: 'nginx', imagePullPolicy: 'Always', resources: {},
        terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File',
        volumeMounts: [{ name: sa, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }],
      }],
      dnsPolicy: 'ClusterFirst', enableServiceLinks: true, preemptionPolicy: 'PreemptLowerPriority', priority: 0,
      restartPolicy: 'Always', schedulerName: 'default-scheduler', securityContext: {},
      serviceAccount: 'default', serviceAccountName: 'default', terminationGracePeriodSeconds: 30,
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
      volumes: [expect.objectContaining({ name: sa })],
    });
    expect(p.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.27', 'IfNotPresent'],
    ['localhost:5000/app', 'Always'],
    ['localhost:5000/app:v2', 'IfNotPresent'],
    ['nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'IfNotPresent'],
  ])('image %s gets imagePullPolicy %s', (image, policy) => {
    const { api } = newTestAPI();
    expect(create(api, pod('p', { containers: [{ name: 'a', image }] })).spec.containers[0].imagePullPolicy).toBe(policy);
  });

  it('defaults probes, ports and requests from limits', () => {
    const { api } = newTestAPI();
    const p = create(api, pod('p', {
      containers: [{
        name: 'a', image: 'nginx:1.27', ports: [{ containerPort: 80 }],
        livenessProbe: { httpGet: { port: 80 } },
        resources: { limits: { cpu: '500m', memory: '128Mi' } },
      }],
    }));
    const c = p.spec.containers[0];
    expect(c.ports).toEqual([{ containerPort: 80, protocol: 'TCP' }]);
    expect(c.livenessProbe).toEqual({ httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    expect(c.resources).toEqual({ limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '500m', memory: '128Mi' } });
    expect(p.status?.qosClass).toBe('Guaranteed');
  });

  it('keeps spec.nodeName a client set and drops a client-sent status', () => {
    const { api } = newTestAPI();
    const p = create(api, { ...pod('p', { nodeName: 'kind-worker' }), status: { phase: 'Running' } });
    expect(p.spec.nodeName).toBe('kind-worker');
    expect(p.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });
});

describe('QoS class (GetPodQOS)', () => {
  it.each([
    ['no resources', [{}], 'BestEffort'],
    ['limits only (requests default to them)', [{ limits: { cpu: '1', memory: '1Gi' } }], 'Guaranteed'],
    ['requests == limits', [{ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1000m', memory: '1024Mi' } }], 'Guaranteed'],
    ['requests < limits', [{ requests: { cpu: '250m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } }], 'Burstable'],
    ['cpu limit only', [{ limits: { cpu: '1' } }], 'Burstable'],
    ['only a memory request', [{ requests: { memory: '64Mi' } }], 'Burstable'],
    ['one container guaranteed, one empty', [{ limits: { cpu: '1', memory: '1Gi' } }, {}], 'Burstable'],
    ['zero requests count as none', [{ requests: { cpu: '0' } }], 'BestEffort'],
  ])('%s -> %s', (_name, resources, qos) => {
    const { api } = newTestAPI();
    const containers = resources.map((r, i) => ({ name: `c${i}`, image: 'nginx', resources: r }));
    expect(create(api, pod('p', { containers })).status?.qosClass).toBe(qos);
  });
});

describe('pod validation: exact messages', () => {
  const c = (extra: Record<string, unknown>) => ({ name: 'app', image: 'nginx', ...extra });
  it.each<[string, Record<string, unknown>, string[]]>([
    ['no containers', { containers: [] }, ['spec.containers: Required value']],
    ['missing image', { containers: [{ name: 'app' }] }, ['spec.containers[0].image: Required value']],
    ['bad container name', { containers: [c({ name: 'My_App' })] }, [
      `spec.containers[0].name: Invalid value: "My_App": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    ]],
    ['duplicate container names', { containers: [c({}), c({})] }, ['spec.containers[1].name: Duplicate value: "app"']],
    ['port out of range', { containers: [c({ ports: [{ containerPort: 70000 }] })] }, ['spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive']],
    ['duplicate port names', { containers: [c({ ports: [{ name: 'http', containerPort: 80 }, { name: 'http', containerPort: 81 }] })] }, ['spec.containers[0].ports[1].name: Duplicate value: "http"']],
    ['bad restartPolicy', { restartPolicy: 'Sometimes' }, ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"']],
    ['requests > limits', { containers: [c({ resources: { requests: { cpu: '2' }, limits: { cpu: '1' } } })] }, ['spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1']],
    ['requests > limits (canonical quantities)', { containers: [c({ resources: { requests: { memory: '2048Mi' }, limits: { memory: '1Gi' } } })] }, ['spec.containers[0].resources.requests: Invalid value: "2Gi": must be less than or equal to memory limit of 1Gi']],
    // (requests default to limits first, so a bad limit is reported twice, as on a real server)
    ['negative quantity', { containers: [c({ resources: { limits: { cpu: '-1' } } })] }, [
      'spec.containers[0].resources.limits[cpu]: Invalid value: "-1": must be greater than or equal to 0',
      'spec.containers[0].resources.requests[cpu]: Invalid value: "-1": must be greater than or equal to 0',
    ]],
    ['unknown resource', { containers: [c({ resources: { requests: { gpu: '1' } } })] }, ['spec.containers[0].resources.requests[gpu]: Invalid value: "gpu": must be a standard resource for containers']],
    ['probe thresholds', { containers: [c({ readinessProbe: { tcpSocket: { port: 80 }, periodSeconds: -5 }, livenessProbe: { exec: { command: ['true'] }, successThreshold: 2 } })] }, [
      'spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
      'spec.containers[0].readinessProbe.periodSeconds: Invalid value: -5: must be greater than or equal to 0',
    ]],
    ['probe without handler', { containers: [c({ livenessProbe: { periodSeconds: 5 } })] }, ['spec.containers[0].livenessProbe: Required value: must specify a handler type']],
    ['env var name', { containers: [c({ env: [{ name: 'A=B', value: 'x' }, { name: '', value: 'y' }] })] }, [
      `spec.containers[0].env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than '='`,
      'spec.containers[0].env[1].name: Required value',
    ]],
    ['mount of a missing volume', { containers: [c({ volumeMounts: [{ name: 'data', mountPath: '/data' }] })] }, ['spec.containers[0].volumeMounts[0].name: Not found: "data"']],
    ['duplicate volume names', { volumes: [{ name: 'v', emptyDir: {} }, { name: 'v', emptyDir: {} }] }, ['spec.volumes[1].name: Duplicate value: "v"']],
    ['toleration operator', { tolerations: [{ key: 'k', operator: 'Matches', value: 'v' }] }, ['spec.tolerations[0].operator: Unsupported value: "Matches": supported values: "Equal", "Exists"']],
    ['toleration effect', { tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoRun' }] }, ['spec.tolerations[0].effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"']],
    ['tolerationSeconds needs NoExecute', { tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 5 }] }, ["spec.tolerations[0].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set"]],
    ['nodeSelector value', { nodeSelector: { disk: 'fast ssd' } }, [
      `spec.nodeSelector: Invalid value: "fast ssd": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    ]],
    ['affinity In without values', { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In' }] }] } } } }, [
      "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
    ]],
    ['affinity with no terms', { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } } }, [
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: Required value: must have at least one node selector term',
    ]],
    ['affinity operator', { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, preference: { matchExpressions: [{ key: 'zone', operator: 'Near', values: ['a'] }] } }] } } }, [
      'spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100',
      'spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference.matchExpressions[0].operator: Invalid value: "Near": not a valid selector operator',
    ]],
  ])('%s', (_name, spec, causes) => {
    const { api } = newTestAPI();
    const err = statusError(() => create(api, pod('bad', spec)));
    expect(err.code).toBe(422);
    expect(err.status.details?.causes?.map((x) => `${x.field}: ${x.message}`)).toEqual(causes);
    const joined = causes.length === 1 ? causes[0] : `[${causes.join(', ')}]`;
    expect(err.status.message).toBe(`Pod "bad" is invalid: ${joined}`);
  });

  it('rejects the malformed node-affinity example at decoding, as a real server does', () => {
    const { api } = newTestAPI();
    const manifest = parse(readFileSync('/work/shared/k8s-examples/pods/pod-with-node-affinity.yaml', 'utf8')) as KubeObject;
    const err = statusError(() => create(api, manifest));
    expect(err.code).toBe(400);
    expect(err.status.reason).toBe('BadRequest');
    expect(err.status.message).toBe(
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal array into Go struct field NodeAffinity.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution of type v1.NodeSelector',
    );
  });

  it.each([
    [{ containers: [{ name: 'a', image: 'nginx', ports: [{ containerPort: '80' }] }] }, 'json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32'],
    [{ containers: { name: 'a', image: 'nginx' } }, 'json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container'],
    [{ containers: [{ name: 'a', image: 'nginx', resources: { limits: { memory: '1 GB' } } }] }, "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
  ])('decoding error %#', (spec, msg) => {
    const { api } = newTestAPI();
    expect(statusError(() => create(api, pod('p', spec))).status.message).toBe(`Pod in version "v1" cannot be handled as a Pod: ${msg}`);
  });
});

describe('pod updates', () => {
  const PREFIX =
    'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\n';

  function setup() {
    const h = newTestAPI();
    const p = create(h.api, pod('p', {}, { labels: { app: 'a' } }));
    return { ...h, p: mutable(p) };
  }

  it('allows image, activeDeadlineSeconds, added tolerations, labels and annotations', () => {
    const { api, p } = setup();
    p.spec.containers[0].image = 'nginx:1.27';
    p.spec.activeDeadlineSeconds = 60;
    p.spec.tolerations!.push({ key: 'gpu', operator: 'Exists', effect: 'NoSchedule' });
    p.metadata.labels = { app: 'b' };
    p.metadata.annotations = { note: 'x' };
    const u = api.update(G.pods, 'default', p) as Pod;
    expect(u.spec.containers[0].image).toBe('nginx:1.27');
    expect(u.metadata.labels).toEqual({ app: 'b' });
  });

  it.each<[string, (p: Pod) => void, string]>([
    ['restartPolicy', (p) => (p.spec.restartPolicy = 'Never'), `${PREFIX}  core.PodSpec{\n- \trestartPolicy: "Always",\n+ \trestartPolicy: "Never",\n  }`],
    ['container ports', (p) => (p.spec.containers[0].ports = [{ containerPort: 80 }]), PREFIX],
  ])('forbids changing %s', (_n, mutate, msg) => {
    const { api, p } = setup();
    mutate(p);
    const err = statusError(() => api.update(G.pods, 'default', p));
    expect(err.code).toBe(422);
    expect(err.status.message.startsWith(`Pod "p" is invalid: ${msg}`)).toBe(true);
  });

  it('forbids adding containers, removing tolerations and lengthening activeDeadlineSeconds', () => {
    const { api, p } = setup();
    const added = mutable(p);
    added.spec.containers.push({ name: 'b', image: 'busybox' });
    expect(statusError(() => api.update(G.pods, 'default', added)).status.message).toBe('Pod "p" is invalid: spec.containers: Forbidden: pod updates may not add or remove containers');
    // (DefaultTolerationSeconds puts its two tolerations back on every update; a user's own may not go)
    const withGpu = mutable(p);
    withGpu.spec.tolerations!.push({ key: 'gpu', operator: 'Exists', effect: 'NoSchedule' });
    const removed = mutable(api.update(G.pods, 'default', withGpu) as Pod);
    removed.spec.tolerations = removed.spec.tolerations!.filter((t) => t.key !== 'gpu');
    expect(statusError(() => api.update(G.pods, 'default', removed)).status.details?.causes?.[0]).toEqual({
      reason: 'FieldValueForbidden', field: 'spec.tolerations', message: 'Forbidden: existing toleration can not be modified except its tolerationSeconds',
    });
    const p2 = mutable(api.get(G.pods, 'default', 'p') as Pod);
    p2.spec.activeDeadlineSeconds = 30;
    const stored = mutable(api.update(G.pods, 'default', p2) as Pod);
    stored.spec.activeDeadlineSeconds = 60;
    expect(statusError(() => api.update(G.pods, 'default', stored)).status.message).toBe(
      'Pod "p" is invalid: spec.activeDeadlineSeconds: Invalid value: 60: must be less than or equal to previous value',
    );
  });

  it('status writes keep the spec', () => {
    const { api, p } = setup();
    const s = mutable(p);
    s.spec.containers[0].image = 'evil';
    s.status = { ...s.status, phase: 'Running', podIP: '10.244.1.5' };
    const u = api.update(G.pods, 'default', s, { subresource: 'status' }) as Pod;
    expect(u.spec.containers[0].image).toBe('nginx');
    expect(u.status?.phase).toBe('Running');
  });
});

describe('graceful deletion (CheckGracefulDelete)', () => {
  function bound(spec: Record<string, unknown> = {}) {
    const h = newTestAPI();
    create(h.api, pod('p', { nodeName: 'kind-worker', ...spec }));
    h.clock.setNow(10_000);
    return h;
  }

  it.each<[string, Record<string, unknown>, number | undefined, number]>([
    ['default 30 s', {}, undefined, 30],
    ['the pod spec period', { terminationGracePeriodSeconds: 10 }, undefined, 10],
    ['the requested period', {}, 5, 5],
    ['negative becomes 1', { terminationGracePeriodSeconds: -3 }, undefined, 1],
  ])('%s', (_n, spec, requested, grace) => {
    const { api } = bound(spec);
    const d = api.delete(G.pods, 'default', 'p', { gracePeriodSeconds: requested });
    expect(d.metadata.deletionGracePeriodSeconds).toBe(grace);
    expect(d.metadata.deletionTimestamp).toBe(new Date(Date.UTC(2025, 2, 3, 9, 0, 10 + grace)).toISOString().replace('.000Z', 'Z'));
    expect(api.tryGet(G.pods, 'default', 'p')).toBeDefined();
  });

  it('deletes at once when the pod is not bound, finished, or --grace-period=0', () => {
    const h = newTestAPI();
    create(h.api, pod('unbound'));
    h.api.delete(G.pods, 'default', 'unbound');
    expect(h.api.tryGet(G.pods, 'default', 'unbound')).toBeUndefined();

    const done = mutable(create(h.api, pod('done', { nodeName: 'kind-worker' })));
    h.api.update(G.pods, 'default', { ...done, status: { phase: 'Succeeded' } }, { subresource: 'status' });
    h.api.delete(G.pods, 'default', 'done');
    expect(h.api.tryGet(G.pods, 'default', 'done')).toBeUndefined();

    create(h.api, pod('forced', { nodeName: 'kind-worker' }));
    h.api.delete(G.pods, 'default', 'forced', { gracePeriodSeconds: 0 });
    expect(h.api.tryGet(G.pods, 'default', 'forced')).toBeUndefined();
  });

  it('a second delete keeps the pending deadline unless it shortens it', () => {
    const { api } = bound();
    const first = api.delete(G.pods, 'default', 'p');
    const again = api.delete(G.pods, 'default', 'p');
    expect(again.metadata.deletionTimestamp).toBe(first.metadata.deletionTimestamp);
    const shorter = api.delete(G.pods, 'default', 'p', { gracePeriodSeconds: 5 });
    expect(shorter.metadata.deletionGracePeriodSeconds).toBe(5);
  });
});

describe('pod field selectors', () => {
  it.each([
    ['spec.nodeName=kind-worker', ['a']],
    ['spec.nodeName=', ['b']],
    ['spec.nodeName!=kind-worker', ['b']],
    ['status.phase=Pending', ['a', 'b']],
    ['spec.restartPolicy=Never', ['b']],
    ['spec.schedulerName=default-scheduler,spec.serviceAccountName=default', ['a', 'b']],
    ['status.podIP=10.244.1.7', ['a']],
    ['status.nominatedNodeName=', ['a', 'b']],
  ])('%s', (selector, names) => {
    const { api } = newTestAPI();
    const a = mutable(create(api, pod('a', { nodeName: 'kind-worker' })));
    api.update(G.pods, 'default', { ...a, status: { ...a.status, podIP: '10.244.1.7', podIPs: [{ ip: '10.244.1.7' }] } }, { subresource: 'status' });
    create(api, pod('b', { restartPolicy: 'Never' }));
    expect(api.list(G.pods, 'default', { fieldSelector: selector }).items.map((p) => p.metadata.name)).toEqual(names);
  });

  it('rejects an unknown field', () => {
    const { api } = newTestAPI();
    expect(statusError(() => api.list(G.pods, 'default', { fieldSelector: 'spec.image=x' })).code).toBe(400);
  });
});
