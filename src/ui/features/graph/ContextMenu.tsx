// Right-click (or the Menu key / Shift+F10) on an object: its verbs as a menu. Arrow keys move,
// Enter runs, Escape closes.
import { useEffect, useRef } from 'react';
import { actionsFor } from '../../actions/registry';
import { runObjectAction } from '../../actions/objectAction';
import { usePlayground, usePlaygroundStore } from '../../store/context';
import { useViewStoreApi } from '../../store/viewContext';
import { keyLabel } from './ActionBar';
import { GraphIcon } from './GraphIcon';
import { selectAllObjects } from './selectors';
import { targetOf, titleOf } from './target';

export function ContextMenu({ id, x, y, onClose }: { id: string; x: number; y: number; onClose: () => void }) {
  const pg = usePlayground();
  const view = useViewStoreApi();
  const all = usePlaygroundStore(selectAllObjects);
  const target = targetOf(id, all);
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, []);
  if (!target) return null;
  const actions = actionsFor(target);
  const move = (d: number) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    items[(i + d + items.length) % items.length]?.focus();
  };
  return (
    <div
      ref={menu}
      className="context-menu"
      role="menu"
      aria-label={`Actions for ${titleOf(target)}`}
      style={{ left: x, top: y }}
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown') move(1);
        else if (e.key === 'ArrowUp') move(-1);
        else if (e.key === 'Escape' || e.key === 'Tab') onClose();
        else return;
        e.preventDefault();
        e.stopPropagation();
      }}
    >
      <div className="context-title">{titleOf(target)}</div>
      {actions.map((a) => (
        <button
          key={a.id}
          type="button"
          role="menuitem"
          className={`context-item${a.danger ? ' is-danger' : ''}`}
          onClick={() => {
            onClose();
            runObjectAction({ pg, view }, a, target);
          }}
        >
          <GraphIcon name={a.icon} size={17} />
          <span>{a.label}</span>
          {a.key && <kbd>{keyLabel(a.key)}</kbd>}
        </button>
      ))}
    </div>
  );
}
