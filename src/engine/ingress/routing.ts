// How an ingress-nginx-like controller picks a backend for one request: mirrors the matching
// rules of the Ingress spec (k8s.io/api/networking/v1 HTTPIngressPath, "Examples" table in the
// Ingress docs) as ingress-nginx applies them to the servers and locations it builds from every
// Ingress of its class (internal/ingress/controller/controller.go getBackendServers).
//
// Host: an exact rule host wins, then a wildcard `*.foo.com` (which matches exactly one extra
// label: `bar.foo.com`, not `baz.bar.foo.com` nor `foo.com`), then the rules without a host.
// Path, within the chosen host: the longest matching path wins, Exact before Prefix at equal
// length. Prefix matches element by element: `/foo` matches `/foo`, `/foo/` and `/foo/bar` but
// not `/foobar`; a trailing slash in the rule is ignored (`/foo/` ≡ `/foo`). ImplementationSpecific
// is treated as Prefix. No path matches → the Ingress's defaultBackend, else 404.
import type { HTTPIngressPath, Ingress, IngressBackend, PathType } from '../api/networking';
import { keyOf } from '../api/meta';

export interface IngressRequest {
  host: string;
  path: string;
}

export type RouteDecision =
  | { kind: 'backend'; ingress: string; namespace: string; host: string; path: string; pathType: PathType | 'default'; backend: IngressBackend }
  | { kind: 'notFound'; reason: string };

/** Element-wise prefix match: split on '/', ignore empty elements (so trailing slashes do not matter). */
export function prefixMatches(rulePath: string, reqPath: string): boolean {
  const rule = rulePath.split('/').filter(Boolean);
  const req = reqPath.split('/').filter(Boolean);
  if (rule.length > req.length) return false;
  return rule.every((e, i) => e === req[i]);
}

export function pathMatches(p: HTTPIngressPath, reqPath: string): boolean {
  const rulePath = p.path || '/';
  if (p.pathType === 'Exact') return rulePath === reqPath;
  return prefixMatches(rulePath, reqPath);
}

/**
 * How a rule's host matches a request Host: 'exact', 'wildcard' (`*.foo.com` vs one-label
 * `bar.foo.com`), 'any' (rule without host), or undefined.
 */
export function hostMatch(ruleHost: string | undefined, reqHost: string): 'exact' | 'wildcard' | 'any' | undefined {
  if (!ruleHost) return 'any';
  if (ruleHost === reqHost) return 'exact';
  if (ruleHost.startsWith('*.')) {
    const suffix = ruleHost.slice(1); // `.foo.com`
    if (reqHost.endsWith(suffix)) {
      const label = reqHost.slice(0, -suffix.length);
      if (label && !label.includes('.')) return 'wildcard';
    }
  }
  return undefined;
}

/** The Host header without a port, lower case (`Foo.Bar.com:80` → `foo.bar.com`). */
export function normaliseHost(h: string): string {
  return h.replace(/:\d+$/, '').toLowerCase();
}

const RANK = { exact: 0, wildcard: 1, any: 2 } as const;

/**
 * Route one request over the Ingresses a controller serves. Ingresses are taken oldest first
 * (creationTimestamp, then namespace/name), so when two define the same host and path the older
 * one wins, as in ingress-nginx.
 */
export function routeRequest(ingresses: readonly Ingress[], req: IngressRequest): RouteDecision {
  const host = normaliseHost(req.host);
  const reqPath = req.path.replace(/[?#].*$/, '') || '/';
  const sorted = [...ingresses].sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') || keyOf(a).localeCompare(keyOf(b)));
  // Pick the server: the best host match class present among all rules.
  let best: 'exact' | 'wildcard' | 'any' | undefined;
  let serverHost = '';
  for (const ing of sorted) {
    for (const r of ing.spec.rules ?? []) {
      const m = hostMatch(r.host, host);
      if (m && (best === undefined || RANK[m] < RANK[best])) {
        best = m;
        serverHost = r.host ?? '';
      }
    }
  }
  let winner: { ing: Ingress; p: HTTPIngressPath; len: number } | undefined;
  const owners: Ingress[] = [];
  if (best !== undefined) {
    for (const ing of sorted) {
      let owns = false;
      for (const r of ing.spec.rules ?? []) {
        if ((r.host ?? '') !== serverHost) continue;
        owns = true;
        for (const p of r.http?.paths ?? []) {
          if (!pathMatches(p, reqPath)) continue;
          const len = (p.path || '/').replace(/\/+$/, '').length;
          const better = !winner || len > winner.len || (len === winner.len && p.pathType === 'Exact' && winner.p.pathType !== 'Exact');
          if (better) winner = { ing, p, len };
        }
      }
      if (owns) owners.push(ing);
    }
  }
  if (winner) {
    return { kind: 'backend', ingress: keyOf(winner.ing), namespace: winner.ing.metadata.namespace ?? 'default', host: serverHost || '*', path: winner.p.path || '/', pathType: winner.p.pathType ?? 'ImplementationSpecific', backend: winner.p.backend };
  }
  // No location matched: the defaultBackend of an Ingress that defines this server (for the
  // catch-all server, of any Ingress), oldest first.
  const candidates = best === undefined || best === 'any' ? sorted : owners;
  const withDefault = candidates.find((i) => i.spec.defaultBackend);
  if (withDefault?.spec.defaultBackend) {
    return { kind: 'backend', ingress: keyOf(withDefault), namespace: withDefault.metadata.namespace ?? 'default', host: serverHost || '*', path: '', pathType: 'default', backend: withDefault.spec.defaultBackend };
  }
  if (best === undefined) return { kind: 'notFound', reason: `no Ingress rule matches host "${host}" and no Ingress has a defaultBackend` };
  return { kind: 'notFound', reason: `no path of host "${serverHost || '*'}" matches "${reqPath}"` };
}
