import { defineLesson } from '../types';

export default defineLesson({
  id: 'tour',
  number: 1,
  title: 'Tour of a cluster',
  summary: 'The control plane, the nodes and the add-ons, seen with kubectl.',
  setup: { seed: 1 },
  steps: [
    { id: 'nodes', title: 'List the nodes', check: { commandRan: { matches: '^(kubectl )?get (nodes|node|no)\\b' } }, hint: 'Run `kubectl get nodes`.', solution: ['kubectl get nodes'] },
    {
      id: 'system-pods',
      title: 'Find the system pods',
      check: { commandRan: { matches: '^(kubectl )?get (pods|pod|po)\\b.*(-A|--all-namespaces|-n kube-system|--namespace[= ]kube-system)' } },
      hint: 'Run `kubectl get pods -A` (all namespaces).',
      solution: ['kubectl get pods -A'],
    },
    {
      id: 'control-plane',
      title: 'Look inside the control-plane node',
      check: { commandRan: { matches: '^(kubectl )?describe (nodes?|no)[ /]kind-control-plane' } },
      hint: 'Run `kubectl describe node kind-control-plane` and read Taints and Non-terminated Pods.',
      solution: ['kubectl describe node kind-control-plane'],
    },
    {
      id: 'placement',
      title: 'See what runs on every node',
      check: { commandRan: { matches: '^(kubectl )?get (pods|pod|po)\\b.*-o wide' } },
      hint: 'Add `-o wide` to see the NODE column: `kubectl get pods -A -o wide`.',
      solution: ['kubectl get pods -A -o wide'],
    },
    {
      id: 'first-pod',
      title: 'Run your first pod',
      check: { count: { resource: '/pods', namespace: 'default', name: 'hello', phase: 'Running' }, equals: 1 },
      hint: 'Run `kubectl run hello --image=nginx:1.27` and wait a few seconds.',
      solution: ['kubectl run hello --image=nginx:1.27', 'sleep 20s'],
    },
    {
      id: 'events',
      title: 'Follow the path of a pod',
      check: { all: [{ commandRan: { matches: '^(kubectl )?(get (events|event|ev)|describe (pod|pods|po)[ /]hello)' } }, { event: { reason: 'Scheduled', namespace: 'default', object: 'hello' } }] },
      hint: 'Run `kubectl get events` (or `kubectl describe pod hello`).',
      solution: ['kubectl get events'],
    },
  ],
  quiz: [
    {
      question: 'Which component is the only one that reads and writes etcd?',
      choices: ['The scheduler', 'The kube-apiserver', 'The kubelet', 'The controller manager'],
      answer: 1,
      why: 'Every other component, and kubectl, talks to the API server; the API server validates requests and stores objects in etcd.',
    },
    {
      question: 'Who starts the containers of a pod?',
      choices: ['The scheduler', 'kube-proxy', 'The kubelet on the chosen node, through the container runtime', 'etcd'],
      answer: 2,
      why: 'The scheduler only writes the node\'s name into the pod. The kubelet on that node sees it and asks the container runtime (containerd in kind) to pull images and start containers.',
    },
  ],
});
