// The demo scenarios in scenarios/ replayed through the scenario runner, as a lecturer would
// rehearse them: each transcript must show the behaviour the file's comment promises.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import { parseScenario, runScenario } from './index';

const DIR = join(__dirname, '..', '..', '..', 'scenarios');

function transcript(file: string, seed = 1): string {
  const text = readFileSync(join(DIR, file), 'utf8');
  const cluster = createCluster({ seed });
  return runScenario(cluster, parseScenario(text), {
    readFile: (p: string) => readFileSync(join(DIR, p), 'utf8'),
  }).transcript;
}

/** The output block printed after `$ <command>` (the n-th occurrence, 0-based; -1 = last). */
function outputOf(t: string, command: string, n = -1): string {
  const blocks = t.split(/^\$ /m).filter((b) => b.startsWith(command));
  const b = blocks.at(n) ?? '';
  return b.slice(b.indexOf('\n') + 1);
}

describe('scenarios/', () => {
  it('self-healing: the ReplicaSet replaces deleted pods', () => {
    const t = transcript('self-healing.scenario');
    const right = outputOf(t, 'kubectl get pods -l app=web', 1);
    expect(right.match(/Terminating/g)).toHaveLength(3);
    expect(right.match(/ContainerCreating|Pending/g)).toHaveLength(3);
    expect(outputOf(t, 'kubectl get pods -l app=web').match(/1\/1\s+Running/g)).toHaveLength(3);
    expect(outputOf(t, 'kubectl get deployment web')).toMatch(/^web\s+3\/3\s+3\s+3\s+60s$/m);
  });

  it('rolling-update: rolls out, records revisions, rolls back', () => {
    const t = transcript('rolling-update.scenario');
    expect(t.match(/deployment "web" successfully rolled out/g)).toHaveLength(3);
    const rsAfter = outputOf(t, 'kubectl get rs -l app=web');
    expect(rsAfter).toMatch(/^web-\w+\s+0\s+0\s+0\s+/m);
    expect(rsAfter).toMatch(/^web-\w+\s+10\s+10\s+10\s+/m);
    expect(outputOf(t, 'kubectl rollout history deployment/web')).toMatch(/REVISION\s+CHANGE-CAUSE\n2\s+<none>\n3\s+<none>/);
    expect(outputOf(t, 'kubectl rollout undo deployment/web')).toBe('deployment.apps/web rolled back\n');
  });

  it('crashloop: restarts back off to CrashLoopBackOff', () => {
    const t = transcript('crashloop.scenario');
    const last = outputOf(t, 'kubectl get pod crasher');
    const m = /crasher\s+0\/1\s+(\S+)\s+(\d+) \(/.exec(last);
    expect(m?.[1]).toBe('CrashLoopBackOff');
    expect(Number(m?.[2])).toBeGreaterThanOrEqual(5);
    expect(outputOf(t, 'kubectl describe pod crasher')).toMatch(/Warning\s+BackOff\s+.*Back-off restarting failed container/);
  });

  it('unschedulable: Pending with the scheduler\'s reason', () => {
    const t = transcript('unschedulable.scenario');
    expect(outputOf(t, 'kubectl get pod huge')).toMatch(/huge\s+0\/1\s+Pending\s+0\s+10s/);
    expect(outputOf(t, 'kubectl describe pod huge')).toContain(
      'Warning  FailedScheduling  10s   default-scheduler  0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu.',
    );
  });

  it('node-failure: NotReady, tainted, pods recreated elsewhere', () => {
    const t = transcript('node-failure.scenario');
    expect(outputOf(t, 'kubectl get nodes', 0)).toMatch(/kind-worker2\s+NotReady/);
    expect(outputOf(t, 'kubectl describe node kind-worker2')).toMatch(/Taints:\s+node\.kubernetes\.io\/unreachable:NoSchedule\n\s+node\.kubernetes\.io\/unreachable:NoExecute/);
    const after = outputOf(t, 'kubectl get pods -o wide', 1);
    const live = after.split('\n').filter((l) => /\s1\/1\s+Running/.test(l));
    expect(live).toHaveLength(6);
    expect(live.every((l) => !l.includes('kind-worker2'))).toBe(true);
    expect(after).toMatch(/Terminating\s.*kind-worker2/);
    expect(outputOf(t, 'kubectl get deployment web', 0)).toMatch(/^web\s+6\/6/m);
    expect(outputOf(t, 'kubectl get nodes', 1)).toMatch(/kind-worker2\s+Ready/);
  });
});
