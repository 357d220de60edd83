import type { Node, Pod } from '../../engine';
import { isReady } from '../checks';
import { defineLesson } from '../types';
import type { ClusterView } from '../view';

// TypeScript checks (node conditions and taints are lists, easier to read as code; the
// control-plane steps read the order of the commands).
const node = (v: ClusterView, name: string) => v.get('/nodes', undefined, name) as Node | undefined;
const readyStatus = (v: ClusterView, name: string) => node(v, name)?.status?.conditions?.find((c) => c.type === 'Ready')?.status;
const hasTaint = (v: ClusterView, name: string, key: string, effect: string) => !!node(v, name)?.spec?.taints?.some((t) => t.key === key && t.effect === effect);
const ran = (v: ClusterView, re: RegExp) => v.commands.some((c) => re.test(c.line) && c.exitCode === 0);

// Control-plane checks read the order of the commands: while a component is down, the objects
// cannot tell (nothing changes), so the story is "stopped, saw the effect, started, recovered".
type Outcome = 'ok' | 'failed' | 'any';
const KUBECTL = /^(kubectl )?(get|describe|delete|scale|create|apply|run|edit|logs|exec|rollout|top|label|annotate|expose|patch|set|cluster-info)\b/;
function indexOf(v: ClusterView, re: RegExp, from: number, outcome: Outcome = 'ok'): number {
  for (let i = Math.max(from, 0); i < v.commands.length; i++) {
    const c = v.commands[i];
    if (!re.test(c.line.trim()) || c.exitCode === undefined) continue;
    if (outcome === 'any' || (outcome === 'ok') === (c.exitCode === 0)) return i;
  }
  return -1;
}
/** Stopped COMPONENT, then a kubectl command failed, then started it, then a kubectl command worked. */
function apiOutage(v: ClusterView, component: string): boolean {
  const stop = indexOf(v, new RegExp(`^sim controlplane stop (kube-)?${component}$`), 0);
  const failed = stop < 0 ? -1 : indexOf(v, KUBECTL, stop + 1, 'failed');
  const start = failed < 0 ? -1 : indexOf(v, new RegExp(`^sim controlplane start (kube-)?${component}$`), failed + 1);
  return start >= 0 && indexOf(v, KUBECTL, start + 1) >= 0;
}
const trafficServed = (v: ClusterView) => (v.traffic?.['svc/web']?.requests ?? 0) >= 300 && (v.traffic?.['svc/web']?.errors ?? 1) === 0;
const time = (t?: string) => (t ? Date.parse(t) : NaN);
/** A pod that waited at least 10 s for a node, and runs now. */
const scheduledLate = (v: ClusterView) =>
  (v.list('/pods', 'default') as Pod[]).some((p) => {
    const scheduled = p.status?.conditions?.find((c) => c.type === 'PodScheduled' && c.status === 'True');
    return isReady(p) && time(scheduled?.lastTransitionTime) - time(p.metadata.creationTimestamp) >= 10_000;
  });
const readyWeb = (v: ClusterView) => (v.list('/pods', 'default') as Pod[]).filter((p) => p.metadata.labels?.app === 'web' && !p.metadata.deletionTimestamp && isReady(p)).length;

