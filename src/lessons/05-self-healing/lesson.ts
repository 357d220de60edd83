import { defineLesson } from '../types';

const running = (app: string, n: number) => ({ count: { resource: '/pods', namespace: 'default', selector: `app=${app}`, ready: true, terminating: false }, equals: n });

export default defineLesson({
  id: 'self-healing',
  number: 5,
  title: 'Self-healing',
  summary: 'Kill pods and containers and watch Kubernetes put things back.',
  setup: { seed: 5, speed: 5 },
  steps: [
    {
      id: 'deploy',
      title: 'Run three replicas',
      check: running('web', 3),
      hint: 'Press "apply" next to manifests/web.yaml, then wait until three web pods show 1/1 Running.',
      solution: ['kubectl apply -f manifests/web.yaml', 'sleep 30s'],
    },
    {
      id: 'kill-one',
      title: 'Kill one pod',
      check: { all: [{ commandRan: { matches: '^(kubectl )?delete (pod|pods|po) [a-z0-9-]+' } }, running('web', 3)] },
      hint: 'Copy a pod name from `kubectl get pods`, then `kubectl delete pod NAME`. Wait for the third pod to be Running again.',
      solution: ['kubectl delete pod {pod:app=web}', 'sleep 30s'],
    },
    {
      id: 'kill-many',
      title: 'Kill all of them',
      check: { all: [{ commandRan: { matches: 'delete (pod|pods|po) .*(-l|--selector)' } }, running('web', 3)] },
      hint: 'Delete by label: `kubectl delete pods -l app=web`.',
      solution: ['kubectl delete pods -l app=web', 'sleep 30s'],
    },
    {
      id: 'crash',
      title: 'Crash a container',
      check: { all: [{ count: { resource: '/pods', namespace: 'default', selector: 'app=web', restartsAtLeast: 1, ready: true }, atLeast: 1 }, { commandRan: 'sim pod crash' }] },
      hint: 'Use `sim pod crash NAME` with the name of one of the web pods.',
      solution: ['sim pod crash {pod:app=web}', 'sleep 10s'],
    },
    {
      id: 'crashloop',
      title: 'A container that keeps crashing',
      check: { count: { resource: '/pods', namespace: 'default', selector: 'app=crasher', status: 'CrashLoopBackOff', restartsAtLeast: 3 }, atLeast: 1 },
      hint: 'Apply manifests/crasher.yaml and wait about two simulated minutes. Speed up time from the header if you like.',
      solution: ['kubectl apply -f manifests/crasher.yaml', 'sleep 2m'],
    },
    {
      id: 'backoff',
      title: 'Read the back-off',
      check: { all: [{ commandRan: { matches: '^(kubectl )?describe (pod|pods|po)\\b' } }, { event: { reason: 'BackOff', namespace: 'default', object: 'crasher-' } }] },
      hint: 'Run `kubectl describe pod -l app=crasher` and read the Events at the bottom.',
      solution: ['kubectl describe pod -l app=crasher'],
    },
  ],
  quiz: [
    {
      question: 'You delete a pod that belongs to a Deployment. Which component creates the replacement pod object?',
      choices: ['The kubelet on the pod\'s node', 'The ReplicaSet controller in the controller manager', 'The scheduler', 'The API server itself'],
      answer: 1,
      why: 'The ReplicaSet controller sees 2 pods where 3 are wanted and creates one. The scheduler then picks a node for it, and that node\'s kubelet starts its containers.',
    },
    {
      question: 'A container crashes. Where is it restarted?',
      choices: ['In the same pod, on the same node, by the kubelet', 'In a new pod created by the ReplicaSet', 'On another node chosen by the scheduler'],
      answer: 0,
      why: 'The kubelet restarts containers in place, following the pod\'s restartPolicy; the pod and its RESTARTS counter stay. Only deleted or failed pods are replaced by the ReplicaSet.',
    },
    {
      question: 'A container has crashed six times in a row. Roughly how long does the kubelet wait before the next restart?',
      choices: ['10 seconds', '2 minutes 40 seconds', '5 minutes (the cap)', 'It stops restarting'],
      answer: 1,
      why: 'The first restart is immediate, then the delay doubles: 10, 20, 40, 80, 160 s, capped at 300 s. It never stops restarting a pod with restartPolicy Always.',
    },
  ],
});
