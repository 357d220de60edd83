// The client's kubeconfig as kind writes it (one cluster, one user, one context `kind-kind`),
// held per cluster so `kubectl config set-context --current --namespace=X` changes the namespace
// later commands use. Mirrors the parts of k8s.io/client-go/tools/clientcmd/api.Config kubectl reads.

export interface KubeContext {
  name: string;
  cluster: string;
  user: string;
  namespace?: string;
}

export interface KubeConfigState {
  currentContext: string;
  contexts: KubeContext[];
}

export class KubeConfig {
  currentContext = 'kind-kind';
  contexts: KubeContext[] = [{ name: 'kind-kind', cluster: 'kind-kind', user: 'kind-kind' }];

  current(): KubeContext | undefined {
    return this.contexts.find((c) => c.name === this.currentContext);
  }

  /** The namespace commands use without -n: the current context's, else `default`. */
  namespace(): string {
    return this.current()?.namespace || 'default';
  }

  save(): KubeConfigState {
    return { currentContext: this.currentContext, contexts: this.contexts.map((c) => ({ ...c })) };
  }

  load(s: KubeConfigState | undefined): void {
    if (!s) return;
    this.currentContext = s.currentContext;
    this.contexts = s.contexts.map((c) => ({ ...c }));
  }
}

/** The kubeconfig of a cluster object; clusters built without one (test fakes) get one lazily. */
export function kubeConfigOf(cluster: object): KubeConfig {
  const c = cluster as { kubeconfig?: KubeConfig };
  if (!c.kubeconfig) c.kubeconfig = new KubeConfig();
  return c.kubeconfig;
}
