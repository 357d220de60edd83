// Default image catalogue (STUB, filled in by the kubelet work).
import type { ImageSpec } from './images';

export function defaultImages(): ImageSpec[] {
  return [];
}
