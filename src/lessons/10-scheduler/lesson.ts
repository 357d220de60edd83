import { defineLesson } from '../types';

export default defineLesson({
  id: 'scheduler',
  number: 10,
  title: 'The scheduler',
  summary: 'Filtering and scoring, requests, selectors and affinity, taints, Pending pods, cordon and drain.',
  setup: { seed: 10, speed: 2 },
  steps: [
    {
      id: 'requests',
      title: 'Pods that ask for resources',
      check: { count: { resource: '/pods', namespace: 'default', selector: 'app=web', ready: true }, equals: 3 },
      hint: 'Apply manifests/web.yaml and wait for three ready pods.',
      solution: ['kubectl apply -f manifests/web.yaml', 'sleep 30s'],
    },
    {
      id: 'capacity',
      title: 'Read a node\'s capacity',
      check: { commandRan: { matches: '^(kubectl )?describe (nodes?|no)\\b' } },
      hint: 'Run `kubectl describe node kind-worker` and find "Allocated resources".',
      solution: ['kubectl describe node kind-worker'],
    },
    {
      id: 'pending',
      title: 'A pod that fits nowhere',
      check: { all: [{ count: { resource: '/pods', namespace: 'default', name: 'big', phase: 'Pending', node: '' }, equals: 1 }, { event: { reason: 'FailedScheduling', namespace: 'default', object: 'big', message: 'Insufficient cpu' } }] },
      hint: 'Apply manifests/big.yaml, then `kubectl describe pod big`.',
      solution: ['kubectl apply -f manifests/big.yaml', 'sleep 5s'],
    },
    {
      id: 'node-selector',
      title: 'Choose a node with nodeSelector',
      check: { count: { resource: '/pods', namespace: 'default', name: 'pinned', node: 'kind-worker2', phase: 'Running' }, equals: 1 },
      hint: 'Apply manifests/pinned.yaml and check the NODE column of `kubectl get pods -o wide`.',
      solution: ['kubectl apply -f manifests/pinned.yaml', 'sleep 20s'],
    },
    {
      id: 'toleration',
      title: 'Tolerate a taint',
      check: { count: { resource: '/pods', namespace: 'default', name: 'tolerant', node: 'kind-control-plane', phase: 'Running' }, equals: 1 },
      hint: 'Apply manifests/tolerant.yaml.',
      solution: ['kubectl apply -f manifests/tolerant.yaml', 'sleep 20s'],
    },
    {
      id: 'cordon',
      title: 'Cordon a node',
      check: { field: { object: '/nodes/kind-worker3', path: 'spec.unschedulable' }, value: true },
      hint: 'Run `kubectl cordon kind-worker3`.',
      solution: ['kubectl cordon kind-worker3'],
    },
    {
      id: 'drain',
      title: 'Drain it',
      check: {
        all: [
          { commandRan: { matches: '^(kubectl )?drain kind-worker3' } },
          { count: { resource: '/pods', namespace: 'default', node: 'kind-worker3', terminating: false }, equals: 0 },
          { count: { resource: '/pods', namespace: 'default', selector: 'app=web', ready: true, terminating: false }, equals: 3 },
        ],
      },
      hint: 'Run `kubectl drain kind-worker3 --ignore-daemonsets`.',
      solution: ['kubectl drain kind-worker3 --ignore-daemonsets', 'sleep 30s'],
    },
  ],
  quiz: [
    {
      question: 'A worker has 2 CPUs and its pods request 1600m in total. Can a pod requesting 500m be scheduled there?',
      choices: ['Yes, if the node is idle', 'No: 1600m + 500m is more than 2000m', 'Yes, requests are only hints'],
      answer: 1,
      why: 'The NodeResourcesFit filter adds up requests, not actual usage: 2100m > 2000m allocatable, so the node is filtered out.',
    },
    {
      question: 'What does a toleration do?',
      choices: ['Sends the pod to the tainted node', 'Allows the pod onto a tainted node, without requiring it', 'Removes the taint'],
      answer: 1,
      why: 'Taints repel; a toleration only lifts that. To attract a pod to a node, add a nodeSelector or node affinity as well.',
    },
  ],
});
