import { defineLesson } from '../types';

export default defineLesson({
  id: 'sandbox',
  title: 'Free play',
  summary: 'A blank cluster and a gallery of example manifests from the Kubernetes documentation.',
  setup: { seed: 1 },
  steps: [
    {
      id: 'explore',
      title: 'Apply something',
      check: { commandRan: { matches: '^(kubectl )?(apply|create|run)\\b' } },
      hint: 'Press "apply" next to any example, or type `kubectl create deployment web --image=nginx:1.27`.',
      solution: ['kubectl apply -f manifests/nginx-deployment.yaml'],
    },
  ],
});