export default defineLesson({
  id: 'failure',
  number: 13,
  title: 'When things fail',
  summary: 'A node fails: NotReady, taints, eviction. Then each control-plane component in turn: who notices, what stops, what keeps running.',
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
    {
      id: 'apiserver',
      title: 'The API server goes down',
      check: (v) => apiOutage(v, 'apiserver') && trafficServed(v),
      hint: 'Run `sim traffic start svc/web --rps 20` and `sim controlplane stop apiserver`, try `kubectl get pods`, look at `sim traffic status`, then `sim controlplane start apiserver` and `kubectl get pods` again.',
      solution: [
        'sim traffic start svc/web --rps 20',
        'sim controlplane stop apiserver',
        'kubectl get pods',
        'kubectl scale deployment web --replicas=3',
        'sleep 20s',
        'sim traffic status',
        'sim controlplane status',
        'sim controlplane start apiserver',
        'sleep 10s',
        'kubectl get pods',
      ],
    },
    {
      id: 'etcd',
      title: 'etcd goes down',
      check: (v) => apiOutage(v, 'etcd') && trafficServed(v) && ran(v, /^sim traffic stop\b/),
      hint: 'Run `sim controlplane stop etcd`, try `kubectl get pods`, look at `sim traffic status`, then `sim controlplane start etcd`, `kubectl get pods` and `sim traffic stop`.',
      solution: [
        'sim controlplane stop etcd',
        'kubectl get pods',
        'sleep 20s',
        'sim traffic status',
        'sim controlplane start etcd',
        'sleep 10s',
        'kubectl get pods',
        'sim traffic stop',
      ],
    },
    {
      id: 'scheduler',
      title: 'The scheduler goes down',
      check: (v) => ran(v, /^sim controlplane stop (kube-)?scheduler$/) && ran(v, /^sim controlplane start (kube-)?scheduler$/) && scheduledLate(v),
      hint: 'Run `sim controlplane stop scheduler`, then `kubectl run extra --image=nginx:1.27`, wait, `kubectl describe pod extra`, then `sim controlplane start scheduler` and `kubectl get pod extra -o wide`.',
      solution: [
        'sim controlplane stop scheduler',
        'kubectl get pods -n kube-system',
        'kubectl run extra --image=nginx:1.27',
        'sleep 30s',
        'kubectl get pod extra',
        'kubectl describe pod extra',
        'sim controlplane start scheduler',
        'sleep 15s',
        'kubectl get pod extra -o wide',
      ],
    },
    {
      id: 'controller-manager',
      title: 'The controller manager goes down',
      check: (v) => {
        const stop = indexOf(v, /^sim controlplane stop (kube-)?controller-manager$/, 0);
        const del = stop < 0 ? -1 : indexOf(v, /^(kubectl )?delete (pods?|po)\b/, stop + 1);
        const start = del < 0 ? -1 : indexOf(v, /^sim controlplane start (kube-)?controller-manager$/, del + 1);
        return start >= 0 && readyWeb(v) === 6;
      },
      hint: 'Run `sim controlplane stop controller-manager`, delete a web pod, wait and `kubectl get pods`, then `sim controlplane start controller-manager` and watch the pod come back.',
      solution: [
        'sim controlplane stop controller-manager',
        'kubectl delete pod {pod:app=web}',
        'sleep 30s',
        'kubectl get pods -l app=web',
        'kubectl get deployment web',
        'sim controlplane start controller-manager',
        'sleep 20s',
        'kubectl get pods -l app=web',
      ],
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
    {
      question: 'The API server is down. What happens to the pods that are running and to the traffic they serve?',
      choices: [
        'They stop: the kubelet needs the API server to keep containers running',
        'They keep running and serving: kubelets keep their containers and kube-proxy keeps its rules; only changes are impossible',
        'They are rescheduled on the control-plane node',
      ],
      answer: 1,
      why: 'The control plane decides; the nodes do. Kubelets, container runtimes and kube-proxy keep the last state they were told. Nothing can be read or changed, nothing is replaced or rescheduled, until the API server is back.',
    },
    {
      question: 'The scheduler is stopped and you create a pod. What does `kubectl describe pod` show?',
      choices: [
        'Pending, with a FailedScheduling event',
        'Pending, with no events at all: nobody has looked at the pod yet',
        'Running on a random node',
      ],
      answer: 1,
      why: 'FailedScheduling is written by the scheduler when it tries and finds no node. With no scheduler, nothing happens at all; when it starts, it lists every pending pod and schedules it.',
    },
    {
      question: 'The controller manager is stopped and you delete a pod of a Deployment. What happens?',
      choices: [
        'The kubelet recreates it',
        'The API server recreates it from the ReplicaSet',
        'The pod is deleted and not replaced until the controller manager runs again; then the ReplicaSet controller creates a new one',
      ],
      answer: 2,
      why: 'Replacing pods is the ReplicaSet controller\'s job, one of the loops inside kube-controller-manager. The API server only stores objects; the kubelet only runs the pods bound to its node.',
    },
  ],
});
