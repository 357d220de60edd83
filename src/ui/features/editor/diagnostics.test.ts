import { describe, expect, it } from 'vitest';
import { applyProblems, documentCount, yamlProblems } from './diagnostics';
import { liveYamlFor } from './liveDiff';

const TEXT = `apiVersion: v1
kind: ConfigMap
metadata:
  name: ok
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: bad
spec:
  replicas: -1
  template:
    spec:
      containers:
        - name: c
          image: nginx
`;

describe('editor diagnostics', () => {
  it('finds YAML syntax errors with their line', () => {
    const p = yamlProblems('a: 1\nb: [\n');
    expect(p.length).toBeGreaterThan(0);
    expect(p[0].line).toBeGreaterThanOrEqual(2);
    expect(yamlProblems(TEXT)).toEqual([]);
    expect(documentCount(TEXT)).toBe(2);
  });

  it('maps API server field errors to the field line of the right document', () => {
    const stderr = 'Error from server (Invalid): error when creating "STDIN": Deployment.apps "bad" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0, spec.template.spec.containers[0].image: Required value]\n';
    const p = applyProblems(TEXT, stderr);
    expect(p.map((x) => x.line)).toEqual([11, 16]);
    expect(p[0].message).toContain('spec.replicas: Invalid value: -1');
  });

  it('maps unknown kinds and kubectl YAML errors', () => {
    const p = applyProblems(TEXT.replace('kind: ConfigMap', 'kind: Foo'), 'resource mapping not found for name: "ok" namespace: "" from "STDIN": no matches for kind "Foo" in version "v1"\n');
    expect(p[0].line).toBe(2);
    expect(applyProblems('x', 'error: error parsing STDIN: error converting YAML to JSON: yaml: line 3: did not find expected key\n')[0].line).toBe(3);
  });

  it('review shows live objects, or says a document creates one', () => {
    const live = liveYamlFor(TEXT, { '/configmaps': { 'default/ok': { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'ok', namespace: 'default', uid: 'x', resourceVersion: '3' }, data: { a: 'b' } } as never } });
    expect(live).toContain('name: ok');
    expect(live).not.toContain('uid');
    expect(live).toContain('Deployment "bad" does not exist yet');
  });
});
