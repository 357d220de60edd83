// Root CA certificate publisher: mirrors pkg/controller/certificates/rootcacertpublisher/publisher.go.
// Every namespace gets a ConfigMap `kube-root-ca.crt` holding the cluster CA (`ca.crt`), which the
// `kube-api-access-…` projected volume of every pod mounts. It is put back if deleted or edited,
// and never created in a namespace that is terminating.
import type { ConfigMap } from '../../api/config';
import type { Namespace } from '../../api/core';
import { deepCopy } from '../../api/meta';
import { isAlreadyExists, isNotFound } from '../../apiserver/errors';
import type { Informer } from '../../client/informer';
import type { ComponentContext } from '../../component';
import { Controller } from '../controller';

export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';
export const DESCRIPTION_ANNOTATION = 'kubernetes.io/description';
const DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

const NAMESPACES = { group: '', resource: 'namespaces' };
const CONFIGMAPS = { group: '', resource: 'configmaps' };

/**
 * The simulated cluster CA, PEM-encoded (kubeadm's self-signed "kubernetes" CA). Its bytes are
 * fixed so every run prints the same; no client ever verifies it.
 */
export const CLUSTER_CA_PEM = [
  '-----BEGIN CERTIFICATE-----',
  'MIIDBTCCAe2gAwIBAgIIUd3ZlYmVybmV0ZXMtcGxheWdyb3VuZC1jYTANBgkqhkiG',
  '9w0BAQsFADAVMRMwEQYDVQQDEwprdWJlcm5ldGVzMB4XDTI1MDMwMzA4NTUwMFoX',
  'DTM1MDMwMTA5MDAwMFowFTETMBEGA1UEAxMKa3ViZXJuZXRlczCCASIwDQYJKoZI',
  'hvcNAQEBBQADggEPADCCAQoCggEBAKtWdW5pdmVyc2FsLXNpbXVsYXRlZC1rdWJl',
  'cm5ldGVzLWNsdXN0ZXItY2VydGlmaWNhdGUtZm9yLXRlYWNoaW5nLW9ubHktbm90',
  'LWEtcmVhbC1rZXktLS0tLS0tLS0tLS0tLS0tLS0tLS0tLS0tLS0tLS0tLS0tLS0t',
  'AgMBAAGjWTBXMA4GA1UdDwEB/wQEAwICpDAPBgNVHRMBAf8EBTADAQH/MB0GA1Ud',
  'DgQWBBSs1mEXAMPLEcertificateAuthorityMBUGA1UdEQQOMAyCCmt1YmVybmV0',
  'ZXMwDQYJKoZIhvcNAQELBQADggEBAGtpbmQtY2x1c3Rlci1jYS1zaWduYXR1cmU=',
  '-----END CERTIFICATE-----',
  '',
].join('\n');

export function rootCAConfigMap(namespace: string): ConfigMap {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: ROOT_CA_CONFIGMAP, namespace, annotations: { [DESCRIPTION_ANNOTATION]: DESCRIPTION } },
    data: { 'ca.crt': CLUSTER_CA_PEM },
  };
}

export class RootCACertPublisher extends Controller {
  private readonly namespaces: Informer<Namespace>;
  private readonly configMaps: Informer<ConfigMap>;

  constructor(ctx: ComponentContext) {
    super('root-ca-cert-publisher', ctx);
    this.namespaces = ctx.informers.for<Namespace>(NAMESPACES);
    this.configMaps = ctx.informers.for<ConfigMap>(CONFIGMAPS);
  }

  start(): void {
    this.namespaces.addHandler({ add: (n) => this.enqueue(n.metadata.name!), update: (_o, n) => this.enqueue(n.metadata.name!) });
    const onCM = (cm: ConfigMap) => {
      if (cm.metadata.name === ROOT_CA_CONFIGMAP) this.enqueue(cm.metadata.namespace!);
    };
    this.configMaps.addHandler({ update: (_o, cm) => onCM(cm), delete: onCM });
  }

  protected override sync(ns: string): void {
    const n = this.namespaces.get(ns);
    if (!n || n.metadata.deletionTimestamp || n.status?.phase === 'Terminating') return;
    const want = rootCAConfigMap(ns);
    const have = this.configMaps.get(`${ns}/${ROOT_CA_CONFIGMAP}`);
    try {
      if (!have) {
        this.ctx.api.create(CONFIGMAPS, ns, want, { user: this.name });
        this.ctx.trace.record({ component: this.name, action: 'create', object: { kind: 'ConfigMap', namespace: ns, name: ROOT_CA_CONFIGMAP }, message: `published the cluster CA as ConfigMap ${ns}/${ROOT_CA_CONFIGMAP}` });
        return;
      }
      if (have.data?.['ca.crt'] === want.data!['ca.crt'] && have.metadata.annotations?.[DESCRIPTION_ANNOTATION] === DESCRIPTION) return;
      const next = deepCopy(have) as ConfigMap;
      next.data = { ...(next.data ?? {}), 'ca.crt': CLUSTER_CA_PEM };
      next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [DESCRIPTION_ANNOTATION]: DESCRIPTION };
      this.ctx.api.update(CONFIGMAPS, ns, next, { user: this.name });
      this.ctx.trace.record({ component: this.name, action: 'update', object: { kind: 'ConfigMap', namespace: ns, name: ROOT_CA_CONFIGMAP }, message: `restored the cluster CA in ConfigMap ${ns}/${ROOT_CA_CONFIGMAP}` });
    } catch (e) {
      // A namespace that went away or started terminating meanwhile: nothing to publish.
      if (isAlreadyExists(e) || isNotFound(e) || (e as { reason?: string }).reason === 'Forbidden') return;
      throw e;
    }
  }
}
