import type { Pod } from '../../engine';
import { defineLesson } from '../types';
import type { ClusterView } from '../view';

const restartsOf = (v: ClusterView, pod: string, container: string) =>
  (v.get('/pods', 'default', pod) as Pod | undefined)?.status?.containerStatuses?.find((c) => c.name === container)?.restartCount;
const readyPod = (name: string) => ({ count: { resource: '/pods', namespace: 'default', name, ready: true, terminating: false }, equals: 1 });

export default defineLesson({
  id: 'sidecars',
  number: 15,
  title: 'Sidecars and multi-container pods',
  summary: 'Several containers in one pod: a log shipper sharing a volume, native sidecars, ambassadors and adapters.',
  setup: { seed: 15, speed: 5 },
  steps: [
    {
      id: 'two',
      title: 'Two containers, one pod',
      check: readyPod('web-logs'),
      hint: 'Apply manifests/log-shipper.yaml and wait until `kubectl get pod web-logs` shows 2/2.',
      solution: ['kubectl apply -f manifests/log-shipper.yaml', 'sleep 20s', 'kubectl get pod web-logs -o wide'],
    },
    {
      id: 'inside',
      title: 'Look inside',
      check: { all: [{ commandRan: { matches: '^(kubectl )?describe (pod|pods|po)[ /]web-logs\\b' } }, { commandRan: { matches: '^(kubectl )?logs web-logs .*(-c|--container)[ =]?\\S+' } }] },
      hint: 'Run `kubectl describe pod web-logs`, then `kubectl logs web-logs -c shipper`.',
      solution: ['kubectl describe pod web-logs', 'kubectl logs web-logs -c shipper'],
    },
    {
      id: 'crash',
      title: 'One container fails',
      check: (v) => (restartsOf(v, 'web-logs', 'shipper') ?? 0) >= 1 && restartsOf(v, 'web-logs', 'nginx') === 0,
      hint: 'Run `sim pod crash web-logs -c shipper`, then `kubectl get pod web-logs`.',
      solution: ['sim pod crash web-logs -c shipper', 'sleep 5s', 'kubectl get pod web-logs'],
    },
    {
      id: 'native',
      title: 'A native sidecar',
      check: { count: { resource: '/pods', namespace: 'default', selector: 'app.kubernetes.io/name=myapp', ready: true, terminating: false }, equals: 1 },
      hint: 'Apply manifests/myapp-sidecar.yaml, then `kubectl get pods -l app.kubernetes.io/name=myapp` and `kubectl describe pod -l app.kubernetes.io/name=myapp`.',
      solution: ['kubectl apply -f manifests/myapp-sidecar.yaml', 'sleep 20s', 'kubectl get pods -l app.kubernetes.io/name=myapp', 'kubectl describe pod -l app.kubernetes.io/name=myapp'],
    },
    {
      id: 'job',
      title: 'A sidecar does not keep a Job alive',
      check: { field: { object: 'batch/jobs/default/myjob', path: 'status.succeeded' }, equals: 1 },
      hint: 'Apply manifests/job-sidecar.yaml and wait for `kubectl get job myjob` to show 1/1.',
      solution: ['kubectl apply -f manifests/job-sidecar.yaml', 'sleep 30s', 'kubectl get job myjob', 'kubectl get pods -l job-name=myjob'],
    },
    {
      id: 'patterns',
      title: 'Ambassador and adapter',
      check: { all: [readyPod('app-with-ambassador'), readyPod('app-with-adapter')] },
      hint: 'Apply manifests/ambassador.yaml and wait until both pods show 2/2.',
      solution: ['kubectl apply -f manifests/ambassador.yaml', 'sleep 30s', 'kubectl get pods -l pattern'],
    },
  ],
  quiz: [
    {
      question: 'Which of these do the containers of one pod share?',
      choices: ['Only the node', 'The node, the network namespace (one IP, localhost) and any volumes they both mount', 'Everything, including their filesystems'],
      answer: 1,
      why: 'Each container has its own image and root filesystem; a volume mounted in both is the way to share files. They share one IP, so they reach each other on localhost and must not use the same port.',
    },
    {
      question: 'The shipper container crashes. What is restarted?',
      choices: ['The whole pod, with a new IP', 'Only the shipper container, in place', 'Nothing, sidecars are never restarted'],
      answer: 1,
      why: 'The kubelet restarts containers one by one according to the restart policy. The pod, its IP and its emptyDir volume stay.',
    },
    {
      question: 'Why declare a log shipper as an init container with `restartPolicy: Always` rather than as a second container?',
      choices: [
        'It starts before the app containers, keeps running beside them, and does not stop a Job from completing',
        'It uses less memory',
        'Regular containers cannot share volumes',
      ],
      answer: 0,
      why: 'Native sidecars (beta and on by default in v1.32, stable in v1.33) start in order before the main containers, are restarted if they exit, and are stopped after the main containers finish.',
    },
  ],
});
