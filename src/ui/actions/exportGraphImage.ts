// Verb: download the cluster graph as an image for slides (SVG scales; PNG pastes anywhere).
// The graph view can attach this to its own button: exportGraphImage('png').
import { downloadBlob } from '../features/share/download';
import { graphImage } from '../features/share/graphImage';

export async function exportGraphImage(format: 'svg' | 'png', el?: HTMLElement | null): Promise<void> {
  const blob = await graphImage(format, el);
  downloadBlob(`cluster.${format}`, blob);
}
