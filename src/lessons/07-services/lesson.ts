import type { KubeObject } from '../../engine';
import { defineLesson } from '../types';
import type { ClusterView } from '../view';

// EndpointSlices hold a list of endpoints with conditions; easier to read as code.
interface Slice extends KubeObject {
  endpoints?: { addresses: string[]; conditions?: { ready?: boolean } }[];
}
const slices = (v: ClusterView) =>
  (v.list('discovery.k8s.io/endpointslices', 'default') as Slice[]).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web');
const endpoints = (v: ClusterView, ready: boolean) =>
  slices(v).flatMap((s) => s.endpoints ?? []).filter((e) => (e.conditions?.ready ?? false) === ready).length;
const ran = (v: ClusterView, re: RegExp) => v.commands.some((c) => re.test(c.line) && c.exitCode === 0);

const running = (n: number) => ({ count: { resource: '/pods', namespace: 'default', selector: 'app=web', ready: true, terminating: false }, equals: n });

export default defineLesson({
  id: 'services',
  number: 7,
  title: 'Services and load balancing',
  summary: 'A stable name and IP over changing pods, traffic spread across replicas, only ready pods served.',
  setup: { seed: 7, speed: 5, commands: ['kubectl apply -f manifests/web.yaml', 'sleep 30s'] },
  steps: [
    {
      id: 'expose',
      title: 'Create a Service',
      check: { all: [{ exists: '/services/default/web' }, { field: { object: '/services/default/web', path: 'spec.clusterIP' }, matches: '^10\\.96\\.' }] },
      hint: 'Apply manifests/web-service.yaml (or run `kubectl expose deployment web --port=80`).',
      solution: ['kubectl apply -f manifests/web-service.yaml', 'kubectl get service web'],
    },
    {
      id: 'endpoints',
      title: 'Look behind the Service',
      check: (v) => ran(v, /^(kubectl )?get (endpoints|ep|endpointslices|endpointslice)\b/) && endpoints(v, true) === 3,
      hint: 'Run `kubectl get endpoints web` and `kubectl get pods -l app=web -o wide`, and compare the IPs.',
      solution: ['kubectl get endpoints web', 'kubectl get endpointslices -l kubernetes.io/service-name=web', 'kubectl get pods -l app=web -o wide'],
    },
    {
      id: 'traffic',
      title: 'Send traffic',
      check: { all: [{ traffic: { target: 'svc/web', requests: { atLeast: 300 } } }, { commandRan: 'sim traffic status' }] },
      hint: 'Run `sim traffic start svc/web --rps 30`, wait a few seconds, then `sim traffic status`.',
      solution: ['sim traffic start svc/web --rps 30', 'sleep 20s', 'sim traffic status'],
    },
    {
      id: 'replace',
      title: 'Pods come and go, the Service stays',
      check: {
        all: [
          { commandRan: { matches: '^(kubectl )?delete (pod|pods|po) [a-z0-9-]+' } },
          running(3),
          { traffic: { target: 'svc/web', errors: { atMost: 0 } } },
        ],
      },
      hint: 'Delete one web pod by name, then look at `kubectl get endpoints web` and `kubectl get service web` again.',
      solution: ['kubectl delete pod {pod:app=web}', 'sleep 15s', 'kubectl get endpoints web', 'kubectl get service web'],
    },
    {
      id: 'readiness',
      title: 'A pod that is not ready',
      check: (v) => {
        const p = v.get('/pods', 'default', 'web-canary');
        return p?.status && (p.status as { phase?: string }).phase === 'Running' && endpoints(v, false) >= 1 && endpoints(v, true) === 3 ? true : false;
      },
      hint: 'Apply manifests/canary.yaml, wait 20 seconds, then compare `kubectl get pods -l app=web` with `kubectl get endpoints web`.',
      solution: ['kubectl apply -f manifests/canary.yaml', 'sleep 20s', 'kubectl get pods -l app=web', 'kubectl get endpointslices -l kubernetes.io/service-name=web -o yaml'],
    },
    {
      id: 'scale',
      title: 'Scale, and the endpoints follow',
      check: (v) => endpoints(v, true) === 5 && ran(v, /^(kubectl )?scale\b/),
      hint: 'Run `kubectl scale deployment web --replicas=5`, then `kubectl get endpoints web`.',
      solution: ['kubectl scale deployment web --replicas=5', 'sleep 20s', 'kubectl get endpoints web', 'sleep 10s', 'sim traffic status'],
    },
  ],
  quiz: [
    {
      question: 'A pod behind a Service is replaced by its ReplicaSet. What changes for a client that calls the Service?',
      choices: ['Nothing: the Service keeps its name and ClusterIP, and its endpoints now list the new pod', 'The ClusterIP changes', 'The client must look up the new pod IP'],
      answer: 0,
      why: 'The ClusterIP is allocated once, when the Service is created. The EndpointSlice controller follows the pods that match the selector.',
    },
    {
      question: 'A pod matches a Service\'s selector and is Running, but its readiness probe fails. Does it receive requests through the Service?',
      choices: ['Yes, Running is enough', 'No: it is listed as not ready, and kube-proxy sends traffic only to ready endpoints', 'Only every second request'],
      answer: 1,
      why: 'Readiness is exactly this switch. Liveness is different: a failing liveness probe restarts the container.',
    },
    {
      question: 'Who spreads requests across the pods of a ClusterIP Service?',
      choices: ['The API server', 'A load-balancer pod in kube-system', 'kube-proxy\'s rules on the node the request leaves from'],
      answer: 2,
      why: 'kube-proxy on every node programs iptables or IPVS rules that pick a ready endpoint at random for each new connection. No extra hop, no central load balancer.',
    },
  ],
});
