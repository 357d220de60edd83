// The command box: type a `kubectl …` or `sim …` line, Enter runs it, ↑/↓ recall history.
// A later issue replaces this with xterm; the verb it calls (runCommand) stays the same.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { runCommand } from '../../actions/runCommand';
import { Icon } from '../../components/Icon';
import { usePlayground, usePlaygroundStore } from '../../store/context';
import { selectConnection, selectHistory, selectTerminalEntries } from '../../store/selectors';

export function CommandBox() {
  const pg = usePlayground();
  const entries = usePlaygroundStore(selectTerminalEntries);
  const history = usePlaygroundStore(selectHistory);
  const connection = usePlaygroundStore(selectConnection);
  const [text, setText] = useState('');
  // Position in history while browsing with ↑/↓; null = editing a new line.
  const [cursor, setCursor] = useState<number | null>(null);
  const draft = useRef('');
  const output = useRef<HTMLDivElement>(null);

  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const el = output.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [entries]);

  // "/" anywhere outside a text field jumps to the command box (as in many web consoles).
  useEffect(() => {
    function onKey(e: globalThis.KeyboardEvent) {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      e.preventDefault();
      input.current?.focus();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  function submit() {
    runCommand(pg, text);
    setText('');
    setCursor(null);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowUp') {
      if (history.length === 0) return;
      e.preventDefault();
      if (cursor === null) draft.current = text;
      const next = cursor === null ? history.length - 1 : Math.max(0, cursor - 1);
      setCursor(next);
      setText(history[next]);
    } else if (e.key === 'ArrowDown') {
      if (cursor === null) return;
      e.preventDefault();
      const next = cursor + 1;
      if (next >= history.length) {
        setCursor(null);
        setText(draft.current);
      } else {
        setCursor(next);
        setText(history[next]);
      }
    } else if (e.key === 'Escape') {
      setText('');
      setCursor(null);
    }
  }

  return (
    <section className="panel terminal nokey" aria-labelledby="terminal-title">
      <h2 id="terminal-title" className="panel-title">
        <Icon name="terminal" />
        <span>Terminal</span>
        <span className="panel-extra hint">/ focuses · Enter runs · ↑/↓ history · clear</span>
      </h2>
      <div className="output" ref={output} role="log" aria-label="Command output" data-testid="terminal-output">
        {entries.length === 0 && <p className="output-hint">Try: kubectl create deployment web --image=nginx --replicas=3</p>}
        {entries.map((e) => (
          <div key={e.id} className="output-entry">
            <div className="output-line">
              <span className="prompt">$</span> {e.line}
            </div>
            {e.result === undefined ? (
              <div className="output-running">running…</div>
            ) : (
              <>
                {e.result.stdout && <pre className="stdout">{e.result.stdout}</pre>}
                {e.result.stderr && <pre className="stderr">{e.result.stderr}</pre>}
              </>
            )}
          </div>
        ))}
      </div>
      <form
        className="prompt-row"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <span className="prompt" aria-hidden="true">
          $
        </span>
        <input
          ref={input}
          data-testid="terminal"
          className="command-input"
          aria-label="Command (kubectl or sim)"
          placeholder="kubectl get pods -A"
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setCursor(null);
          }}
          onKeyDown={onKeyDown}
          disabled={connection === 'error'}
        />
        <button type="submit" className="btn btn-run" aria-label="Run command" disabled={connection === 'error'}>
          <Icon name="enter" />
          Run
        </button>
      </form>
    </section>
  );
}
