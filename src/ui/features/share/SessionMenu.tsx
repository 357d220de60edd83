// Keep and share: export/import the cluster as a file, export the user's objects as YAML,
// copy a share link, download the graph as PNG/SVG, and "Reset cluster" (after confirming).
// Every entry calls one action from src/ui/actions/.
import { useRef, useState } from 'react';
import { copyShareLink } from '../../actions/copyShareLink';
import { exportClusterFile } from '../../actions/exportClusterFile';
import { exportGraphImage } from '../../actions/exportGraphImage';
import { exportYamlBundle } from '../../actions/exportYamlBundle';
import { importClusterFile } from '../../actions/importClusterFile';
import { resetCluster } from '../../actions/resetCluster';
import { usePlayground } from '../../store/context';
import { isSession } from '../../../engine/protocol';
import { pickTextFile } from './download';
import './share.css';

export function SessionMenu() {
  const pg = usePlayground();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  const run = (f: () => Promise<unknown> | unknown, done?: string) => async () => {
    setOpen(false);
    try {
      await f();
      if (done) setMessage(done);
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="session-menu">
      <button type="button" className="btn btn-session" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        Save &amp; share
      </button>
      {open && (
        <div className="session-items" role="menu" aria-label="Save and share">
          <button role="menuitem" type="button" onClick={run(async () => setMessage(`Link copied: ${await copyShareLink(pg)}`))}>
            Copy share link
          </button>
          <button role="menuitem" type="button" onClick={run(() => exportClusterFile(pg))}>
            Export cluster file
          </button>
          <button
            role="menuitem"
            type="button"
            onClick={run(async () => {
              const text = await pickTextFile('.json,application/json');
              if (text !== undefined) importClusterFile(pg, text);
            })}
          >
            Import cluster file…
          </button>
          <button role="menuitem" type="button" onClick={run(() => exportYamlBundle(pg))}>
            Export objects as YAML
          </button>
          <button role="menuitem" type="button" onClick={run(() => exportGraphImage('png'))}>
            Graph as PNG
          </button>
          <button role="menuitem" type="button" onClick={run(() => exportGraphImage('svg'))}>
            Graph as SVG
          </button>
          <button
            role="menuitem"
            type="button"
            className="danger"
            onClick={() => {
              setOpen(false);
              dialog.current?.showModal();
            }}
          >
            Reset cluster…
          </button>
        </div>
      )}
      {message && (
        <div className="session-message" role="status">
          <span>{message}</span>
          <button type="button" aria-label="Dismiss" onClick={() => setMessage(null)}>
            ×
          </button>
        </div>
      )}
      <dialog ref={dialog} className="confirm-dialog" aria-labelledby="reset-title">
        <form method="dialog">
          <h2 id="reset-title">Reset the cluster?</h2>
          <p>Every object, the timeline and the terminal output are discarded; a fresh cluster boots. Your editor buffers stay.</p>
          <div className="confirm-actions">
            <button type="submit" className="btn btn-secondary" value="cancel" autoFocus>
              Cancel
            </button>
            <button
              type="submit"
              className="btn btn-danger"
              value="reset"
              onClick={() => {
                void pg.client.query({ kind: 'session' }).then((s) => resetCluster(pg, isSession(s) ? s.seed : 1));
              }}
            >
              Reset cluster
            </button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
