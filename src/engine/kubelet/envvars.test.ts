import { describe, expect, it } from 'vitest';
import type { ConfigMap, Secret } from '../api/config';
import type { Container, Pod } from '../api/core';
import { encodeBase64 } from '../api/base64';
import { expand, makeEnvironmentVariables, type EnvLookups } from './envvars';

const cms: Record<string, ConfigMap> = {
  'default/special-config': { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'special-config', namespace: 'default' }, data: { 'special.how': 'very', 'special.type': 'charm' } },
  'default/env-config': { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'env-config', namespace: 'default' }, data: { log_level: 'INFO' } },
};
const secrets: Record<string, Secret> = {
  'default/test-secret': { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'test-secret', namespace: 'default' }, data: { username: 'bXktYXBw', password: encodeBase64('39528$vdg7Jb') } },
};
const lookups: EnvLookups = { configMap: (ns, n) => cms[`${ns}/${n}`], secret: (ns, n) => secrets[`${ns}/${n}`] };
const rt = { podIP: '10.244.1.5', hostIP: '172.18.0.3', nodeName: 'kind-worker', nodeAllocatable: { cpu: '2', memory: '4Gi' } };
const services = () => [['KUBERNETES_SERVICE_HOST', '10.96.0.1'], ['KUBERNETES_SERVICE_PORT', '443']] as [string, string][];

function pod(c: Partial<Container>): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'dapi-test-pod', namespace: 'default', uid: 'u-1', labels: { app: 'web' } }, spec: { serviceAccountName: 'default', containers: [{ name: 'c', image: 'busybox', ...c }] } };
}

function build(c: Partial<Container>) {
  const p = pod(c);
  return makeEnvironmentVariables(p, p.spec.containers[0], lookups, rt, services);
}

describe('makeEnvironmentVariables', () => {
  it.each<[string, Partial<Container>, [string, string][]]>([
    ['plain values and $(VAR) expansion', { env: [{ name: 'A', value: 'x' }, { name: 'B', value: '$(A)-$(KUBERNETES_SERVICE_HOST)-$(NOPE)-$$(A)' }] },
      [['A', 'x'], ['B', 'x-10.96.0.1-$(NOPE)-$(A)'], ['KUBERNETES_SERVICE_HOST', '10.96.0.1'], ['KUBERNETES_SERVICE_PORT', '443']]],
    ['configMapKeyRef and secretKeyRef', { env: [
      { name: 'SPECIAL_LEVEL_KEY', valueFrom: { configMapKeyRef: { name: 'special-config', key: 'special.how' } } },
      { name: 'SECRET_USERNAME', valueFrom: { secretKeyRef: { name: 'test-secret', key: 'username' } } },
      { name: 'PW', valueFrom: { secretKeyRef: { name: 'test-secret', key: 'password' } } },
    ] }, [['SPECIAL_LEVEL_KEY', 'very'], ['SECRET_USERNAME', 'my-app'], ['PW', '39528$vdg7Jb'], ['KUBERNETES_SERVICE_HOST', '10.96.0.1'], ['KUBERNETES_SERVICE_PORT', '443']]],
    ['envFrom with a prefix, env overrides, optional refs skipped', {
      envFrom: [{ configMapRef: { name: 'env-config' }, prefix: 'CFG_' }, { configMapRef: { name: 'special-config' } }, { secretRef: { name: 'nope', optional: true } }],
      env: [{ name: 'special.how', value: 'overridden' }, { name: 'OPT', valueFrom: { configMapKeyRef: { name: 'special-config', key: 'missing', optional: true } } }],
    }, [['CFG_log_level', 'INFO'], ['special.how', 'overridden'], ['special.type', 'charm'], ['KUBERNETES_SERVICE_HOST', '10.96.0.1'], ['KUBERNETES_SERVICE_PORT', '443']]],
    ['fieldRef', { env: ['metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName', 'status.podIP', 'status.hostIP', "metadata.labels['app']"].map((f, i) => ({ name: `F${i}`, valueFrom: { fieldRef: { fieldPath: f } } })) },
      [['F0', 'dapi-test-pod'], ['F1', 'default'], ['F2', 'u-1'], ['F3', 'kind-worker'], ['F4', 'default'], ['F5', '10.244.1.5'], ['F6', '172.18.0.3'], ['F7', 'web'], ['KUBERNETES_SERVICE_HOST', '10.96.0.1'], ['KUBERNETES_SERVICE_PORT', '443']]],
    ['resourceFieldRef: ceil(value / divisor), node allocatable without a limit', {
      resources: { limits: { cpu: '500m', memory: '64Mi' }, requests: { cpu: '250m' } },
      env: [
        { name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } },
        { name: 'CPU_M', valueFrom: { resourceFieldRef: { resource: 'requests.cpu', divisor: '1m' } } },
        { name: 'MEM_MI', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
        { name: 'REQ_MEM', valueFrom: { resourceFieldRef: { resource: 'requests.memory' } } },
      ],
    }, [['CPU', '1'], ['CPU_M', '250'], ['MEM_MI', '64'], ['REQ_MEM', '0'], ['KUBERNETES_SERVICE_HOST', '10.96.0.1'], ['KUBERNETES_SERVICE_PORT', '443']]],
  ])('%s', (_n, c, want) => {
    const r = build(c);
    expect(r.error).toBeUndefined();
    expect(r.env).toEqual(want);
  });

  it.each<[string, Partial<Container>, string]>([
    ['missing ConfigMap', { env: [{ name: 'K', valueFrom: { configMapKeyRef: { name: 'x', key: 'k' } } }] }, 'configmap "x" not found'],
    ['missing key', { env: [{ name: 'K', valueFrom: { configMapKeyRef: { name: 'special-config', key: 'k' } } }] }, "couldn't find key k in ConfigMap default/special-config"],
    ['missing Secret', { env: [{ name: 'K', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }] }, 'secret "s" not found'],
    ['missing Secret key', { env: [{ name: 'K', valueFrom: { secretKeyRef: { name: 'test-secret', key: 'k' } } }] }, "couldn't find key k in Secret default/test-secret"],
    ['missing envFrom ConfigMap', { envFrom: [{ configMapRef: { name: 'gone' } }] }, 'configmap "gone" not found'],
  ])('%s -> CreateContainerConfigError', (_n, c, error) => {
    expect(build(c).error).toBe(error);
  });

  it('expand leaves unknown references and a trailing $ alone', () => {
    expect(expand('$(A)$(B)$', (n) => (n === 'A' ? '1' : undefined))).toBe('1$(B)$');
  });
});
