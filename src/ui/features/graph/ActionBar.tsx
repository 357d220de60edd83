// The selected object's verbs as buttons (each shows its shortcut), the value a verb asked for,
// and the command the last verb ran with its answer — so a student sees the kubectl line behind
// every click. Errors from the engine (a verb it does not support yet) are shown politely.
import { useEffect, useRef, useState } from 'react';
import { actionById, actionsFor } from '../../actions/registry';
import { runObjectAction, type ObjectAction } from '../../actions/objectAction';
import { addNode } from '../../actions/addNode';
import { selectObject } from '../../actions/selectObject';
import { usePlayground, usePlaygroundStore } from '../../store/context';
import { useView, useViewStoreApi } from '../../store/viewContext';
import { GraphIcon } from './GraphIcon';
import { selectAllObjects } from './selectors';
import { targetOf, titleOf } from './target';

const KEY_NAMES: Record<string, string> = { Delete: 'Del', '+': '+', '-': '−' };
export const keyLabel = (k: string) => KEY_NAMES[k] ?? (k.length === 1 && k !== k.toLowerCase() ? `Shift+${k}` : k);

export function ActionBar() {
  const pg = usePlayground();
  const view = useViewStoreApi();
  const selected = useView((s) => s.selected);
  const pending = useView((s) => s.pending);
  const all = usePlaygroundStore(selectAllObjects);
  const target = targetOf(selected, all);
  const deps = { pg, view };

  const run = (a: ObjectAction) => {
    if (target) runObjectAction(deps, a, target);
    else runObjectAction(deps, a, { id: 'cluster:', ref: { kind: 'Cluster', name: '' } });
  };
  const actions = target ? actionsFor(target) : [];
  const pendingAction = pending && target && pending.target === target.id ? actionById(pending.actionId) : undefined;

  return (
    <div className="action-bar" role="toolbar" aria-label={target ? `Actions for ${titleOf(target)}` : 'Cluster actions'} data-testid="action-bar">
      <div className="action-row">
        {target ? (
          <>
            <span className="action-target" title={titleOf(target)}>
              {titleOf(target)}
            </span>
            {actions.map((a) => (
              <button
                key={a.id}
                type="button"
                className={`btn btn-action${a.danger ? ' is-danger' : ''}`}
                onClick={() => run(a)}
                aria-keyshortcuts={a.key}
                title={`${a.command(target, a.input?.initial(target))}${a.key ? `  (key: ${keyLabel(a.key)})` : ''}`}
                data-testid={`action:${a.id}`}
                aria-label={a.label}
              >
                <GraphIcon name={a.icon} size={17} />
                <span className="btn-label">{a.label}</span>
                {a.key && <kbd aria-hidden="true">{keyLabel(a.key)}</kbd>}
              </button>
            ))}
            <button type="button" className="btn btn-action btn-quiet" onClick={() => selectObject(view, null)} aria-label="Clear selection" title="Clear selection (Esc)">
              <GraphIcon name="close" size={16} />
            </button>
          </>
        ) : (
          <>
            <span className="action-hint">Click or Tab to an object to act on it. Right-click for a menu.</span>
            <button type="button" className="btn btn-action" onClick={() => run(addNode)} data-testid="action:add-node" title="sim node add  (key: a)" aria-keyshortcuts="a">
              <GraphIcon name="plus" size={17} />
              Add node
            </button>
          </>
        )}
      </div>
      {pendingAction && target && <ActionInput key={`${pendingAction.id}:${target.id}`} action={pendingAction} onRun={(v) => runObjectAction(deps, pendingAction, target, v)} onCancel={() => view.setState({ pending: null })} initial={pendingAction.input!.initial(target)} />}
      <LastRun />
    </div>
  );
}

function ActionInput({ action, initial, onRun, onCancel }: { action: ObjectAction; initial: string; onRun: (v: string) => void; onCancel: () => void }) {
  const [value, setValue] = useState(initial);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.select(), []);
  return (
    <form
      className="action-input nokey"
      onSubmit={(e) => {
        e.preventDefault();
        onRun(value);
      }}
    >
      <label>
        <span>{action.input!.label}</span>
        <input ref={input} value={value} onChange={(e) => setValue(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && onCancel()} spellCheck={false} autoComplete="off" data-testid="action-input" />
      </label>
      <button type="submit" className="btn btn-action">
        Run
      </button>
      <button type="button" className="btn btn-action btn-quiet" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}

function LastRun() {
  const last = useView((s) => s.lastRun);
  const entry = usePlaygroundStore((s) => (last?.entryId === undefined ? undefined : s.terminal.entries.find((e) => e.id === last.entryId)));
  if (!last) return null;
  const r = entry?.result;
  const failed = !!r && r.exitCode !== 0;
  const text = r ? (r.stdout || r.stderr).trim().split('\n').slice(0, 2).join('  ') : 'running…';
  return (
    <div className={`last-run${failed ? ' is-error' : ''}`} role="status" aria-live="polite" data-testid="last-run">
      <code className="last-line">$ {last.line}</code>
      <span className="last-out">
        {failed && /unknown command|not available|not supported/i.test(text) ? `Not available in this version of the simulator yet — the engine said: ${text}` : text}
      </span>
    </div>
  );
}
