import { defineLesson } from '../types';

const ready = (selector: string, n: number) => ({ count: { resource: '/pods', namespace: 'default', selector, ready: true, terminating: false }, equals: n });

export default defineLesson({
  id: 'workloads',
  number: 11,
  title: 'DaemonSets, StatefulSets and Jobs',
  summary: 'One pod per node, pods with a stable identity and storage, and pods that run to completion.',
  setup: { seed: 11, speed: 5 },
  steps: [
    {
      id: 'daemonset',
      title: 'One pod per node',
      check: ready('app=node-agent', 3),
      hint: 'Apply manifests/node-agent.yaml, then `kubectl get pods -l app=node-agent -o wide`.',
      solution: ['kubectl apply -f manifests/node-agent.yaml', 'sleep 20s', 'kubectl get pods -l app=node-agent -o wide'],
    },
    {
      id: 'new-node',
      title: 'A new node gets one too',
      check: { all: [{ exists: '/nodes/kind-worker4' }, ready('app=node-agent', 4)] },
      hint: 'Run `sim node add`, wait a little, then `kubectl get pods -l app=node-agent -o wide`.',
      solution: ['sim node add', 'sleep 40s', 'kubectl get daemonset node-agent', 'kubectl get pods -l app=node-agent -o wide'],
    },
    {
      id: 'statefulset',
      title: 'A StatefulSet',
      check: {
        all: [
          { count: { resource: '/pods', namespace: 'default', name: 'web-*', ready: true }, equals: 2 },
          { count: { resource: '/persistentvolumeclaims', namespace: 'default', name: 'www-web-*', phase: 'Bound' }, equals: 2 },
        ],
      },
      hint: 'Apply manifests/statefulset-web.yaml and watch `kubectl get pods -l app=nginx` and `kubectl get pvc`.',
      solution: ['kubectl apply -f manifests/statefulset-web.yaml', 'sleep 5s', 'kubectl get pods -l app=nginx', 'sleep 60s', 'kubectl get pods -l app=nginx', 'kubectl get pvc'],
    },
    {
      id: 'identity',
      title: 'Sticky identity',
      check: {
        all: [
          { commandRan: { matches: '^(kubectl )?delete (pod|pods|po)[ /]web-0\\b' } },
          { count: { resource: '/pods', namespace: 'default', name: 'web-0', ready: true, terminating: false }, equals: 1 },
          { count: { resource: '/persistentvolumeclaims', namespace: 'default', name: 'www-web-*' }, equals: 2 },
        ],
      },
      hint: 'Run `kubectl delete pod web-0`, then `kubectl get pods -l app=nginx` and `kubectl get pvc`.',
      solution: ['kubectl delete pod web-0', 'sleep 30s', 'kubectl get pods -l app=nginx', 'kubectl get pvc'],
    },
    {
      id: 'dns',
      title: 'A DNS name per pod',
      check: { commandRan: { matches: '^(kubectl )?exec (-it? |-ti )?client -- nslookup web-[01]\\.nginx\\b' } },
      hint: 'Run `kubectl run client --image=busybox:1.36 -- sleep 3600`, then `kubectl exec client -- nslookup web-0.nginx`.',
      solution: ['kubectl run client --image=busybox:1.36 -- sleep 3600', 'sleep 15s', 'kubectl exec client -- nslookup nginx', 'kubectl exec client -- nslookup web-0.nginx'],
    },
    {
      id: 'job',
      title: 'Run to completion',
      check: { all: [{ field: { object: 'batch/jobs/default/pi', path: 'status.succeeded' }, equals: 1 }, { commandRan: { matches: '^(kubectl )?logs\\b' } }] },
      hint: 'Apply manifests/job-pi.yaml, wait for `kubectl get job pi` to show 1/1, then `kubectl logs` its pod.',
      solution: ['kubectl apply -f manifests/job-pi.yaml', 'sleep 90s', 'kubectl get job pi', 'kubectl get pods -l job-name=pi', 'kubectl logs {pod:job-name=pi}'],
    },
    {
      id: 'retries',
      title: 'Retries and giving up',
      check: { event: { reason: 'BackoffLimitExceeded', namespace: 'default', object: 'flaky' } },
      hint: 'Apply manifests/job-flaky.yaml and wait about a minute: `kubectl get pods -l job-name=flaky`, then `kubectl describe job flaky`.',
      solution: ['kubectl apply -f manifests/job-flaky.yaml', 'sleep 90s', 'kubectl get pods -l job-name=flaky', 'kubectl get job flaky'],
    },
    {
      id: 'cronjob',
      title: 'On a schedule',
      check: { count: { resource: 'batch/jobs', namespace: 'default', owner: 'CronJob', field: { path: 'status.succeeded', equals: 1 } }, atLeast: 2 },
      hint: 'Apply manifests/cronjob.yaml and wait a few minutes (speed up time from the header), then `kubectl get jobs`.',
      solution: ['kubectl apply -f manifests/cronjob.yaml', 'sleep 3m', 'kubectl get cronjob hello', 'kubectl get jobs'],
    },
  ],
  quiz: [
    {
      question: 'A DaemonSet runs on three workers and you add a fourth node. What happens?',
      choices: ['Nothing until you scale the DaemonSet', 'The DaemonSet controller creates a pod for the new node', 'One of the three pods moves to the new node'],
      answer: 1,
      why: 'A DaemonSet has no replica count: it wants one pod on every eligible node, so a new node gets one as soon as it joins.',
    },
    {
      question: 'You delete pod web-0 of a StatefulSet. What comes back?',
      choices: ['A pod with a random name and a new empty volume', 'A pod named web-0 that mounts the same claim, www-web-0', 'Nothing, StatefulSet pods are not replaced'],
      answer: 1,
      why: 'StatefulSet pods have a stable identity: the ordinal name, the DNS name web-0.nginx and the claim made from the volumeClaimTemplate. The pod IP may change; the name does not.',
    },
    {
      question: 'A Job has backoffLimit: 2 and its pod always fails (restartPolicy: Never). How many pods does it run before it is marked Failed?',
      choices: ['1', '2', '3', 'It keeps retrying forever'],
      answer: 2,
      why: 'The first try plus two retries: the Job fails when the number of failed pods exceeds backoffLimit. The retries are spaced by a growing back-off (10 s, 20 s, …).',
    },
  ],
});
