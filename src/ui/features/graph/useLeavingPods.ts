// Deleted pods fade out instead of vanishing: a pod that leaves the layout stays drawn where it
// was, marked as leaving, for FADE_MS of wall time (presentation pacing, not simulation), while
// CSS fades it. Its replacement may already sit in the slot it left; the ghost is drawn beneath.
import { useEffect, useRef, useState } from 'react';
import type { LayoutItem } from './layoutTypes';

export const FADE_MS = 700;
/** Too many at once (a namespace deleted, a lens switched) fade nothing: it would only be noise. */
const MAX_GHOSTS = 60;

export function useLeavingPods(items: readonly LayoutItem[], resetKey: string): readonly LayoutItem[] {
  const prev = useRef<{ key: string; pods: Map<string, LayoutItem> }>({ key: resetKey, pods: new Map() });
  const [ghosts, setGhosts] = useState<readonly LayoutItem[]>([]);
  // Timers outlive the effect run that set them (the next batch may come before they fire).
  const timers = useRef(new Set<number>());
  useEffect(() => {
    const all = timers.current;
    return () => {
      for (const t of all) window.clearTimeout(t);
      all.clear();
    };
  }, []);

  useEffect(() => {
    const pods = new Map(items.filter((i) => i.type === 'pod').map((i) => [i.id, i]));
    const before = prev.current;
    prev.current = { key: resetKey, pods };
    if (before.key !== resetKey) {
      setGhosts([]);
      return;
    }
    const gone = [...before.pods.values()].filter((i) => !pods.has(i.id));
    if (!gone.length || gone.length > MAX_GHOSTS) return;
    const leaving = gone.map((i) => ({ ...i, id: `leaving:${i.id}`, z: 1, data: { ...(i.data as object), leaving: true } }));
    setGhosts((g) => [...g.filter((x) => !leaving.some((l) => l.id === x.id)), ...leaving]);
    const ids = new Set(leaving.map((l) => l.id));
    const t = window.setTimeout(() => {
      timers.current.delete(t);
      setGhosts((g) => g.filter((x) => !ids.has(x.id)));
    }, FADE_MS);
    timers.current.add(t);
  }, [items, resetKey]);

  return ghosts;
}
