// The ConfigMaps a fresh kind cluster has besides the per-namespace kube-root-ca.crt (which the
// root-ca-cert-publisher controller creates): kubeadm's `coredns` (the Corefile of
// cmd/kubeadm/app/phases/addons/dns/manifests.go, v1.32), `kube-proxy` and the `cluster-info`
// bootstrap ConfigMap in kube-public, and kind's `local-path-config`. The add-on pods mount them,
// so they must exist before those pods start (a missing one is a FailedMount).
// Not created: kubeadm-config, kubelet-config, extension-apiserver-authentication and the
// kube-apiserver-legacy-service-account-token-tracking ConfigMap.
import type { ConfigMap } from '../api/config';
import { CLUSTER_CA_PEM } from '../controllers/rootcacertpublisher/publisher';
import { encodeBase64 } from '../api/base64';

function cm(namespace: string, name: string, data: Record<string, string>): ConfigMap {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data };
}

export function corednsConfigMap(clusterDomain = 'cluster.local'): ConfigMap {
  return cm('kube-system', 'coredns', {
    Corefile: `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes ${clusterDomain} in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30 {
       disable success ${clusterDomain}
       disable denial ${clusterDomain}
    }
    loop
    reload
    loadbalance
}
`,
  });
}

export function kubeProxyConfigMap(podCIDR = '10.244.0.0/16'): ConfigMap {
  return cm('kube-system', 'kube-proxy', {
    'config.conf': `apiVersion: kubeproxy.config.k8s.io/v1alpha1
bindAddress: 0.0.0.0
clientConnection:
  kubeconfig: /var/lib/kube-proxy/kubeconfig.conf
clusterCIDR: ${podCIDR}
conntrack:
  maxPerCore: 0
iptables:
  masqueradeAll: false
  minSyncPeriod: 1s
  syncPeriod: 0s
kind: KubeProxyConfiguration
metricsBindAddress: ""
mode: iptables
`,
    'kubeconfig.conf': `apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt
    server: https://kind-control-plane:6443
  name: default
contexts:
- context:
    cluster: default
    namespace: default
    user: default
  name: default
current-context: default
users:
- name: default
  user:
    tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token
`,
  });
}

export function clusterInfoConfigMap(clusterName = 'kind'): ConfigMap {
  return cm('kube-public', 'cluster-info', {
    kubeconfig: `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: ${encodeBase64(CLUSTER_CA_PEM)}
    server: https://${clusterName}-control-plane:6443
  name: ""
contexts: null
current-context: ""
kind: Config
preferences: {}
users: null
`,
  });
}

export function localPathConfigMap(): ConfigMap {
  return cm('local-path-storage', 'local-path-config', {
    'config.json': `{
        "nodePathMap":[
        {
                "node":"DEFAULT_PATH_FOR_NON_LISTED_NODES",
                "paths":["/var/local-path-provisioner"]
        }
        ]
}`,
    'helperPod.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: helper-pod
spec:
  containers:
  - name: helper-pod
    image: docker.io/kindest/local-path-helper:v20241212-8ac705d0
    imagePullPolicy: IfNotPresent
`,
    setup: `#!/bin/sh
set -eu
mkdir -m 0777 -p "$VOL_DIR"
`,
    teardown: `#!/bin/sh
set -eu
rm -rf "$VOL_DIR"
`,
  });
}

/** Every bootstrap ConfigMap, in creation order. */
export function bootstrapConfigMaps(opts: { clusterDomain?: string; podCIDR?: string; clusterName?: string } = {}): ConfigMap[] {
  return [corednsConfigMap(opts.clusterDomain), kubeProxyConfigMap(opts.podCIDR), clusterInfoConfigMap(opts.clusterName), localPathConfigMap()];
}
