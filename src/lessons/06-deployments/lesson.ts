import { defineLesson } from '../types';

const DEP = 'apps/deployments/default/web';
const image = (tag: string) => ({ field: { object: DEP, path: 'spec.template.spec.containers[0].image' }, value: tag });
// Every pod runs the current template and is available: the rollout is over.
const rolledOut = [
  { field: { object: DEP, path: 'status.updatedReplicas' }, equals: 4 },
  { field: { object: DEP, path: 'status.availableReplicas' }, equals: 4 },
  { field: { object: DEP, path: 'status.replicas' }, equals: 4 },
];

export default defineLesson({
  id: 'deployments',
  number: 6,
  title: 'Deployments and rolling updates',
  summary: 'Imperative and declarative, rolling updates, history, rollback, pause, and Recreate under traffic.',
  setup: { seed: 6, speed: 5 },
  steps: [
    {
      id: 'imperative',
      title: 'An imperative Deployment',
      check: { all: [{ exists: 'apps/deployments/default/hello' }, { commandRan: { matches: '^(kubectl )?create (deployment|deploy) hello\\b' } }] },
      hint: 'Run `kubectl create deployment hello --image=nginx:1.27`.',
      solution: ['kubectl create deployment hello --image=nginx:1.27', 'sleep 10s'],
    },
    {
      id: 'declarative',
      title: 'A declarative Deployment',
      check: { all: [{ absent: 'apps/deployments/default/hello' }, ...rolledOut, image('nginx:1.14.2')] },
      hint: 'Apply manifests/web.yaml, delete the hello Deployment, and wait until `kubectl get deploy web` shows 4/4.',
      solution: ['kubectl apply -f manifests/web.yaml', 'kubectl delete deployment hello', 'sleep 30s'],
    },
    {
      id: 'update',
      title: 'Roll out nginx 1.16.1',
      check: { all: [image('nginx:1.16.1'), ...rolledOut, { commandRan: { matches: '^(kubectl )?rollout status (deployment|deploy|deployments)[ /]web' } }] },
      hint: 'Run `kubectl set image deployment/web nginx=nginx:1.16.1`, then `kubectl rollout status deployment/web`.',
      solution: ['kubectl set image deployment/web nginx=nginx:1.16.1', 'kubectl rollout status deployment/web', 'kubectl get rs -l app=web'],
    },
    {
      id: 'history',
      title: 'Read the history',
      check: { commandRan: { matches: '^(kubectl )?rollout history (deployment|deploy|deployments)[ /]web' } },
      hint: 'Run `kubectl rollout history deployment/web`.',
      solution: ['kubectl rollout history deployment/web', 'kubectl rollout history deployment/web --revision=2'],
    },
    {
      id: 'rollback',
      title: 'Roll back',
      check: { all: [image('nginx:1.14.2'), ...rolledOut, { commandRan: { matches: '^(kubectl )?rollout undo (deployment|deploy|deployments)[ /]web' } }] },
      hint: 'Run `kubectl rollout undo deployment/web`, then `kubectl rollout status deployment/web`.',
      solution: ['kubectl rollout undo deployment/web', 'kubectl rollout status deployment/web'],
    },
    {
      id: 'pause',
      title: 'Pause and resume',
      check: {
        all: [
          { commandRan: { matches: '^(kubectl )?rollout pause (deployment|deploy|deployments)[ /]web' } },
          { commandRan: { matches: '^(kubectl )?rollout resume (deployment|deploy|deployments)[ /]web' } },
          { not: { field: { object: DEP, path: 'spec.paused' }, value: true } },
          image('nginx:1.16.1'),
          ...rolledOut,
        ],
      },
      hint: 'Pause, change the image, look at `kubectl get rs -l app=web` (nothing moves), then `kubectl rollout resume deployment/web`.',
      solution: [
        'kubectl rollout pause deployment/web',
        'kubectl set image deployment/web nginx=nginx:1.16.1',
        'sleep 10s',
        'kubectl get rs -l app=web',
        'kubectl rollout resume deployment/web',
        'kubectl rollout status deployment/web',
      ],
    },
    {
      id: 'zero-downtime',
      title: 'A rolling update under traffic',
      check: {
        all: [
          { traffic: { target: 'svc/web', requests: { atLeast: 300 }, errors: { atMost: 0 } } },
          { field: { object: DEP, path: 'spec.strategy.rollingUpdate.maxUnavailable' }, equals: 0 },
          image('nginx:1.25'),
          ...rolledOut,
        ],
      },
      hint: 'Apply manifests/web-service.yaml, run `sim traffic start svc/web --rps 20`, then apply manifests/web-rolling.yaml and watch `sim traffic status`.',
      solution: [
        'kubectl apply -f manifests/web-service.yaml',
        'sim traffic start svc/web --rps 20',
        'sleep 5s',
        'kubectl apply -f manifests/web-rolling.yaml',
        'kubectl rollout status deployment/web',
        'sleep 5s',
        'sim traffic status',
      ],
    },
    {
      id: 'recreate',
      title: 'Recreate under traffic',
      check: {
        all: [
          { traffic: { target: 'svc/web', errors: { atLeast: 1 } } },
          { field: { object: DEP, path: 'spec.strategy.type' }, value: 'Recreate' },
          image('nginx:1.27'),
          ...rolledOut,
        ],
      },
      hint: 'With the traffic still running, apply manifests/web-recreate.yaml, wait for the rollout, then `sim traffic status`.',
      solution: ['kubectl apply -f manifests/web-recreate.yaml', 'kubectl rollout status deployment/web', 'sleep 5s', 'sim traffic status', 'sim traffic stop'],
    },
  ],
  quiz: [
    {
      question: 'A Deployment has 4 replicas and the default strategy (maxSurge 25 %, maxUnavailable 25 %). During a rolling update, how many pods can exist at most, and how many must stay available?',
      choices: ['4 at most, 4 available', '5 at most, 3 available', '8 at most, 0 available', '5 at most, 4 available'],
      answer: 1,
      why: 'Surge rounds up (25 % of 4 = 1 extra pod, so 5 in total); unavailability rounds down (1 pod may be unavailable, so 3 must stay available).',
    },
    {
      question: 'What does `kubectl rollout undo deployment/web` change?',
      choices: [
        'It deletes the newest ReplicaSet',
        'It copies the previous revision\'s pod template back into the Deployment, which rolls out like any update',
        'It restarts the pods that are running now',
      ],
      answer: 1,
      why: 'A rollback is a rollout: the old ReplicaSet is scaled up again and becomes the newest revision. Note that your manifest file still names the other image; the next `kubectl apply` rolls forward again.',
    },
    {
      question: 'Why did Recreate fail requests while RollingUpdate with maxUnavailable 0 served them all?',
      choices: [
        'Recreate pulls images more slowly',
        'Recreate stops every old pod before it creates a new one, so for a while the Service has no ready endpoints',
        'RollingUpdate sends requests to both versions twice',
      ],
      answer: 1,
      why: 'With no ready pod behind the Service, there is nobody to answer. Recreate is for apps that cannot run two versions at once (a schema migration, an exclusive lock); it trades availability for that guarantee.',
    },
  ],
});
