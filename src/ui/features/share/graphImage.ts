// Export the cluster graph as SVG or PNG for slides, without a dependency: the graph's DOM is
// cloned with its computed styles inlined into an SVG <foreignObject> (the approach of
// html-to-image, in a few dozen lines); the PNG is that SVG drawn onto a canvas at 2× scale.
// The graph view calls `exportGraphImage` from its own button; the element defaults to the
// React Flow view, else the cluster panel.

const STYLE_PROPS = [
  'display', 'position', 'top', 'left', 'right', 'bottom', 'width', 'height', 'min-width', 'min-height', 'box-sizing',
  'margin', 'padding', 'border', 'border-radius', 'border-top', 'border-bottom', 'border-left', 'border-right',
  'background', 'background-color', 'color', 'opacity', 'transform', 'transform-origin', 'overflow',
  'font-family', 'font-size', 'font-weight', 'font-style', 'line-height', 'letter-spacing', 'text-align', 'text-transform',
  'white-space', 'text-overflow', 'vertical-align', 'flex', 'flex-direction', 'flex-wrap', 'align-items', 'justify-content',
  'gap', 'grid-template-columns', 'grid-template-rows', 'grid-area', 'z-index', 'box-shadow', 'outline',
  'fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'visibility', 'pointer-events',
];

export function findGraphElement(doc: Document = document): HTMLElement | null {
  return doc.querySelector<HTMLElement>('.react-flow') ?? doc.querySelector<HTMLElement>('[data-testid="cluster-view"]') ?? doc.querySelector<HTMLElement>('.cluster');
}

function inlineStyles(src: Element, dst: Element): void {
  const cs = getComputedStyle(src);
  const style = STYLE_PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
  dst.setAttribute('style', style);
  const s = src.children;
  const d = dst.children;
  for (let i = 0; i < s.length && i < d.length; i++) inlineStyles(s[i], d[i]);
}

/** The element as a standalone SVG document. */
export function graphToSvg(el: HTMLElement): string {
  const { width, height } = el.getBoundingClientRect();
  const clone = el.cloneNode(true) as HTMLElement;
  inlineStyles(el, clone);
  clone.setAttribute('xmlns', 'http://www.w3.org/1999/xhtml');
  // Controls and minimaps are for the screen, not the slide. Buttons inside graph nodes stay:
  // some nodes are buttons (the control-plane components), and they are the picture.
  clone.querySelectorAll('.react-flow__controls, .react-flow__minimap, .react-flow__panel, button').forEach((n) => {
    if (!n.closest('.react-flow__node')) n.remove();
  });
  const html = new XMLSerializer().serializeToString(clone);
  const w = Math.ceil(width);
  const h = Math.ceil(height);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><rect width="100%" height="100%" fill="#ffffff"/><foreignObject x="0" y="0" width="${w}" height="${h}">${html}</foreignObject></svg>`;
}

export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const img = new Image();
  img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

export async function graphImage(format: 'svg' | 'png', el: HTMLElement | null = findGraphElement()): Promise<Blob> {
  if (!el) throw new Error('no cluster graph on the page');
  const svg = graphToSvg(el);
  if (format === 'svg') return new Blob([svg], { type: 'image/svg+xml' });
  const { width, height } = el.getBoundingClientRect();
  return svgToPng(svg, width, height);
}
