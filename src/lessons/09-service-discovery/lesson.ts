import { defineLesson } from '../types';

const exec = (pod: string, rest: string) => ({ commandRan: { matches: `^(kubectl )?exec (-it? |-ti )?${pod} (-c [a-z0-9-]+ )?-- ${rest}` } });

export default defineLesson({
  id: 'service-discovery',
  number: 9,
  title: 'Service discovery',
  summary: 'How a pod finds a Service: DNS names, search paths, namespaces and environment variables.',
  setup: { seed: 9, speed: 5, commands: ['kubectl apply -f manifests/backend.yaml', 'sleep 30s'] },
  steps: [
    {
      id: 'client',
      title: 'A client pod',
      check: { count: { resource: '/pods', namespace: 'default', name: 'client', ready: true }, equals: 1 },
      hint: 'Run `kubectl run client --image=busybox:1.36 -- sleep 3600` and wait until it is Running.',
      solution: ['kubectl run client --image=busybox:1.36 -- sleep 3600', 'sleep 15s'],
    },
    {
      id: 'lookup',
      title: 'Look up a Service by name',
      check: exec('client', 'nslookup backend\\b'),
      hint: 'Run `kubectl exec client -- nslookup backend`.',
      solution: ['kubectl exec client -- nslookup backend', 'kubectl get service backend'],
    },
    {
      id: 'resolv',
      title: 'The search path',
      check: exec('client', 'cat /etc/resolv.conf'),
      hint: 'Run `kubectl exec client -- cat /etc/resolv.conf`.',
      solution: ['kubectl exec client -- cat /etc/resolv.conf', 'kubectl exec client -- nslookup backend.default.svc.cluster.local'],
    },
    {
      id: 'namespaces',
      title: 'Across namespaces',
      check: { all: [{ exists: '/services/shop/cart' }, exec('client', 'nslookup cart\\.shop\\b')] },
      hint: 'Apply manifests/shop.yaml, then `kubectl exec client -- nslookup cart.shop`.',
      solution: ['kubectl apply -f manifests/shop.yaml', 'sleep 20s', 'kubectl exec client -- nslookup cart', 'kubectl exec client -- nslookup cart.shop'],
    },
    {
      id: 'env',
      title: 'Environment variables',
      check: exec('client', '(printenv|env)\\b'),
      hint: 'Run `kubectl exec client -- printenv`.',
      solution: ['kubectl exec client -- printenv'],
    },
    {
      id: 'late',
      title: 'A Service created later',
      check: { all: [{ exists: '/services/default/frontend' }, exec('client', 'nslookup frontend\\b')] },
      hint: 'Apply manifests/frontend.yaml, run `kubectl expose deployment frontend --port=80`, then compare `kubectl exec client -- printenv FRONTEND_SERVICE_HOST` with `kubectl exec client -- nslookup frontend`.',
      solution: [
        'kubectl apply -f manifests/frontend.yaml',
        'kubectl expose deployment frontend --port=80',
        'sleep 20s',
        'kubectl exec client -- printenv FRONTEND_SERVICE_HOST',
        'kubectl exec client -- nslookup frontend',
      ],
    },
    {
      id: 'call',
      title: 'The frontend calls its backend',
      check: { commandRan: { matches: '^(kubectl )?exec (-it? |-ti )?frontend-[a-z0-9-]+ (-c [a-z0-9-]+ )?-- (curl|wget) .*backend' } },
      hint: 'Find the frontend pod with `kubectl get pods -l app=frontend`, then `kubectl exec POD -- curl -s http://backend`.',
      solution: ['kubectl exec {pod:app=frontend} -- printenv BACKEND_URL', 'kubectl exec {pod:app=frontend} -- curl -s http://backend'],
    },
  ],
  quiz: [
    {
      question: 'A pod in namespace `default` looks up `cart`. The Service `cart` exists only in namespace `shop`. What happens?',
      choices: ['It resolves, names are cluster-wide', 'NXDOMAIN: the search path tries `cart.default.svc.cluster.local` first, then `cart.svc.cluster.local` and `cart.cluster.local`', 'It resolves to a random namespace'],
      answer: 1,
      why: 'A short name means "in my namespace". Use `cart.shop` (or the full `cart.shop.svc.cluster.local`) to reach another namespace.',
    },
    {
      question: 'Why does the client pod have BACKEND_SERVICE_HOST but not FRONTEND_SERVICE_HOST?',
      choices: ['The frontend Service has no endpoints', 'The kubelet sets Service variables when it starts a container, only for Services that exist at that moment', 'Environment variables are only set for Deployments'],
      answer: 1,
      why: 'A running process\'s environment cannot change. Restart the pod and it gets the new variables. DNS has no such ordering problem, which is why it is the usual way to find a Service.',
    },
    {
      question: 'What does `ndots:5` in /etc/resolv.conf mean?',
      choices: ['Names are at most five labels long', 'A name with fewer than five dots is first tried with each search domain appended', 'DNS answers are cached for five seconds'],
      answer: 1,
      why: '`backend` has no dots, so the resolver tries `backend.default.svc.cluster.local` first, which is the Service. Names with five or more dots are tried as they are first.',
    },
  ],
});
