// Control-plane static pod manifests as kubeadm writes them to /etc/kubernetes/manifests on a kind
// node: mirrors cmd/kubeadm/app/phases/controlplane/manifests.go and phases/etcd/local.go (v1.32).
// The kubelet runs these and publishes mirror pods named <name>-kind-control-plane.
import type { Container, Pod, Probe, Volume } from '../api/core';

export const KUBERNETES_VERSION = 'v1.32.2';
export const ETCD_IMAGE = 'registry.k8s.io/etcd:3.5.16-0';

type Mount = { name: string; mountPath: string; readOnly?: boolean };

/** kubeadm's probe shape (since v1.31 the scheduler uses /livez and /readyz; etcd /livez, /readyz): liveness/startup share host, port and scheme; only thresholds differ. */
function probe(host: string, path: string, port: number, scheme: 'HTTP' | 'HTTPS', failureThreshold: number, extra: Partial<Probe> = {}): Probe {
  const p: Probe = { failureThreshold, httpGet: { host, path, port, scheme }, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 15, ...extra };
  if (p.initialDelaySeconds === undefined) delete p.initialDelaySeconds;
  return p;
}

/** Readiness probes have no initial delay and run every second (kubeadm). */
function readiness(host: string, path: string, port: number, scheme: 'HTTP' | 'HTTPS'): Probe {
  return probe(host, path, port, scheme, 3, { initialDelaySeconds: undefined, periodSeconds: 1 });
}

function hostPathVolume(name: string, path: string, type: string): Volume {
  return { name, hostPath: { path, type } };
}

function staticPod(component: string, container: Container, volumes: Volume[], annotations: Record<string, string> = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: component,
      namespace: 'kube-system',
      labels: { component, tier: 'control-plane' },
      ...(Object.keys(annotations).length ? { annotations } : {}),
    },
    spec: {
      containers: [{ ...container, name: component, imagePullPolicy: 'IfNotPresent' }],
      hostNetwork: true,
      priority: 2000001000,
      priorityClassName: 'system-node-critical',
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      volumes,
    },
  };
}

const CA_MOUNTS: Mount[] = [
  { mountPath: '/etc/ssl/certs', name: 'ca-certs', readOnly: true },
  { mountPath: '/etc/ca-certificates', name: 'etc-ca-certificates', readOnly: true },
  { mountPath: '/etc/kubernetes/pki', name: 'k8s-certs', readOnly: true },
  { mountPath: '/usr/local/share/ca-certificates', name: 'usr-local-share-ca-certificates', readOnly: true },
  { mountPath: '/usr/share/ca-certificates', name: 'usr-share-ca-certificates', readOnly: true },
];

const CA_VOLUMES: Volume[] = [
  hostPathVolume('ca-certs', '/etc/ssl/certs', 'DirectoryOrCreate'),
  hostPathVolume('etc-ca-certificates', '/etc/ca-certificates', 'DirectoryOrCreate'),
  hostPathVolume('k8s-certs', '/etc/kubernetes/pki', 'DirectoryOrCreate'),
  hostPathVolume('usr-local-share-ca-certificates', '/usr/local/share/ca-certificates', 'DirectoryOrCreate'),
  hostPathVolume('usr-share-ca-certificates', '/usr/share/ca-certificates', 'DirectoryOrCreate'),
];

