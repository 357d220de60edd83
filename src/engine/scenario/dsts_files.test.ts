// scenarios/daemonset.scenario and scenarios/statefulset.scenario replayed headless: each
// transcript must show what the file's comment promises.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import { parseScenario, runScenario } from './index';

const DIR = join(__dirname, '..', '..', '..', 'scenarios');
const transcript = (file: string) => runScenario(createCluster({ seed: 1 }), parseScenario(readFileSync(join(DIR, file), 'utf8')), {}).transcript;
function outputOf(t: string, command: string, n = -1): string {
  const b = t.split(/^\$ /m).filter((x) => x.startsWith(command)).at(n) ?? '';
  return b.slice(b.indexOf('\n') + 1);
}

describe('scenarios/ (DaemonSet, StatefulSet)', () => {
  it('daemonset: workers only, new node, failed node keeps its pod, rolling update', () => {
    const t = transcript('daemonset.scenario');
    expect(outputOf(t, 'kubectl get ds -n kube-system')).toMatch(/^fluentd-elasticsearch\s+3\s+3\s+3\s+3\s+3\s+<none>/m);
    expect(outputOf(t, 'kubectl get ds fluentd-elasticsearch -n kube-system')).toMatch(/^fluentd-elasticsearch\s+4\s+4\s+/m);
    expect(outputOf(t, 'kubectl get pods -n kube-system -l name=fluentd-elasticsearch -o wide', 1)).toMatch(/kind-worker2/);
    expect(outputOf(t, 'kubectl rollout status')).toMatch(/daemon set "fluentd-elasticsearch" successfully rolled out/);
  });
  it('statefulset: ordered pods, claims, scale down, partition', () => {
    const t = transcript('statefulset.scenario');
    // OrderedReady: web-1 may only exist once web-0 is Running and Ready.
    const first = outputOf(t, 'kubectl get pods -l app=nginx', 0);
    expect(first).toMatch(/^web-0\s/m);
    if (/^web-1\s/m.test(first)) expect(first).toMatch(/^web-0\s+1\/1\s+Running\s/m);
    expect(first).not.toMatch(/^web-2\s/m);
    expect(outputOf(t, 'kubectl get pvc', 0)).toMatch(/^www-web-0\s/m);
    expect(outputOf(t, 'kubectl get pvc', 1)).toMatch(/^www-web-1\s/m);
    expect(outputOf(t, 'kubectl get pods -l app=nginx', 2)).not.toMatch(/^web-1\s/m);
  });
});
