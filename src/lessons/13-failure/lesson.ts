import type { Node } from '../../engine';
import { defineLesson } from '../types';
import type { ClusterView } from '../view';

// TypeScript checks (node conditions and taints are lists, easier to read as code).
const node = (v: ClusterView, name: string) => v.get('/nodes', undefined, name) as Node | undefined;
const readyStatus = (v: ClusterView, name: string) => node(v, name)?.status?.conditions?.find((c) => c.type === 'Ready')?.status;
const hasTaint = (v: ClusterView, name: string, key: string, effect: string) => !!node(v, name)?.spec?.taints?.some((t) => t.key === key && t.effect === effect);
const ran = (v: ClusterView, re: RegExp) => v.commands.some((c) => re.test(c.line) && c.exitCode === 0);

export default defineLesson({
  id: 'failure',
  number: 13,
  title: 'When a node fails',
  summary: 'NotReady, taints, eviction after five minutes, pods recreated elsewhere.',
  setup: { seed: 13, speed: 10, commands: ['kubectl apply -f manifests/web.yaml', 'sleep 30s'] },
  steps: [
    {
      id: 'look',
      title: 'Where do the pods run?',
      check: { commandRan: { matches: '^(kubectl )?get (pods|pod|po)\\b.*-o wide' } },
      hint: 'Run `kubectl get pods -o wide`.',
      solution: ['kubectl get pods -o wide'],
    },
    {
      id: 'fail',
      title: 'Stop a node',
      check: (v) => readyStatus(v, 'kind-worker2') === 'Unknown',
      hint: 'Run `sim node fail kind-worker2` and wait about a minute.',
      solution: ['sim node fail kind-worker2', 'sleep 60s'],
    },
    {
      id: 'taints',
      title: 'Read the taints',
      check: (v) => hasTaint(v, 'kind-worker2', 'node.kubernetes.io/unreachable', 'NoExecute') && ran(v, /^(kubectl )?describe (nodes?|no)[ /]kind-worker2/),
      hint: 'Run `kubectl describe node kind-worker2`.',
      solution: ['kubectl describe node kind-worker2'],
    },
    {
      id: 'evicted',
      title: 'Eviction, five minutes later',
      check: { all: [{ event: { reason: 'TaintManagerEviction', namespace: 'default' } }, { count: { resource: '/pods', namespace: 'default', selector: 'app=web', ready: true, terminating: false }, equals: 6 }] },
      hint: 'Wait about five simulated minutes (speed up time from the header), then `kubectl get pods -o wide`.',
      solution: ['sleep 5m30s'],
    },
    {
      id: 'recover',
      title: 'Bring the node back',
      check: (v) => readyStatus(v, 'kind-worker2') === 'True' && ran(v, /^sim node recover kind-worker2/) && !v.list('/pods', 'default').some((p) => p.metadata.deletionTimestamp),
      hint: 'Run `sim node recover kind-worker2`.',
      solution: ['sim node recover kind-worker2', 'sleep 30s'],
    },
  ],
  quiz: [
    {
      question: 'A node stops sending heartbeats. About how long until its pods are deleted and replaced (v1.32 defaults)?',
      choices: ['At once', 'About 50 seconds', 'About 50 seconds + 5 minutes', '1 hour'],
      answer: 2,
      why: 'The node is marked NotReady after the 50 s grace period and tainted unreachable:NoExecute; every pod tolerates that taint for 300 s by default, then is evicted.',
    },
    {
      question: 'Why do the evicted pods stay Terminating until the node comes back?',
      choices: ['A bug', 'Only the kubelet can confirm the containers have stopped, and it is unreachable', 'The scheduler is waiting'],
      answer: 1,
      why: 'The containers may still be running behind a network partition. The ReplicaSet does not count terminating pods, so replacements run meanwhile.',
    },
  ],
});
