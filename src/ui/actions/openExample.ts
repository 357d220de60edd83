// Verb: open one of the gallery's example manifests in a new editor buffer.
import type { Playground } from '../store/store';
import { addBuffer } from '../features/editor/buffers';

export function openExample(pg: Playground, example: { source: string; text: string }): string {
  const name = example.source.split('/').at(-1) ?? 'example.yaml';
  return addBuffer(pg.store, name, example.text);
}
