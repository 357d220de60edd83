import { defineLesson } from '../types';

const rs = 'apps/replicasets/default/frontend';
const frontendPods = (extra: Record<string, unknown>) => ({ resource: '/pods', namespace: 'default', selector: 'tier=frontend', terminating: false, ...extra });

export default defineLesson({
  id: 'replicasets',
  number: 4,
  title: 'ReplicaSets and ReplicationControllers',
  summary: 'Desired versus observed state, scaling, and the control loop that adopts pods.',
  setup: { seed: 4 },
  steps: [
    {
      id: 'create',
      title: 'Create a ReplicaSet',
      check: { field: { object: rs, path: 'status.readyReplicas' }, equals: 3 },
      hint: 'Apply manifests/frontend.yaml and wait for three ready pods.',
      solution: ['kubectl apply -f manifests/frontend.yaml', 'sleep 30s'],
    },
    {
      id: 'observe',
      title: 'Desired and observed',
      check: { commandRan: { matches: '^(kubectl )?(get|describe) (rs|replicasets?|replicasets\\.apps)\\b' } },
      hint: 'Run `kubectl get rs frontend`.',
      solution: ['kubectl get rs frontend'],
    },
    {
      id: 'scale-up',
      title: 'Scale up',
      check: { all: [{ field: { object: rs, path: 'spec.replicas' }, equals: 5 }, { field: { object: rs, path: 'status.readyReplicas' }, equals: 5 }] },
      hint: 'Run `kubectl scale rs frontend --replicas=5`.',
      solution: ['kubectl scale rs frontend --replicas=5', 'sleep 30s'],
    },
    {
      id: 'scale-down',
      title: 'Scale down',
      check: { all: [{ field: { object: rs, path: 'spec.replicas' }, equals: 2 }, { count: frontendPods({}), equals: 2 }] },
      hint: 'Run `kubectl scale rs frontend --replicas=2`.',
      solution: ['kubectl scale rs frontend --replicas=2', 'sleep 30s'],
    },
    {
      id: 'orphan',
      title: 'Delete the ReplicaSet, keep its pods',
      check: { all: [{ absent: rs }, { count: frontendPods({ owner: '' }), equals: 2 }] },
      hint: 'Run `kubectl delete rs frontend --cascade=orphan`.',
      solution: ['kubectl delete rs frontend --cascade=orphan'],
    },
    {
      id: 'adopt',
      title: 'Adoption',
      check: { all: [{ exists: rs }, { count: frontendPods({ owner: 'ReplicaSet', ready: true }), equals: 3 }] },
      hint: 'Apply manifests/frontend.yaml again, then `kubectl get pods -l tier=frontend`.',
      solution: ['kubectl apply -f manifests/frontend.yaml', 'sleep 30s'],
    },
    {
      id: 'rc',
      title: 'The older ReplicationController',
      check: { field: { object: '/replicationcontrollers/default/nginx-rc', path: 'status.readyReplicas' }, equals: 2 },
      hint: 'Apply manifests/rc.yaml and run `kubectl get rc`.',
      solution: ['kubectl apply -f manifests/rc.yaml', 'sleep 30s'],
    },
  ],
  quiz: [
    {
      question: 'A ReplicaSet wants 3 pods and finds 4 matching pods it could own. What does it do?',
      choices: ['Nothing: 4 is at least 3', 'Deletes one, choosing by rank (not ready or newer first)', 'Creates one more to make it even'],
      answer: 1,
      why: 'It acts on the difference: 4 − 3 = 1 too many. It deletes first the pods that are least useful (unscheduled, pending, not ready, doubled up on a node, newest).',
    },
    {
      question: 'What is the main difference between a ReplicaSet and a ReplicationController?',
      choices: ['ReplicaSets support set-based selectors (matchExpressions)', 'ReplicationControllers cannot scale', 'ReplicaSets do not restart pods'],
      answer: 0,
      why: 'A ReplicationController selects with equality only. ReplicaSets replaced it and are what Deployments create.',
    },
  ],
});
