// The admission chain, in kube-apiserver's order (pkg/kubeapiserver/options/plugins.go
// AllOrderedPlugins): NamespaceLifecycle, …, ServiceAccount, …, Priority, DefaultTolerationSeconds.
// Only the default-enabled plugins that change what students see are modelled.
import type { ClusterConfig } from '../../component';
import type { AdmissionPlugin } from '../types';
import { defaultTolerationSeconds } from './defaulttolerationseconds';
import { namespaceLifecycle } from './namespacelifecycle';
import { priority } from './priority';
import { serviceAccount } from './serviceaccount';

export function admissionChain(config: ClusterConfig): AdmissionPlugin[] {
  return [namespaceLifecycle, serviceAccount, priority, defaultTolerationSeconds(config.defaultTolerationSeconds)];
}
