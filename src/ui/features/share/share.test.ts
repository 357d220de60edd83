import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../engine';
import { exportBundle, isUserObject, stripGenerated } from './bundle';
import { decodeScenario, encodeScenario, fromBase64Url, scenarioFromSession, scenarioParam, shareUrl, toBase64Url } from './shareLink';
import { parse, parseAllDocuments } from 'yaml';

describe('share link', () => {
  it('round-trips a scenario through deflate + base64url', async () => {
    const s = { v: 1 as const, seed: 7, commands: [{ time: 91000, line: 'kubectl apply -f -', stdin: 'kind: Namespace\n'.repeat(50) }], time: 95000, manifests: 'a: b\n' };
    const text = await encodeScenario(s);
    expect(text).toMatch(/^z[A-Za-z0-9_-]+$/);
    expect(text.length).toBeLessThan(JSON.stringify(s).length);
    expect(await decodeScenario(text)).toEqual(s);
  });

  it('puts the scenario in the fragment and reads it back', async () => {
    const url = await shareUrl('http://x.test/?seed=3#old', { v: 1, seed: 1, commands: [] });
    expect(url).toMatch(/^http:\/\/x\.test\/#scenario=z/);
    expect(await decodeScenario(scenarioParam(url)!)).toEqual({ v: 1, seed: 1, commands: [] });
  });

  it('base64url has no +, / or =', () => {
    const bytes = new Uint8Array([251, 255, 191, 0, 1]);
    expect(toBase64Url(bytes)).not.toMatch(/[+/=]/);
    expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
  });

  it('leaves read-only commands and unreplayed ones out of a scenario', () => {
    const s = scenarioFromSession(
      { format: 'kube-playground-session', version: 1, seed: 2, applied: 2, log: [{ time: 1, line: 'kubectl get pods' }, { time: 2, line: 'kubectl create ns a' }, { time: 3, line: 'kubectl create ns b' }] },
      10,
    );
    expect(s.commands.map((c) => c.line)).toEqual(['kubectl create ns a']);
  });
});

const dep: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', uid: 'u1', resourceVersion: '9', generation: 2, creationTimestamp: '2025-03-03T09:00:00Z', annotations: { 'deployment.kubernetes.io/revision': '1', team: 'a' }, managedFields: [] } as never,
  spec: { replicas: 3 },
  status: { replicas: 3 },
} as KubeObject;

describe('YAML bundle', () => {
  it('strips what the cluster generated', () => {
    const o = stripGenerated(dep) as unknown as Record<string, Record<string, unknown>>;
    expect(o.status).toBeUndefined();
    expect(o.metadata).toEqual({ name: 'web', namespace: 'default', annotations: { team: 'a' } });
    const svc = stripGenerated({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'default' }, spec: { clusterIP: '10.96.0.5', clusterIPs: ['10.96.0.5'], ports: [{ port: 80 }] } } as KubeObject) as unknown as { spec: Record<string, unknown> };
    expect(svc.spec).toEqual({ ports: [{ port: 80 }] });
  });

  it('keeps user objects only, namespaces first', () => {
    const rs = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-1', namespace: 'default', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'u1', controller: true }] } } as KubeObject;
    const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } } as KubeObject;
    const sys = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'coredns', namespace: 'kube-system' } } as KubeObject;
    expect(isUserObject('apps/replicasets', rs)).toBe(false);
    expect(isUserObject('/pods', sys)).toBe(false);
    const text = exportBundle({ 'apps/deployments': { 'default/web': dep }, 'apps/replicasets': { 'default/web-1': rs }, '/namespaces': { shop: ns, default: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } } as KubeObject }, '/pods': { 'kube-system/coredns': sys } });
    const docs = parseAllDocuments(text).map((d) => d.toJS());
    expect(docs.map((d) => `${d.kind}/${d.metadata.name}`)).toEqual(['Namespace/shop', 'Deployment/web']);
    expect(parse(text.split('---\n')[1]).status).toBeUndefined();
  });
});