export function etcdManifest(nodeName: string, ip: string): Pod {
  return staticPod(
    'etcd',
    {
      name: 'etcd',
      image: ETCD_IMAGE,
      command: [
        'etcd',
        `--advertise-client-urls=https://${ip}:2379`,
        '--cert-file=/etc/kubernetes/pki/etcd/server.crt',
        '--client-cert-auth=true',
        '--data-dir=/var/lib/etcd',
        '--experimental-initial-corrupt-check=true',
        '--experimental-watch-progress-notify-interval=5s',
        `--initial-advertise-peer-urls=https://${ip}:2380`,
        `--initial-cluster=${nodeName}=https://${ip}:2380`,
        '--key-file=/etc/kubernetes/pki/etcd/server.key',
        `--listen-client-urls=https://127.0.0.1:2379,https://${ip}:2379`,
        '--listen-metrics-urls=http://127.0.0.1:2381',
        `--listen-peer-urls=https://${ip}:2380`,
        `--name=${nodeName}`,
        '--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt',
        '--peer-client-cert-auth=true',
        '--peer-key-file=/etc/kubernetes/pki/etcd/peer.key',
        '--peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt',
        '--snapshot-count=10000',
        '--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt',
      ],
      livenessProbe: probe('127.0.0.1', '/livez', 2381, 'HTTP', 8),
      readinessProbe: readiness('127.0.0.1', '/readyz', 2381, 'HTTP'),
      startupProbe: probe('127.0.0.1', '/readyz', 2381, 'HTTP', 24),
      resources: { requests: { cpu: '100m', memory: '100Mi' } },
      volumeMounts: [
        { mountPath: '/var/lib/etcd', name: 'etcd-data' },
        { mountPath: '/etc/kubernetes/pki/etcd', name: 'etcd-certs' },
      ],
    },
    [hostPathVolume('etcd-certs', '/etc/kubernetes/pki/etcd', 'DirectoryOrCreate'), hostPathVolume('etcd-data', '/var/lib/etcd', 'DirectoryOrCreate')],
    { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${ip}:2379` },
  );
}

export function kubeAPIServerManifest(ip: string, serviceCIDR = '10.96.0.0/16'): Pod {
  return staticPod(
    'kube-apiserver',
    {
      name: 'kube-apiserver',
      image: `registry.k8s.io/kube-apiserver:${KUBERNETES_VERSION}`,
      command: [
        'kube-apiserver',
        `--advertise-address=${ip}`,
        '--allow-privileged=true',
        '--authorization-mode=Node,RBAC',
        '--client-ca-file=/etc/kubernetes/pki/ca.crt',
        '--enable-admission-plugins=NodeRestriction',
        '--enable-bootstrap-token-auth=true',
        '--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt',
        '--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt',
        '--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key',
        '--etcd-servers=https://127.0.0.1:2379',
        '--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt',
        '--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key',
        '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname',
        '--proxy-client-cert-file=/etc/kubernetes/pki/front-proxy-client.crt',
        '--proxy-client-key-file=/etc/kubernetes/pki/front-proxy-client.key',
        '--requestheader-allowed-names=front-proxy-client',
        '--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt',
        '--requestheader-extra-headers-prefix=X-Remote-Extra-',
        '--requestheader-group-headers=X-Remote-Group',
        '--requestheader-username-headers=X-Remote-User',
        '--runtime-config=',
        '--secure-port=6443',
        '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
        '--service-account-key-file=/etc/kubernetes/pki/sa.pub',
        '--service-account-signing-key-file=/etc/kubernetes/pki/sa.key',
        `--service-cluster-ip-range=${serviceCIDR}`,
        '--tls-cert-file=/etc/kubernetes/pki/apiserver.crt',
        '--tls-private-key-file=/etc/kubernetes/pki/apiserver.key',
      ],
      livenessProbe: probe(ip, '/livez', 6443, 'HTTPS', 8),
      readinessProbe: readiness(ip, '/readyz', 6443, 'HTTPS'),
      startupProbe: probe(ip, '/livez', 6443, 'HTTPS', 24),
      resources: { requests: { cpu: '250m' } },
      volumeMounts: CA_MOUNTS,
    },
    CA_VOLUMES,
    { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${ip}:6443` },
  );
}

