// Image references as containerd sees them: mirrors github.com/distribution/reference
// (normalize.go ParseNormalizedNamed, TagNameOnly) used by the kubelet's image manager.
//
//   nginx                      → docker.io/library/nginx:latest
//   nginx:1.25                 → docker.io/library/nginx:1.25
//   bitnami/redis              → docker.io/bitnami/redis:latest
//   registry.k8s.io/pause:3.10 → registry.k8s.io/pause:3.10
//   busybox@sha256:abc…        → docker.io/library/busybox@sha256:abc…

export interface ImageRef {
  /** Fully qualified repository: docker.io/library/nginx. */
  repository: string;
  tag?: string;
  digest?: string;
  /** What containerd records as the image name: repository:tag or repository@digest. */
  normalized: string;
}

export type ParseResult = { ok: true; ref: ImageRef } | { ok: false; error: string };

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;
const DOMAIN = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::\d+)?$/;

/** ParseNormalizedNamed + TagNameOnly. Errors use the library's wording (`invalid reference format`). */
export function parseImageRef(image: string): ParseResult {
  const fail = (why = ''): ParseResult => ({ ok: false, error: `couldn't parse image name "${image}": invalid reference format${why}` });
  if (!image || /\s/.test(image)) return fail();
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return fail();
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return fail();
  }
  // The first component is a registry when it has a dot or a port, or is "localhost".
  let domain = 'docker.io';
  let path = rest;
  const slash = rest.indexOf('/');
  if (slash >= 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase()) {
      domain = first;
      path = rest.slice(slash + 1);
      if (!DOMAIN.test(domain)) return fail();
    }
  }
  if (path !== path.toLowerCase()) return fail(': repository name must be lowercase');
  const parts = path.split('/');
  if (parts.some((p) => !PATH_COMPONENT.test(p))) return fail();
  if (domain === 'docker.io' && parts.length === 1) path = `library/${path}`;
  const repository = `${domain}/${path}`;
  if (!tag && !digest) tag = 'latest';
  const normalized = digest ? `${repository}@${digest}` : `${repository}:${tag}`;
  return { ok: true, ref: { repository, tag, digest, normalized } };
}

/** The short form `docker images` and the catalogue use: docker.io/library/ dropped. */
export function familiarName(repository: string): string {
  if (repository.startsWith('docker.io/library/')) return repository.slice('docker.io/library/'.length);
  if (repository.startsWith('docker.io/')) return repository.slice('docker.io/'.length);
  return repository;
}
