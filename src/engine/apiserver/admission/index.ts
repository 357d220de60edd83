// The admission chain, in kube-apiserver's order (pkg/kubeapiserver/options/plugins.go
// AllOrderedPlugins): NamespaceLifecycle, …, ServiceAccount, …, Priority, DefaultTolerationSeconds.
// Only the default-enabled plugins that change what students see are modelled.
import type { ClusterConfig } from '../../component';
import type { AdmissionPlugin } from '../types';
import { defaultTolerationSeconds } from './defaulttolerationseconds';
import { namespaceLifecycle } from './namespacelifecycle';
import { priority } from './priority';
import { serviceAccount } from './serviceaccount';
import { defaultStorageClass } from './defaultstorageclass';
import { defaultIngressClass } from './defaultingressclass';
import { storageObjectInUseProtection } from './storageobjectinuseprotection';
import { limitRanger } from './limitranger';
import { resourceQuota } from './resourcequota';

export function admissionChain(config: ClusterConfig): AdmissionPlugin[] {
  // LimitRanger sits right after NamespaceLifecycle; ResourceQuota is the last validating plugin.
  return [namespaceLifecycle, limitRanger, serviceAccount, priority, defaultTolerationSeconds(config.defaultTolerationSeconds), defaultStorageClass, defaultIngressClass, storageObjectInUseProtection, resourceQuota];
}
