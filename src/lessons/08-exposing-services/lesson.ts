import { defineLesson } from '../types';

// `kubectl exec client -- curl|wget …` whose line matches every lookahead in `parts`.
const fromClient = (...parts: string[]) => ({
  commandRan: { matches: `^(kubectl )?exec (-it? |-ti )?client (-c [a-z0-9-]+ )?-- (curl|wget) ${parts.map((p) => `(?=.*${p})`).join('')}` },
});
const ran = (re: string) => ({ commandRan: { matches: `^(kubectl )?${re}` } });
const available = (name: string, n: number) => ({ field: { object: `apps/deployments/default/${name}`, path: 'status.availableReplicas' }, equals: n });
const INGRESS = 'networking.k8s.io/ingresses/default/shop';

export default defineLesson({
  id: 'exposing-services',
  number: 8,
  title: 'Exposing services',
  summary: 'NodePort, LoadBalancer, ExternalName, and an Ingress routing by host and path.',
  setup: { seed: 8, speed: 5, commands: ['kubectl apply -f manifests/web.yaml', 'kubectl apply -f manifests/client.yaml', 'sleep 30s'] },
  steps: [
    {
      id: 'nodeport',
      title: 'A NodePort Service',
      check: {
        all: [
          { field: { object: '/services/default/web-nodeport', path: 'spec.type' }, value: 'NodePort' },
          { field: { object: '/services/default/web-nodeport', path: 'spec.ports[0].nodePort' }, equals: 30080 },
          ran('get (svc|services?)\\b'),
        ],
      },
      hint: 'Apply manifests/web-nodeport.yaml, then `kubectl get service web-nodeport` and `kubectl get nodes -o wide`.',
      solution: ['kubectl apply -f manifests/web-nodeport.yaml', 'kubectl get service web-nodeport', 'kubectl get nodes -o wide'],
    },
    {
      id: 'every-node',
      title: 'Every node answers',
      check: {
        all: [
          fromClient(':30080'),
          { traffic: { target: '172.18.0.2:30080', requests: { atLeast: 50 }, errors: { atMost: 0 } } },
        ],
      },
      hint: 'Run `kubectl exec client -- curl -s http://172.18.0.3:30080`, then `sim traffic start 172.18.0.2:30080 --external --rps 10`, wait a few seconds and run `sim traffic status`.',
      solution: [
        'kubectl exec client -- curl -s http://172.18.0.3:30080',
        'sim traffic start 172.18.0.2:30080 --external --rps 10',
        'sleep 10s',
        'sim traffic status',
        'kubectl get pods -l app=web -o wide',
      ],
    },
    {
      id: 'loadbalancer',
      title: 'A LoadBalancer Service',
      check: {
        all: [
          { field: { object: '/services/default/web-lb', path: 'status.loadBalancer.ingress[0].ip' }, matches: '^172\\.18\\.255\\.' },
          { traffic: { target: '172.18.255.200:80', requests: { atLeast: 50 }, errors: { atMost: 0 } } },
        ],
      },
      hint: 'Apply manifests/web-lb.yaml, run `kubectl get service web-lb` until EXTERNAL-IP shows an address, then `sim traffic start 172.18.255.200 --rps 10` and `sim traffic status`.',
      solution: [
        'sim traffic stop',
        'kubectl apply -f manifests/web-lb.yaml',
        'kubectl get service web-lb',
        'sleep 5s',
        'kubectl get service web-lb',
        'kubectl describe service web-lb',
        'sim traffic start 172.18.255.200 --rps 10',
        'sleep 10s',
        'sim traffic status',
      ],
    },
    {
      id: 'externalname',
      title: 'An ExternalName Service',
      check: {
        all: [
          { field: { object: '/services/default/invoices', path: 'spec.type' }, value: 'ExternalName' },
          ran('exec (-it? |-ti )?client (-c [a-z0-9-]+ )?-- nslookup invoices\\b'),
        ],
      },
      hint: 'Apply manifests/billing.yaml and manifests/invoices-alias.yaml, then `kubectl exec client -- nslookup invoices`.',
      solution: [
        'sim traffic stop',
        'kubectl apply -f manifests/billing.yaml',
        'kubectl apply -f manifests/invoices-alias.yaml',
        'sleep 20s',
        'kubectl get service invoices',
        'kubectl exec client -- nslookup invoices',
        'kubectl exec client -- curl -s http://invoices',
      ],
    },
    {
      id: 'backends',
      title: 'Two apps and an IngressClass',
      check: { all: [available('store', 2), available('api', 2), ran('get (ingressclass|ingressclasses)\\b')] },
      hint: 'Apply manifests/shop.yaml, wait until `kubectl get deployments` shows store and api 2/2, and run `kubectl get ingressclass`.',
      solution: ['kubectl apply -f manifests/shop.yaml', 'sleep 30s', 'kubectl get deployments', 'kubectl get ingressclass'],
    },
    {
      id: 'ingress',
      title: 'One Ingress',
      check: { all: [{ field: { object: INGRESS, path: 'status.loadBalancer.ingress[0].ip' }, present: true }, ran('(get|describe) (ingress|ingresses|ing)\\b')] },
      hint: 'Apply manifests/ingress.yaml and run `kubectl get ingress shop` until ADDRESS shows an address (about 10 seconds).',
      solution: ['kubectl apply -f manifests/ingress.yaml', 'kubectl get ingress shop', 'sleep 10s', 'kubectl get ingress shop', 'kubectl describe ingress shop'],
    },
    {
      id: 'paths',
      title: 'Routing by path',
      check: {
        all: [
          fromClient('shop\\.example\\.com', '172\\.18\\.0\\.2/store'),
          fromClient('shop\\.example\\.com', '172\\.18\\.0\\.2/api'),
          fromClient('shop\\.example\\.com', '172\\.18\\.0\\.2(?!/store|/api)'),
        ],
      },
      hint: "Run `kubectl exec client -- curl -s -H 'Host: shop.example.com' http://172.18.0.2/store`, the same with `/api/orders`, and with a path the Ingress does not list, such as `/cart`.",
      solution: [
        "kubectl exec client -- curl -s -H 'Host: shop.example.com' http://172.18.0.2/store",
        "kubectl exec client -- curl -s -H 'Host: shop.example.com' http://172.18.0.2/api/orders",
        "kubectl exec client -- curl -s -H 'Host: shop.example.com' http://172.18.0.2/cart",
      ],
    },
    {
      id: 'hosts',
      title: 'Routing by host',
      check: {
        all: [
          fromClient('api\\.example\\.com', '172\\.18\\.0\\.2'),
          { traffic: { target: 'ingress/shop', requests: { atLeast: 100 } } },
          ran('sim traffic start (ingress|ing)/shop .*--host'),
        ],
      },
      hint: "Run `kubectl exec client -- curl -s -H 'Host: api.example.com' http://172.18.0.2/v1/orders`, then `sim traffic start ingress/shop --host api.example.com --path /v1/orders --rps 20` and `sim traffic status`.",
      solution: [
        "kubectl exec client -- curl -s -H 'Host: api.example.com' http://172.18.0.2/v1/orders",
        "kubectl exec client -- curl -s -H 'Host: other.example.com' http://172.18.0.2/",
        'sim traffic start ingress/shop --host api.example.com --path /v1/orders --rps 20',
        'sleep 10s',
        'sim traffic status',
      ],
    },
  ],
  quiz: [
    {
      question: 'A NodePort Service has port 30080 and its three pods run on kind-worker and kind-worker2. What happens to a connection to kind-worker3:30080?',
      choices: [
        'It is refused: no pod runs there',
        'kube-proxy on kind-worker3 forwards it to one of the ready pods on the other nodes',
        'It waits until the scheduler puts a pod on kind-worker3',
      ],
      answer: 1,
      why: 'kube-proxy runs on every node and programs the NodePort on each of them. With the default externalTrafficPolicy: Cluster any node forwards to any ready endpoint; with Local, only nodes that have one answer.',
    },
    {
      question: 'You create a LoadBalancer Service on a plain kind cluster and EXTERNAL-IP stays <pending> forever. Why?',
      choices: [
        'The pods are not ready yet',
        'LoadBalancer Services need a cloud provider',
        'Nothing in the cluster implements load balancers: kind needs an add-on such as cloud-provider-kind (or MetalLB); on a cloud, the provider\'s cloud controller does it',
      ],
      answer: 2,
      why: 'Kubernetes only records the wish. A controller outside the core (a cloud controller manager, cloud-provider-kind, MetalLB) creates the load balancer and writes its address into status.loadBalancer.ingress. Meanwhile the Service already works as a NodePort and a ClusterIP.',
    },
    {
      question: 'What does cluster DNS answer for an ExternalName Service?',
      choices: ['The ClusterIP', 'The IPs of its endpoints', 'A CNAME record to spec.externalName'],
      answer: 2,
      why: 'An ExternalName Service has no ClusterIP, no selector and no endpoints; kube-proxy ignores it. It is only a DNS alias, and the client then resolves the name it points to.',
    },
    {
      question: 'You create an Ingress on a fresh cluster built with kubeadm, and nothing happens: no ADDRESS, no routing. What is missing?',
      choices: [
        'An ingress controller (and an IngressClass naming it): Kubernetes stores Ingress objects but does not serve them itself',
        'A LoadBalancer Service for every backend',
        'The Ingress must be in kube-system',
      ],
      answer: 0,
      why: 'Ingress is an API with no built-in implementation. An ingress controller (ingress-nginx, Traefik, HAProxy, a cloud\'s own…) watches the Ingresses of its IngressClass, routes requests and writes the ADDRESS.',
    },
  ],
});
