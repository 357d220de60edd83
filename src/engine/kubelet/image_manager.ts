// The kubelet's image manager: mirrors pkg/kubelet/images/image_manager.go (EnsureImageExists,
// pull policy, pull back-off) and puller.go (serialized pulls, the kubelet default
// serializeImagePulls=true: one pull at a time per node, later ones wait their turn).
import type { Container } from '../api/core';
import { Backoff } from './backoff';
import type { ImageCatalogue, ImageSpec } from './images';
import { pick, type StageTable } from './stages';

export interface CachedImage {
  names: string[];
  sizeBytes: number;
}

export type PullDecision =
  | { kind: 'present'; image: string; imageID: string; spec: ImageSpec; message: string }
  | { kind: 'pull'; image: string; imageID: string; spec: ImageSpec; sizeBytes: number; startAt: number; until: number; message: string }
  | { kind: 'fail'; until: number; error: string }
  | { kind: 'backoff'; message: string }
  | { kind: 'neverPull'; message: string }
  | { kind: 'invalid'; message: string };

/** SetDefaults_Container: Always for `:latest` or no tag, else IfNotPresent. */
export function pullPolicyOf(c: Container): 'Always' | 'IfNotPresent' | 'Never' {
  if (c.imagePullPolicy) return c.imagePullPolicy;
  const image = c.image ?? '';
  const lastSlash = image.lastIndexOf('/');
  const tag = image.includes('@') ? 'digest' : image.lastIndexOf(':') > lastSlash ? image.slice(image.lastIndexOf(':') + 1) : 'latest';
  return tag === 'latest' ? 'Always' : 'IfNotPresent';
}

/** Go's time.Duration.String() after Truncate(time.Millisecond): 612ms, 2.1s, 1m4.25s. */
export function goDuration(ms: number): string {
  ms = Math.floor(ms);
  if (ms < 1000) return `${ms}ms`;
  const trim = (x: number) => String(Number(x.toFixed(3)));
  if (ms < 60_000) return `${trim(ms / 1000)}s`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  return `${h ? `${h}h` : ''}${m}m${trim(s)}s`;
}

export class ImageManager {
  /** Normalised image name → what the node's containerd holds. */
  cache: Record<string, CachedImage> = {};
  private pullFreeAt = 0;
  readonly backoff: Backoff;

  constructor(private readonly catalogue: ImageCatalogue, private readonly stages: StageTable, private readonly rnd: () => number) {
    this.backoff = new Backoff(stages.imagePullInitialMs, stages.imagePullMaxMs);
  }

  /**
   * EnsureImageExists. Worked example: nginx:1.25 (72,995,445 bytes) at 40 MB/s with 0.5 s
   * latency → 0.5 + 1.82 = 2.32 s; a second pod's pull queued behind it waits, and its event says
   * `in 2.3s (4.6s including waiting)`.
   */
  ensureImageExists(podUID: string, c: Container, now: number): PullDecision {
    const image = c.image ?? '';
    const policy = pullPolicyOf(c);
    const res = this.catalogue.resolve(image);
    if (res.kind === 'invalid') return { kind: 'invalid', message: `Failed to apply default image tag "${image}": ${res.error}` };
    const name = res.ref.normalized;
    const present = !!this.cache[name];
    if (policy === 'Never' && !present) return { kind: 'neverPull', message: `Container image "${image}" is not present with pull policy of Never` };
    if (present && policy !== 'Always' && res.kind === 'ok') {
      return { kind: 'present', image: name, imageID: res.imageID, spec: res.spec, message: `Container image "${image}" already present on machine` };
    }
    const key = `${podUID}_${image}`;
    if (this.backoff.inBackOffSinceUpdate(key, now)) return { kind: 'backoff', message: `Back-off pulling image "${image}"` };
    if (res.kind === 'notFound') return { kind: 'fail', until: now + pick(this.stages.pullFailMs, this.rnd), error: res.error };
    // Always with a cached image still asks the registry, but only the manifest: fast.
    const transfer = present ? 0 : Math.round((res.sizeBytes / pick(this.stages.pullBytesPerSec, this.rnd)) * 1000);
    const pullMs = pick(this.stages.pullLatencyMs, this.rnd) + transfer;
    const startAt = Math.max(now, this.pullFreeAt);
    const until = startAt + pullMs;
    this.pullFreeAt = until;
    const message = `Successfully pulled image "${image}" in ${goDuration(pullMs)} (${goDuration(until - now)} including waiting). Image size: ${res.sizeBytes} bytes.`;
    return { kind: 'pull', image: name, imageID: res.imageID, spec: res.spec, sizeBytes: res.sizeBytes, startAt, until, message };
  }

  /** A pull failed at `now`: the next attempt waits 10 s, 20 s, 40 s … (capped at 300 s). */
  pullFailed(podUID: string, image: string, now: number): void {
    this.backoff.next(`${podUID}_${image}`, now, now);
  }

  /** When the current pull back-off of this pod's image ends. */
  backOffEnds(podUID: string, image: string): number {
    const key = `${podUID}_${image}`;
    return (this.backoff.lastUpdate(key) ?? 0) + this.backoff.get(key);
  }

  record(name: string, imageID: string, sizeBytes: number): boolean {
    if (this.cache[name]) return false;
    this.cache[name] = { names: [imageID, name], sizeBytes };
    return true;
  }

  save(): { cache: Record<string, CachedImage>; pullFreeAt: number; backoff: ReturnType<Backoff['save']> } {
    return { cache: JSON.parse(JSON.stringify(this.cache)) as Record<string, CachedImage>, pullFreeAt: this.pullFreeAt, backoff: this.backoff.save() };
  }

  load(s: ReturnType<ImageManager['save']>): void {
    this.cache = JSON.parse(JSON.stringify(s.cache)) as Record<string, CachedImage>;
    this.pullFreeAt = s.pullFreeAt;
    this.backoff.load(s.backoff);
  }
}
