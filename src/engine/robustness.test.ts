// Bad input never crashes the engine, never half-applies, and always gets a kubectl-style error.
import { describe, expect, it } from 'vitest';
import { createCluster } from './index';

const POD = (name: string, extra = '') => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec: {containers: [{name: a, image: nginx${extra}}]}\n`;

const BAD: { line: string; stdin?: string; err: RegExp }[] = [
  { line: 'kubectl foo', err: /unknown command "foo" for "kubectl"/ },
  { line: 'kubectl get', err: /You must specify the type of resource to get/ },
  { line: 'kubectl get foo', err: /the server doesn't have a resource type "foo"/ },
  { line: 'kubectl get pods -o bogus', err: /unable to match a printer suitable for the output format "bogus"/ },
  { line: 'kubectl get pods -l "a in (b"', err: /unable to parse requirement/ },
  { line: 'kubectl get pods --foo', err: /unknown flag: --foo/ },
  { line: 'kubectl get pods "unterminated', err: /./ },
  { line: 'kubectl apply -f -', stdin: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: a\n    image: nginx\n   bad: indent\n', err: /error parsing STDIN: error converting YAML to JSON: yaml: line \d+/ },
  { line: 'kubectl apply -f -', stdin: 'apiVersion: apps/v1\nkind: Deploymnt\nmetadata:\n  name: web\n', err: /no matches for kind "Deploymnt" in version "apps\/v1"/ },
  { line: 'kubectl apply -f -', stdin: '- just\n- a list\n', err: /error validating "STDIN"/ },
  { line: 'kubectl apply -f -', stdin: 'kind: Pod\n', err: /apiVersion not set/ },
  { line: 'kubectl apply -f -', stdin: POD('UPPER'), err: /The Pod "UPPER" is invalid: metadata.name: Invalid value: "UPPER"/ },
  { line: 'kubectl apply -f -', stdin: POD('p1', ', ports: [{containerPort: "80"}]'), err: /cannot unmarshal string into Go struct field ContainerPort\.spec\.containers\.ports\.containerPort of type int32/ },
  { line: 'kubectl apply -f -', stdin: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p2}\nspec: {containers: "nope"}\n', err: /cannot unmarshal string into Go struct field PodSpec\.spec\.containers/ },
  { line: 'kubectl apply -f -', stdin: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d1}\nspec: {replicas: "three", selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}, spec: {containers: [{name: a, image: nginx}]}}}\n', err: /cannot unmarshal string into Go struct field DeploymentSpec\.spec\.replicas of type int32/ },
  { line: 'kubectl apply -f -', stdin: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d2}\nspec: {replicas: -1, selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}, spec: {containers: [{name: a, image: nginx}]}}}\n', err: /spec\.replicas: Invalid value: -1: must be greater than or equal to 0/ },
  { line: 'kubectl scale deploy/nothing --replicas=3', err: /deployments\.apps "nothing" not found/ },
  { line: 'kubectl delete pod', err: /resource\(s\) were provided, but no name was specified/ },
  { line: 'kubectl rollout undo deployment/nope', err: /deployments\.apps "nope" not found/ },
  { line: 'kubectl set image deployment/coredns -n kube-system nope=x', err: /unable to find container named "nope"/ },
  { line: 'kubectl describe pod nope', err: /pods "nope" not found/ },
  { line: 'kubectl cordon', err: /./ },
  { line: 'kubectl drain nope', err: /nodes "nope" not found/ },
  { line: 'sim node', err: /usage: sim node/ },
  { line: 'sim node fail nope', err: /node "nope" not found/ },
  { line: 'sim pod crash nope', err: /pod "nope" not found/ },
  { line: 'sim node add --cpu abc', err: /invalid --cpu "abc"/ },
  { line: 'sim frobnicate', err: /./ },
];

describe('bad input', () => {
  for (const b of BAD) {
    it(`${b.line}${b.stdin ? ` <<< ${JSON.stringify(b.stdin.slice(0, 40))}` : ''}`, () => {
      const c = createCluster({ seed: 1 });
      const before = JSON.stringify(c.snapshot().store.objects.filter((o) => o.gr !== '/events'));
      const r = c.run(b.line, b.stdin === undefined ? {} : { stdin: b.stdin });
      expect(r.exitCode).not.toBe(0);
      expect(r.stderr).toMatch(b.err);
      // Nothing was applied (events aside, which a failed request does not write either).
      const after = JSON.stringify(c.snapshot().store.objects.filter((o) => o.gr !== '/events'));
      expect(after).toBe(before);
      c.advance(30_000);
      expect(c.run('kubectl get nodes').stdout).toMatch(/kind-worker3\s+Ready/);
    });
  }

  it('a multi-document apply applies the valid documents and reports the invalid one', () => {
    const c = createCluster({ seed: 1 });
    const r = c.run('kubectl apply -f -', { stdin: `${POD('good-1')}---\n${POD('BAD')}---\n${POD('good-2')}` });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('pod/good-1 created\npod/good-2 created\n');
    expect(r.stderr).toMatch(/The Pod "BAD" is invalid/);
  });

  it('a YAML syntax error anywhere in the input applies nothing', () => {
    const c = createCluster({ seed: 1 });
    const r = c.run('kubectl apply -f -', { stdin: `${POD('good-1')}---\napiVersion: v1\nkind: Pod\nmetadata: {name: x\n` });
    expect(r.exitCode).toBe(1);
    expect(c.run('kubectl get pod good-1').exitCode).toBe(1);
  });

  it('survives deleting every node', () => {
    const c = createCluster({ seed: 1 });
    expect(c.run('kubectl delete nodes --all --wait=false').exitCode).toBe(0);
    c.advance(120_000);
    expect(c.run('kubectl get pods -n kube-system').stdout).toMatch(/coredns-\S+\s+0\/1\s+Pending/);
  });
});
