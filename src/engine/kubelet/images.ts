// The image catalogue: which images "exist" in the simulated registry, how big they are, and how
// their containers behave. It is data, so a lesson can add an image or change a timing.
// (Filled in by the kubelet; see kubelet/README.md.)

export type ImageBehaviour = 'server' | 'command' | 'pause';

export interface ImageSpec {
  /** Repository as written in a pod spec after normalisation: 'nginx', 'registry.k8s.io/pause'. */
  repository: string;
  /** Tags that exist; '*' accepts any tag. */
  tags: string[] | '*';
  sizeBytes: number;
  behaviour: ImageBehaviour;
  /** Ports a server image listens on (probes against other ports fail). */
  ports?: number[];
  /** Entrypoint + default args when the pod gives none. */
  entrypoint?: string[];
  cmd?: string[];
  /** Time from container start until the server accepts connections. */
  startupMs?: number;
}

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
  /** Look up by repository (already normalised). */
  get(repository: string): ImageSpec | undefined {
    return this.specs.get(repository);
  }
}
