// A drag handle between two panels (no library): pointer drag, or focus it and use the arrow keys
// (Shift for bigger steps, Home/End for the limits). It reports a size; the layout owns it.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

export interface SplitterProps {
  label: string;
  /** 'vertical' separates left|right panels (drag sideways); 'horizontal' separates top/bottom. */
  orientation: 'vertical' | 'horizontal';
  value: number;
  min: number;
  max: number;
  /** +1 when dragging right/down grows the panel, -1 when it shrinks it. */
  direction: 1 | -1;
  onChange(v: number): void;
}

export function Splitter({ label, orientation, value, min, max, direction, onChange }: SplitterProps) {
  const start = useRef<{ pos: number; value: number } | null>(null);
  const clamp = (v: number) => Math.round(Math.min(max, Math.max(min, v)));
  const axis = (e: { clientX: number; clientY: number }) => (orientation === 'vertical' ? e.clientX : e.clientY);

  function onPointerDown(e: PointerEvent<HTMLDivElement>) {
    e.currentTarget.setPointerCapture(e.pointerId);
    start.current = { pos: axis(e), value };
  }
  function onPointerMove(e: PointerEvent<HTMLDivElement>) {
    if (!start.current) return;
    onChange(clamp(start.current.value + direction * (axis(e) - start.current.pos)));
  }
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const step = e.shiftKey ? 64 : 16;
    const grow: Record<string, number> = orientation === 'vertical' ? { ArrowRight: direction, ArrowLeft: -direction } : { ArrowDown: direction, ArrowUp: -direction };
    const d = grow[e.key];
    if (d) onChange(clamp(value + d * step));
    else if (e.key === 'Home') onChange(min);
    else if (e.key === 'End') onChange(max);
    else return;
    e.preventDefault();
  }
  return (
    <div
      className={`splitter splitter-${orientation}`}
      role="separator"
      aria-label={label}
      aria-orientation={orientation}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={() => (start.current = null)}
      onPointerCancel={() => (start.current = null)}
      onKeyDown={onKeyDown}
    />
  );
}
