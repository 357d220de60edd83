// The image catalogue: the simulated registry. Which images exist, how big they are and how their
// containers behave. It is data (see catalogue.ts), so a lesson can add an image or change a size.
// Resolving a reference mirrors what containerd answers the kubelet's PullImage call with.
import { familiarName, parseImageRef, type ImageRef } from './reference';

export type ImageBehaviour = 'server' | 'command' | 'pause';

/** A sub-command of a multi-purpose image (agnhost netexec, agnhost liveness, …). */
export interface ServerProfile {
  ports: number[];
  /** agnhost liveness: /healthz answers 200 for this long after start, then 500. */
  healthyForMs?: number;
}

export interface ImageSpec {
  /** Repository in its familiar form: 'nginx', 'kindest/kindnetd', 'registry.k8s.io/pause'. */
  repository: string;
  /** Tags that exist; '*' accepts any tag. */
  tags: string[] | '*';
  /** Further tags accepted by pattern (a RegExp source), e.g. nginx `^1\.\d+(\.\d+)?(-alpine)?$`. */
  tagPattern?: string;
  sizeBytes: number;
  /** Tag-dependent sizes: the first variant whose pattern matches the tag wins (alpine builds). */
  variants?: { tagPattern: string; sizeBytes: number }[];
  behaviour: ImageBehaviour;
  /** Ports a server image listens on (probes against other ports fail). */
  ports?: number[];
  /** Entrypoint + default args when the pod gives none. */
  entrypoint?: string[];
  cmd?: string[];
  /** Program names (argv[0] basename) that run the image's server rather than a script. */
  serverCommands?: string[];
  /** Servers selected by the first argument (agnhost). */
  subcommands?: Record<string, ServerProfile>;
  /** Time from container start until the server accepts connections. */
  startupMs?: number;
  /** Time a server takes to exit after SIGTERM (nginx: ~0.1 s). */
  stopMs?: number;
  /** Below this memory limit the container is OOMKilled shortly after start. */
  minMemoryBytes?: number;
}

export type ResolveResult =
  | { kind: 'ok'; ref: ImageRef; spec: ImageSpec; sizeBytes: number; imageID: string }
  | { kind: 'invalid'; error: string }
  | { kind: 'notFound'; ref: ImageRef; error: string };

export class ImageCatalogue {
  private specs = new Map<string, ImageSpec>();
  constructor(specs: ImageSpec[] = []) {
    for (const s of specs) this.add(s);
  }
  add(spec: ImageSpec): void {
    this.specs.set(spec.repository, spec);
  }
  all(): ImageSpec[] {
    return [...this.specs.values()];
  }
  /** Look up by repository (familiar or fully qualified). */
  get(repository: string): ImageSpec | undefined {
    return this.specs.get(repository) ?? this.specs.get(familiarName(repository));
  }

  /** What the registry says about `image` as written in a pod spec. */
  resolve(image: string): ResolveResult {
    const parsed = parseImageRef(image);
    if (!parsed.ok) return { kind: 'invalid', error: parsed.error };
    const ref = parsed.ref;
    const spec = this.get(ref.repository);
    const pullErr = (why: string) => `failed to pull and unpack image "${ref.normalized}": failed to resolve reference "${ref.normalized}": ${why}`;
    if (!spec) {
      // Docker Hub answers an unknown repository with "denied", other registries with 404.
      const why = ref.repository.startsWith('docker.io/')
        ? 'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed'
        : `${ref.normalized}: not found`;
      return { kind: 'notFound', ref, error: pullErr(why) };
    }
    if (ref.tag && !ref.digest && !tagExists(spec, ref.tag)) return { kind: 'notFound', ref, error: pullErr(`${ref.normalized}: not found`) };
    const sizeBytes = sizeOf(spec, ref.tag);
    return { kind: 'ok', ref, spec, sizeBytes, imageID: `${ref.repository}@${ref.digest ?? digestOf(ref.normalized)}` };
  }
}

function tagExists(spec: ImageSpec, tag: string): boolean {
  if (spec.tags === '*' || spec.tags.includes(tag)) return true;
  return !!spec.tagPattern && new RegExp(spec.tagPattern).test(tag);
}

function sizeOf(spec: ImageSpec, tag: string | undefined): number {
  for (const v of spec.variants ?? []) if (tag && new RegExp(v.tagPattern).test(tag)) return v.sizeBytes;
  return spec.sizeBytes;
}

/**
 * A stable fake content digest: four rounds of 32-bit FNV-1a over the name give 64 hex digits,
 * so `nginx:1.25` has the same sha256 on every node and every run (as a real registry would).
 */
export function digestOf(name: string): string {
  let out = '';
  for (let round = 0; round < 8; round++) {
    let h = 0x811c9dc5;
    for (const ch of `${name}#${round}`) {
      h ^= ch.charCodeAt(0);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    out += h.toString(16).padStart(8, '0');
  }
  return `sha256:${out}`;
}
