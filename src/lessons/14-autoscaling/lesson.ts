import { defineLesson } from '../types';

const DEP = 'apps/deployments/default/php-apache';
const HPA = 'autoscaling/horizontalpodautoscalers/default/php-apache';

export default defineLesson({
  id: 'autoscaling',
  number: 14,
  title: 'Autoscaling',
  summary: 'A HorizontalPodAutoscaler adds pods under CPU load and removes them after the 5-minute stabilisation window.',
  setup: { seed: 14, speed: 10, commands: ['kubectl apply -f manifests/php-apache.yaml', 'sleep 30s'] },
  steps: [
    {
      id: 'top',
      title: 'Measure CPU',
      check: { commandRan: { matches: '^(kubectl )?top (pods|pod|po)\\b' } },
      hint: 'Run `kubectl top pods`.',
      solution: ['kubectl top pods'],
    },
    {
      id: 'hpa',
      title: 'Create an autoscaler',
      check: { all: [{ exists: HPA }, { field: { object: HPA, path: 'status.currentMetrics' }, present: true }] },
      hint: 'Run `kubectl autoscale deployment php-apache --cpu-percent=50 --min=1 --max=10`, wait 30 seconds, then `kubectl get hpa`.',
      solution: ['kubectl autoscale deployment php-apache --cpu-percent=50 --min=1 --max=10', 'sleep 30s', 'kubectl get hpa'],
    },
    {
      id: 'load',
      title: 'Add load',
      check: { all: [{ commandRan: { matches: '^sim (load|traffic start)\\b' } }, { field: { object: DEP, path: 'spec.replicas' }, atLeast: 3 }] },
      hint: 'Run `sim load deployment/php-apache --cpu 600m`, wait a minute or two, and watch `kubectl get hpa`.',
      solution: ['sim load deployment/php-apache --cpu 600m', 'sleep 2m', 'kubectl get hpa', 'kubectl top pods'],
    },
    {
      id: 'why',
      title: 'Read the decisions',
      check: { all: [{ commandRan: { matches: '^(kubectl )?describe (hpa|horizontalpodautoscaler|horizontalpodautoscalers)\\b' } }, { event: { reason: 'SuccessfulRescale', object: 'php-apache', message: 'above target' } }] },
      hint: 'Run `kubectl describe hpa php-apache` and read the Events.',
      solution: ['kubectl describe hpa php-apache'],
    },
    {
      id: 'stop',
      title: 'Remove the load',
      check: { all: [{ commandRan: { matches: '^sim (load \\S+ --stop|traffic stop)' } }, { field: { object: HPA, path: 'status.currentReplicas' }, atLeast: 2 }] },
      hint: 'Run `sim load deployment/php-apache --stop`, wait a minute, then `kubectl get hpa`: utilisation drops, replicas do not (yet).',
      solution: ['sim load deployment/php-apache --stop', 'sleep 1m', 'kubectl get hpa'],
    },
    {
      id: 'scale-in',
      title: 'Scale in, five minutes later',
      check: { all: [{ event: { reason: 'SuccessfulRescale', object: 'php-apache', message: 'below target' } }, { field: { object: DEP, path: 'spec.replicas' }, equals: 1 }] },
      hint: 'Wait about five simulated minutes (speed up time from the header), then `kubectl get hpa` and `kubectl get deployment php-apache`.',
      solution: ['sleep 5m', 'kubectl get hpa', 'kubectl get deployment php-apache'],
    },
  ],
  quiz: [
    {
      question: 'Three pods each request 200m CPU and use 200m on average. The HPA targets 50 % utilisation. How many replicas does it want?',
      choices: ['3', '4', '6', '10'],
      answer: 2,
      why: 'Utilisation is 100 % of the request. desired = ceil(3 × 100 / 50) = 6.',
    },
    {
      question: 'Why does the HPA wait five minutes before removing pods, but add them within seconds?',
      choices: [
        'Removing pods is slower for the API server',
        'Scale-down uses the highest recommendation of the last 5 minutes, so a short dip in load does not remove pods that are needed again a moment later',
        'Pods must run for five minutes before they can be deleted',
      ],
      answer: 1,
      why: 'The default scale-down stabilisation window is 300 s; scale-up has none. Adding capacity late hurts users, removing it late only costs a little money.',
    },
    {
      question: 'What breaks a CPU-based HPA?',
      choices: ['Pods without CPU requests', 'Pods without CPU limits', 'A Service in front of the pods'],
      answer: 0,
      why: 'Utilisation is measured as a percentage of the request. Without a request there is nothing to divide by, and the HPA reports that it cannot compute a replica count.',
    },
  ],
});
