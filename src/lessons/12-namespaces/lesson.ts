import { defineLesson } from '../types';
import type { ClusterView } from '../view';

const ran = (v: ClusterView, re: RegExp, ok = true) => v.commands.some((c) => re.test(c.line) && (c.exitCode === 0) === ok);

export default defineLesson({
  id: 'namespaces',
  number: 12,
  title: 'Namespaces and resource quotas',
  summary: 'Virtual clusters inside one cluster, quotas that refuse pods, LimitRange defaults, and deleting a namespace.',
  setup: { seed: 12, speed: 5 },
  steps: [
    {
      id: 'create',
      title: 'Two namespaces',
      check: { all: [{ exists: '/namespaces/team-a' }, { exists: '/namespaces/team-b' }] },
      hint: 'Run `kubectl create namespace team-a` and `kubectl create namespace team-b`.',
      solution: ['kubectl create namespace team-a', 'kubectl create namespace team-b', 'kubectl get namespaces'],
    },
    {
      id: 'same-name',
      title: 'The same name twice',
      check: { all: [{ exists: 'apps/deployments/team-a/web' }, { exists: 'apps/deployments/team-b/web' }] },
      hint: 'Run `kubectl create deployment web --image=nginx:1.27 -n team-a`, and the same with `-n team-b`.',
      solution: ['kubectl create deployment web --image=nginx:1.27 -n team-a', 'kubectl create deployment web --image=nginx:1.27 -n team-b', 'sleep 20s', 'kubectl get deployments -A'],
    },
    {
      id: 'context',
      title: 'Change the default namespace',
      check: (v) => ran(v, /^(kubectl )?config set-context --current --namespace[= ]team-a\b/) && ran(v, /^(kubectl )?get (pods|pod|po)$/),
      hint: 'Run `kubectl config set-context --current --namespace=team-a`, then `kubectl get pods`.',
      solution: ['kubectl config set-context --current --namespace=team-a', 'kubectl get pods'],
    },
    {
      id: 'quota',
      title: 'A quota refuses pods',
      check: { all: [{ event: { reason: 'FailedCreate', namespace: 'team-a', message: 'exceeded quota' } }, { count: { resource: '/pods', namespace: 'team-a', selector: 'app=web' }, equals: 3 }] },
      hint: 'Apply manifests/quota.yaml, run `kubectl scale deployment web --replicas=5 -n team-a`, then `kubectl describe rs -n team-a`.',
      solution: ['kubectl apply -f manifests/quota.yaml', 'kubectl scale deployment web --replicas=5 -n team-a', 'sleep 20s', 'kubectl get deployment web -n team-a', 'kubectl describe quota -n team-a', 'kubectl get events -n team-a --field-selector reason=FailedCreate'],
    },
    {
      id: 'defaults',
      title: 'LimitRange defaults',
      check: { field: { object: '/pods/team-b/sized', path: 'spec.containers[0].resources.requests.cpu' }, value: '100m' },
      hint: 'Apply manifests/limits.yaml, then `kubectl run sized --image=nginx:1.27 -n team-b` and `kubectl get pod sized -n team-b -o yaml`.',
      solution: ['kubectl apply -f manifests/limits.yaml', 'kubectl run sized --image=nginx:1.27 -n team-b', 'kubectl get pod sized -n team-b -o yaml'],
    },
    {
      id: 'reject',
      title: 'LimitRange rejections',
      check: (v) => ran(v, /^(kubectl )?(apply|create)\b/, false) && !v.get('/pods', 'team-b', 'too-big') && !!v.get('/limitranges', 'team-b', 'cpu-limits'),
      hint: 'Apply manifests/too-big.yaml and read the error.',
      solution: ['kubectl apply -f manifests/too-big.yaml'],
    },
    {
      id: 'delete',
      title: 'Delete a namespace',
      check: { all: [{ absent: '/namespaces/team-a' }, { count: { resource: '/pods', namespace: 'team-a' }, equals: 0 }, { exists: '/namespaces/team-b' }] },
      hint: 'Switch back with `kubectl config set-context --current --namespace=default`, then `kubectl delete namespace team-a`.',
      solution: ['kubectl config set-context --current --namespace=default', 'kubectl delete namespace team-a', 'kubectl get namespaces', 'kubectl get all -n team-a'],
    },
  ],
  quiz: [
    {
      question: 'Two teams both create a Deployment called `web`. When is that allowed?',
      choices: ['Never, names are cluster-wide', 'When they are in different namespaces', 'Only if the images differ'],
      answer: 1,
      why: 'Names of namespaced objects are unique within their namespace. Nodes, PersistentVolumes and namespaces themselves are cluster-wide.',
    },
    {
      question: 'A quota allows 3 pods and a Deployment asks for 5. What do you see?',
      choices: ['kubectl scale fails', 'The Deployment shows 3/5; its ReplicaSet records FailedCreate events with "exceeded quota" and keeps trying', 'Two pods stay Pending'],
      answer: 1,
      why: 'The quota is enforced when a pod is created. The API server refuses the ReplicaSet controller\'s request, so the missing pods never exist, not even as Pending.',
    },
    {
      question: 'A container states no CPU request in a namespace with a LimitRange `defaultRequest: cpu: 100m`. What happens?',
      choices: ['The pod is refused', 'The LimitRange admission plugin writes requests.cpu: 100m into the pod before it is stored', 'The scheduler assumes 100m but the pod spec stays empty'],
      answer: 1,
      why: 'Admission changes the pod itself: `kubectl get pod -o yaml` shows the request and the default limit. Above `max`, the pod is refused instead.',
    },
  ],
});
