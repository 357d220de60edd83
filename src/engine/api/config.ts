// core/v1 configuration and policy kinds: ConfigMap, Secret, ResourceQuota, LimitRange. Mirrors
// k8s.io/api/core/v1/types.go (only the fields the simulator reads or shows).
import type { KubeObject, ObjectMeta } from './meta';
import type { ResourceList } from './core';

export interface ConfigMap extends KubeObject {
  apiVersion: 'v1';
  kind: 'ConfigMap';
  metadata: ObjectMeta;
  /** UTF-8 values. */
  data?: Record<string, string>;
  /** base64-encoded values (non-UTF-8 content). */
  binaryData?: Record<string, string>;
  immutable?: boolean;
}

/** Secret types the API server knows (pkg/apis/core/types.go SecretType*). */
export const SECRET_TYPE_OPAQUE = 'Opaque';
export const SECRET_TYPE_SERVICE_ACCOUNT_TOKEN = 'kubernetes.io/service-account-token';
export const SECRET_TYPE_DOCKER_CONFIG = 'kubernetes.io/dockercfg';
export const SECRET_TYPE_DOCKER_CONFIG_JSON = 'kubernetes.io/dockerconfigjson';
export const SECRET_TYPE_BASIC_AUTH = 'kubernetes.io/basic-auth';
export const SECRET_TYPE_SSH_AUTH = 'kubernetes.io/ssh-auth';
export const SECRET_TYPE_TLS = 'kubernetes.io/tls';
export const SECRET_TYPE_BOOTSTRAP_TOKEN = 'bootstrap.kubernetes.io/token';

export interface Secret extends KubeObject {
  apiVersion: 'v1';
  kind: 'Secret';
  metadata: ObjectMeta;
  /** base64-encoded values: what is stored and what `-o yaml` shows. */
  data?: Record<string, string>;
  /** Write-only convenience: plain strings merged into data by the API server, never stored. */
  stringData?: Record<string, string>;
  type?: string;
  immutable?: boolean;
}

export interface ScopedResourceSelectorRequirement {
  scopeName: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}

export interface ResourceQuota extends KubeObject {
  apiVersion: 'v1';
  kind: 'ResourceQuota';
  metadata: ObjectMeta;
  spec?: {
    hard?: ResourceList;
    scopes?: string[];
    scopeSelector?: { matchExpressions?: ScopedResourceSelectorRequirement[] };
  };
  status?: { hard?: ResourceList; used?: ResourceList };
}

export type LimitType = 'Container' | 'Pod' | 'PersistentVolumeClaim';

export interface LimitRangeItem {
  type: LimitType | string;
  max?: ResourceList;
  min?: ResourceList;
  default?: ResourceList;
  defaultRequest?: ResourceList;
  maxLimitRequestRatio?: ResourceList;
}

export interface LimitRange extends KubeObject {
  apiVersion: 'v1';
  kind: 'LimitRange';
  metadata: ObjectMeta;
  spec: { limits: LimitRangeItem[] };
}