export function kubeControllerManagerManifest(podCIDR = '10.244.0.0/16', serviceCIDR = '10.96.0.0/16', clusterName = 'kind'): Pod {
  return staticPod(
    'kube-controller-manager',
    {
      name: 'kube-controller-manager',
      image: `registry.k8s.io/kube-controller-manager:${KUBERNETES_VERSION}`,
      command: [
        'kube-controller-manager',
        '--allocate-node-cidrs=true',
        '--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf',
        '--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf',
        '--bind-address=127.0.0.1',
        '--client-ca-file=/etc/kubernetes/pki/ca.crt',
        `--cluster-cidr=${podCIDR}`,
        `--cluster-name=${clusterName}`,
        '--cluster-signing-cert-file=/etc/kubernetes/pki/ca.crt',
        '--cluster-signing-key-file=/etc/kubernetes/pki/ca.key',
        '--controllers=*,bootstrapsigner,tokencleaner',
        '--enable-hostpath-provisioner=true',
        '--kubeconfig=/etc/kubernetes/controller-manager.conf',
        '--leader-elect=true',
        '--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt',
        '--root-ca-file=/etc/kubernetes/pki/ca.crt',
        '--service-account-private-key-file=/etc/kubernetes/pki/sa.key',
        `--service-cluster-ip-range=${serviceCIDR}`,
        '--use-service-account-credentials=true',
      ],
      livenessProbe: probe('127.0.0.1', '/healthz', 10257, 'HTTPS', 8),
      startupProbe: probe('127.0.0.1', '/healthz', 10257, 'HTTPS', 24),
      resources: { requests: { cpu: '200m' } },
      volumeMounts: [
        ...CA_MOUNTS.slice(0, 2),
        { mountPath: '/usr/libexec/kubernetes/kubelet-plugins/volume/exec', name: 'flexvolume-dir' },
        CA_MOUNTS[2],
        { mountPath: '/etc/kubernetes/controller-manager.conf', name: 'kubeconfig', readOnly: true },
        ...CA_MOUNTS.slice(3),
      ],
    },
    [
      ...CA_VOLUMES.slice(0, 2),
      hostPathVolume('flexvolume-dir', '/usr/libexec/kubernetes/kubelet-plugins/volume/exec', 'DirectoryOrCreate'),
      CA_VOLUMES[2],
      hostPathVolume('kubeconfig', '/etc/kubernetes/controller-manager.conf', 'FileOrCreate'),
      ...CA_VOLUMES.slice(3),
    ],
  );
}

export function kubeSchedulerManifest(): Pod {
  return staticPod(
    'kube-scheduler',
    {
      name: 'kube-scheduler',
      image: `registry.k8s.io/kube-scheduler:${KUBERNETES_VERSION}`,
      command: [
        'kube-scheduler',
        '--authentication-kubeconfig=/etc/kubernetes/scheduler.conf',
        '--authorization-kubeconfig=/etc/kubernetes/scheduler.conf',
        '--bind-address=127.0.0.1',
        '--kubeconfig=/etc/kubernetes/scheduler.conf',
        '--leader-elect=true',
      ],
      livenessProbe: probe('127.0.0.1', '/livez', 10259, 'HTTPS', 8),
      readinessProbe: readiness('127.0.0.1', '/readyz', 10259, 'HTTPS'),
      startupProbe: probe('127.0.0.1', '/livez', 10259, 'HTTPS', 24),
      resources: { requests: { cpu: '100m' } },
      volumeMounts: [{ mountPath: '/etc/kubernetes/scheduler.conf', name: 'kubeconfig', readOnly: true }],
    },
    [hostPathVolume('kubeconfig', '/etc/kubernetes/scheduler.conf', 'FileOrCreate')],
  );
}

/** The four manifests in /etc/kubernetes/manifests of a kind control-plane node. */
export function staticPodManifests(nodeName: string, ip: string): Pod[] {
  return [etcdManifest(nodeName, ip), kubeAPIServerManifest(ip), kubeControllerManagerManifest(), kubeSchedulerManifest()];
}
