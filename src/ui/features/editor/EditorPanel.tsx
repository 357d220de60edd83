// The Editor tab. Monaco (about 1 MB gzip) is loaded only when this panel is first shown, so the
// page that shows the cluster stays small: the layout may keep the panel mounted but hidden, so
// "shown" is detected with an IntersectionObserver. Wrapped in `nokey`: React Flow must not take
// the spaces and Backspaces typed into the editor.
import { Suspense, lazy, useEffect, useRef, useState } from 'react';
import './editor.css';

const EditorWorkbench = lazy(() => import('./EditorWorkbench'));

export function EditorPanel() {
  const ref = useRef<HTMLElement>(null);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || shown) return;
    if (typeof IntersectionObserver === 'undefined') return setShown(true);
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setShown(true);
    });
    io.observe(el);
    return () => io.disconnect();
  }, [shown]);
  return (
    <section ref={ref} className="editor-panel nokey" aria-label="YAML editor" data-testid="editor">
      {shown ? (
        <Suspense fallback={<div className="editor-loading">Loading the editor…</div>}>
          <EditorWorkbench />
        </Suspense>
      ) : (
        <div className="editor-loading">The editor loads when this tab opens.</div>
      )}
    </section>
  );
}
