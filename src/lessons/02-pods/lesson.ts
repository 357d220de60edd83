import { defineLesson } from '../types';

export default defineLesson({
  id: 'pods',
  number: 2,
  title: 'Pods',
  summary: 'Create a pod from a manifest, follow its phases, read its logs, delete it.',
  setup: { seed: 2 },
  steps: [
    {
      id: 'apply',
      title: 'Create a pod from a manifest',
      check: { count: { resource: '/pods', namespace: 'default', name: 'hello', phase: 'Running', ready: true }, equals: 1 },
      hint: 'Press "apply" next to manifests/pod.yaml, or paste it into the editor and apply.',
      solution: ['kubectl apply -f manifests/pod.yaml', 'sleep 20s'],
    },
    {
      id: 'inspect',
      title: 'Read the pod\'s status',
      check: { commandRan: { matches: '^(kubectl )?(describe (pod|pods|po)[ /]hello|get (pod|pods|po)[ /]hello .*-o (yaml|json))' } },
      hint: 'Run `kubectl describe pod hello`.',
      solution: ['kubectl describe pod hello'],
    },
    {
      id: 'two-containers',
      title: 'Two containers, one pod',
      check: { count: { resource: '/pods', namespace: 'default', name: 'shared', ready: true }, equals: 1 },
      hint: 'Apply manifests/two-containers.yaml and wait until READY shows 2/2.',
      solution: ['kubectl apply -f manifests/two-containers.yaml', 'sleep 30s'],
    },
    {
      id: 'logs',
      title: 'Read the logs',
      check: { commandRan: { matches: '^(kubectl )?logs\\b' } },
      hint: 'Run `kubectl logs hello`. For a pod with two containers, add `-c CONTAINER`.',
      solution: ['kubectl logs hello'],
    },
    {
      id: 'exec',
      title: 'Run a command inside a container',
      check: { commandRan: { matches: '^(kubectl )?exec\\b.* -- ' } },
      hint: 'Run `kubectl exec hello -- hostname`.',
      solution: ['kubectl exec hello -- hostname'],
    },
    {
      id: 'delete',
      title: 'Delete the pod',
      check: { all: [{ absent: '/pods/default/hello' }, { commandRan: { matches: '^(kubectl )?delete (pod|pods|po)[ /]hello' } }] },
      hint: 'Run `kubectl delete pod hello`, then `kubectl get pods` a while later.',
      solution: ['kubectl delete pod hello', 'sleep 30s'],
    },
  ],
  quiz: [
    {
      question: 'Two containers in the same pod. How can one reach a server in the other on port 80?',
      choices: ['Through a Service', 'At localhost:80', 'They cannot talk to each other', 'At the node\'s IP'],
      answer: 1,
      why: 'Containers of one pod share one network namespace: one IP address, one localhost, one set of ports.',
    },
    {
      question: 'You delete a pod that you created with kubectl apply (no Deployment). What happens?',
      choices: ['The kubelet restarts it', 'It is gone for good', 'The scheduler creates a new one'],
      answer: 1,
      why: 'Nothing owns a bare pod, so nothing recreates it. Controllers such as ReplicaSets give you that (lesson 4).',
    },
  ],
});
