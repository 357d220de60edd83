// The terminal panel: an xterm.js terminal (loaded when the panel first mounts) running the
// engine's kubectl and `sim` verbs. Beside it, hidden from sight but not from assistive
// technology, a plain-text log of the same entries (xterm's canvas is not readable by a screen
// reader). Wrapped in `nokey` so React Flow's Space/Backspace shortcuts leave typing alone.
import { useEffect, useRef } from 'react';
import { usePlayground, usePlaygroundStore } from '../../store/context';
import { selectTerminalEntries } from '../../store/selectors';
import { useViewStoreApi } from '../../store/viewContext';
import { entryText } from './render';
import type { TerminalSession } from './xtermSession';
import './terminal.css';

export function TerminalPanel() {
  const pg = usePlayground();
  const view = useViewStoreApi();
  const host = useRef<HTMLDivElement>(null);
  const session = useRef<TerminalSession | null>(null);
  const entries = usePlaygroundStore(selectTerminalEntries);

  useEffect(() => {
    let cancelled = false;
    void import('./xtermSession').then(({ mountTerminal }) => {
      if (cancelled || !host.current) return;
      session.current = mountTerminal(host.current, pg, view);
      host.current.dataset.ready = 'true';
    });
    return () => {
      cancelled = true;
      session.current?.dispose();
      session.current = null;
    };
  }, [pg, view]);

  // "/" anywhere outside a text field jumps to the terminal (as in many web consoles).
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName) || t.closest('.monaco-editor'))) return;
      e.preventDefault();
      session.current?.focus();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <section className="terminal-panel nokey" aria-label="Terminal">
      <div className="xterm-host" ref={host} data-testid="terminal" onClick={() => session.current?.focus()} />
      <div className="sr-only" role="log" aria-label="Command output" data-testid="terminal-output">
        {entries.map((e) => (
          <pre key={e.id}>{entryText(e)}</pre>
        ))}
      </div>
    </section>
  );
}
