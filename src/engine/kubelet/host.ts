// What the pod workers need from their kubelet (kept as an interface so the sync logic reads on
// its own and tests can see the seams).
import type { Container, Pod } from '../api/core';
import type { Informer } from '../client/informer';
import type { Recorder } from '../client/recorder';
import type { ComponentContext } from '../component';
import type { ObjectRef } from '../sim/trace';
import type { Backoff } from './backoff';
import type { ImageManager } from './image_manager';
import type { ImageSpec } from './images';
import type { ProcessInput } from './interpreter';
import type { HostLocalIPAM } from './ipam';
import type { ContainerInstance, PodRecord, ReadyImage } from './runtime';
import type { StageTable } from './stages';

export interface KubeletHost {
  readonly ctx: ComponentContext;
  readonly nodeName: string;
  readonly componentName: string;
  readonly hostIP: string;
  readonly stages: StageTable;
  readonly records: Record<string, PodRecord>;
  readonly podInformer: Informer<Pod>;
  readonly recorder: Recorder;
  readonly images: ImageManager;
  readonly ipam: HostLocalIPAM;
  readonly crashBackoff: Backoff;
  rnd: () => number;
  hex64(): string;
  /** The first PLEG relist at or after `t` (when the kubelet notices a container exit). */
  relistAfter(t: number): number;
  trace(action: string, obj: Pod | ObjectRef, message: string, details?: unknown): void;
  enqueue(key: string): void;
  isStaticKey(key: string): boolean;
  ensureMirror(key: string): void;
  deleteOrphanedMirror(pod: Pod): void;
  deletePod(pod: Pod): void;
  imagePulled(ready: ReadyImage, sizeBytes: number): void;
  imageSpecOf(i: ContainerInstance): ImageSpec;
  processInput(pod: Pod, spec: Container, rec: PodRecord | undefined, image: ImageSpec, argv: string[]): ProcessInput;
  /** CreateContainerConfigError message for a container (missing ConfigMap/Secret/key), if any. */
  containerConfigError(pod: Pod, spec: Container, rec: PodRecord | undefined): string | undefined;
  /** FailedMount message for the pod's volumes (a missing ConfigMap/Secret), if any. */
  volumeMountError(pod: Pod, rec: PodRecord | undefined): string | undefined;
}
