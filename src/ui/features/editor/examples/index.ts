// The editor's gallery of example manifests. The YAML files are copies of the Kubernetes
// documentation's examples: © The Kubernetes Authors, kubernetes.io, CC BY 4.0 (ATTRIBUTION.md).
// Bundled as text (?raw) into the lazily loaded editor chunk.
import nginxDeployment from './controllers_nginx-deployment.yaml?raw';
import simplePod from './pods_simple-pod.yaml?raw';
import twoContainerPod from './pods_two-container-pod.yaml?raw';
import nginxService from './service_nginx-service.yaml?raw';
import nginxApp from './application_nginx-app.yaml?raw';
import frontendRs from './controllers_frontend.yaml?raw';
import job from './controllers_job.yaml?raw';
import fluentd from './controllers_fluentd-daemonset.yaml?raw';
import web from './application_web_web.yaml?raw';
import configmaps from './configmap_configmaps.yaml?raw';
import httpLiveness from './pods_probe_http-liveness.yaml?raw';
import ingress from './service_networking_minimal-ingress.yaml?raw';

export const EXAMPLE_ATTRIBUTION = 'Examples: The Kubernetes Authors, kubernetes.io (CC BY 4.0)';

export interface Example {
  id: string;
  title: string;
  /** Path in the Kubernetes documentation's examples folder. */
  source: string;
  text: string;
}

export const EXAMPLES: Example[] = [
  { id: 'nginx-deployment', title: 'Deployment (nginx, 3 replicas)', source: 'controllers/nginx-deployment.yaml', text: nginxDeployment },
  { id: 'nginx-app', title: 'Service + Deployment (two documents)', source: 'application/nginx-app.yaml', text: nginxApp },
  { id: 'simple-pod', title: 'Pod (nginx)', source: 'pods/simple-pod.yaml', text: simplePod },
  { id: 'two-container-pod', title: 'Pod with two containers', source: 'pods/two-container-pod.yaml', text: twoContainerPod },
  { id: 'http-liveness', title: 'Pod with an HTTP liveness probe', source: 'pods/probe/http-liveness.yaml', text: httpLiveness },
  { id: 'nginx-service', title: 'Service', source: 'service/nginx-service.yaml', text: nginxService },
  { id: 'frontend-rs', title: 'ReplicaSet (frontend)', source: 'controllers/frontend.yaml', text: frontendRs },
  { id: 'job', title: 'Job (compute π)', source: 'controllers/job.yaml', text: job },
  { id: 'fluentd', title: 'DaemonSet (fluentd)', source: 'controllers/fluentd-daemonset.yaml', text: fluentd },
  { id: 'web', title: 'StatefulSet + headless Service', source: 'application/web/web.yaml', text: web },
  { id: 'configmaps', title: 'ConfigMaps', source: 'configmap/configmaps.yaml', text: configmaps },
  { id: 'ingress', title: 'Ingress', source: 'service/networking/minimal-ingress.yaml', text: ingress },
];
