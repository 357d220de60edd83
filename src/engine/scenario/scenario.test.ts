import { describe, expect, it } from 'vitest';
import { executable, parseScenario, ScenarioError } from './parse';
import { createCluster } from '../index';
import { runScenario } from './run';

describe('parseScenario', () => {
  it('parses commands, comments, sleeps and heredocs with line numbers', () => {
    const steps = parseScenario(
      [
        '# a comment',
        '',
        'kubectl get pods',
        'sleep 30s',
        "kubectl apply -f - <<'YAML'",
        'apiVersion: v1',
        'kind: Namespace',
        'metadata: {name: dev}',
        'YAML',
        'sim node fail kind-worker',
        'sleep 1h30m',
        'sleep 500ms',
        'kubectl get \\',
        '  nodes',
      ].join('\n'),
    );
    expect(steps.map((s) => [s.line, s.kind, s.command])).toEqual([
      [3, 'kubectl', 'kubectl get pods'],
      [4, 'sleep', 'sleep 30s'],
      [5, 'kubectl', "kubectl apply -f - <<'YAML'"],
      [10, 'sim', 'sim node fail kind-worker'],
      [11, 'sleep', 'sleep 1h30m'],
      [12, 'sleep', 'sleep 500ms'],
      [13, 'kubectl', 'kubectl get nodes'],
    ]);
    expect(steps[2]).toMatchObject({ stdin: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: dev}\n' });
    expect(executable(steps[2])).toBe('kubectl apply -f -');
    expect(steps[1]).toMatchObject({ ms: 30_000 });
    expect(steps[4]).toMatchObject({ ms: 5_400_000 });
    expect(steps[5]).toMatchObject({ ms: 500 });
  });
  it('supports <<EOF, <<"EOF" and <<-EOF (tabs stripped)', () => {
    expect(parseScenario('kubectl apply -f - <<EOF\na: 1\nEOF\n')[0]).toMatchObject({ stdin: 'a: 1\n' });
    expect(parseScenario('kubectl apply -f - <<"END"\na: 1\nEND\n')[0]).toMatchObject({ stdin: 'a: 1\n' });
    expect(parseScenario('kubectl apply -f - <<-EOF\n\ta: 1\n\tEOF\n')[0]).toMatchObject({ stdin: 'a: 1\n' });
  });
  it.each([
    ['kubectl get pods\nfoo bar\n', 2, 'unknown command "foo": expected kubectl, sim, sleep, a comment or a blank line'],
    ['\n\nsleep soon\n', 3, 'invalid duration "soon" (e.g. 30s, 5m, 1h30m, 500ms)'],
    ['sleep\n', 1, 'usage: sleep DURATION (e.g. 30s, 5m, 1h30m, 500ms)'],
    ['# x\nkubectl apply -f - <<EOF\na: 1\n', 2, 'unterminated heredoc: no line "EOF" before the end of the file'],
    ['sim node fail x <<EOF\nEOF\n', 1, 'a heredoc can only feed a kubectl command'],
  ])('reports %j at line %i', (text, line, message) => {
    try {
      parseScenario(text);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      expect((e as ScenarioError).line).toBe(line);
      expect((e as ScenarioError).message).toBe(message);
    }
  });
});

describe('runScenario (whole engine)', () => {
  it('echoes each command and its output, advancing time for sleeps', () => {
    const cluster = createCluster({ seed: 1 });
    const start = cluster.now();
    const { transcript } = runScenario(
      cluster,
      parseScenario('kubectl create namespace dev\nsleep 1m\nkubectl get ns dev --no-headers\nkubectl apply -f - <<EOF\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\nEOF\n'),
    );
    expect(cluster.now() - start).toBeGreaterThanOrEqual(60_000);
    expect(transcript).toBe('$ kubectl create namespace dev\nnamespace/dev created\n$ sleep 1m\n$ kubectl get ns dev --no-headers\ndev   Active   60s\n$ kubectl apply -f - <<EOF\nnamespace/dev configured\n');
  });
});
