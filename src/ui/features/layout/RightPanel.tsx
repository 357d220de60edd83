// The right-hand panel: the editor and the terminal (owned by the editor/terminal feature; they
// plug in through ../../slots.tsx). Both stay mounted so the terminal keeps its scrollback.
import type { RightTab } from '../../store/view';
import { useView, useViewStoreApi } from '../../store/viewContext';
import { EditorSlot, TerminalSlot } from '../../slots';

const TABS: { id: RightTab; label: string }[] = [
  { id: 'editor', label: 'Editor' },
  { id: 'terminal', label: 'Terminal' },
];

export function RightPanel() {
  const view = useViewStoreApi();
  const tab = useView((s) => s.rightTab);
  return (
    <section className="right" aria-label="Editor and terminal">
      <div className="tabs" role="tablist" aria-label="Editor and terminal">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`right-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`right-panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            className="tab"
            onClick={() => view.setState({ rightTab: t.id })}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
              const next = tab === 'editor' ? 'terminal' : 'editor';
              view.setState({ rightTab: next });
              document.getElementById(`right-tab-${next}`)?.focus();
            }}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="right-body nokey" role="tabpanel" id="right-panel-editor" aria-labelledby="right-tab-editor" hidden={tab !== 'editor'}>
        <EditorSlot />
      </div>
      <div className="right-body nokey" role="tabpanel" id="right-panel-terminal" aria-labelledby="right-tab-terminal" hidden={tab !== 'terminal'}>
        <TerminalSlot />
      </div>
    </section>
  );
}
