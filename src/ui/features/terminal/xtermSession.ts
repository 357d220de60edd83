// The xterm.js side of the terminal, loaded lazily (xterm is ~80 kB gzip): mounts a Terminal in
// an element, feeds keystrokes through ShellInput, runs submitted lines with the runCommand
// action, and prints every terminal entry from the store, whoever ran it (typed here, a graph
// action, the editor, a replay after scrubbing).
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { editObject, isEditLine } from '../../actions/editObject';
import { runCommand } from '../../actions/runCommand';
import { stopWatch } from '../../actions/stopWatch';
import { isWatchLine, watchResources } from '../../actions/watchResources';
import type { Playground, TerminalEntry } from '../../store/store';
import type { ViewStore } from '../../store/view';
import { complete, completionContext, type Completion } from './completion';
import { engineCompletion } from './engineCompletion';
import { banner, crlf, renderCommandLine, renderOutput } from './render';
import { ShellInput } from './shellInput';

export interface TerminalSession {
  focus(): void;
  dispose(): void;
}

export function mountTerminal(el: HTMLElement, pg: Playground, view?: ViewStore): TerminalSession {
  const term = new Terminal({
    fontFamily: "ui-monospace, 'DejaVu Sans Mono', 'Liberation Mono', Menlo, Consolas, monospace",
    fontSize: 15,
    lineHeight: 1.15,
    cursorBlink: true,
    scrollback: 5000,
    allowProposedApi: false,
    theme: { background: '#0f1626', foreground: '#e2e8f0', cursor: '#7aa7ff', selectionBackground: '#31457a' },
  });
  const fit = new FitAddon();
  term.loadAddon(fit);
  term.open(el);
  term.textarea?.setAttribute('aria-label', 'Command (kubectl or sim)');
  safeFit(fit);
  const resize = new ResizeObserver(() => safeFit(fit));
  resize.observe(el);

  const shell = new ShellInput({
    history: () => pg.store.getState().terminal.history,
    complete: (line) => complete(line, completionContext(pg.store.getState().cluster.objects)),
    cols: () => term.cols,
  });
  const printed = new Set<number>();
  const typed = new Set<number>();
  let waitingFor: number | undefined;
  /** The `kubectl get -w` entry streaming now (no prompt until Ctrl-C), and how much of it is shown. */
  let watching: number | undefined;
  let watchShown = 0;

  const syncInput = () => {
    el.dataset.input = shell.buffer;
  };

  term.write(banner(term.cols));
  // Entries from before this terminal was mounted (the panel was hidden, say).
  for (const e of pg.store.getState().terminal.entries) {
    if (!e.result) continue;
    printed.add(e.id);
    term.write(renderCommandLine(e) + renderOutput(e));
  }
  term.write(shell.prompt());

  const localComplete = (line: string) => complete(line, completionContext(pg.store.getState().cluster.objects));
  // Tab asks the engine (its kubectl completion knows every resource type, flag and name); keys
  // typed while the answer is on its way wait, so they land after the completion as typed.
  let completing: string[] | undefined;
  const onTab = (before: string, rest: string) => {
    completing = rest ? [rest] : [];
    void engineCompletion(pg.client, before).then((c: Completion | null) => {
      const w = shell.applyCompletion(before, c ?? localComplete(before));
      if (w) term.write(w);
      const queued = completing ?? [];
      completing = undefined;
      syncInput();
      for (const d of queued) onData(d);
    });
  };

  const onData = (data: string): void => {
    if (watching !== undefined) {
      // A watch holds the terminal, as a running kubectl does: only Ctrl-C (ends it) counts.
      if (!data.includes('\x03')) return;
      const id = watching;
      watching = undefined;
      waitingFor = undefined;
      stopWatch(pg, id);
      term.write('^C\r\n' + shell.prompt());
      syncInput();
      return;
    }
    if (completing) {
      completing.push(data);
      return;
    }
    const tab = data.indexOf('\t');
    if (tab < 0) return feed(data);
    if (tab > 0) feed(data.slice(0, tab));
    const before = shell.beforeCursor;
    if (before === undefined) return feed(data.slice(tab)); // in a heredoc: Tab does nothing
    onTab(before, data.slice(tab + 1));
  };

  const feed = (data: string): void => {
    const r = shell.feed(data);
    if (r.clear) term.clear();
    if (r.write) term.write(r.write);
    for (const s of r.submits) {
      // `kubectl edit` opens the editor; `kubectl get -w` streams until Ctrl-C; the rest run.
      const plain = s.stdin === undefined;
      const watch = plain && isWatchLine(s.line);
      const id = plain && isEditLine(s.line) ? editObject(pg, s.line, view) : watch ? watchResources(pg, s.line) : runCommand(pg, s.line, s.stdin);
      if (id === undefined) continue; // `clear`
      typed.add(id);
      waitingFor = id;
      if (watch) watching = id;
    }
    syncInput();
  };
  term.onData((d) => onData(d));

  const print = (e: TerminalEntry) => {
    printed.add(e.id);
    if (typed.has(e.id)) {
      term.write(renderOutput(e));
      if (e.id === watching) watchShown = e.result?.stdout.length ?? 0;
      if (waitingFor === e.id && !(e.id === watching && e.watching)) {
        if (e.id === watching) watching = undefined;
        waitingFor = undefined;
        term.write(shell.prompt());
      }
    } else if (waitingFor === undefined) {
      // The prompt is showing: print above it, then draw it again with what was being typed.
      term.write(shell.erase() + renderCommandLine(e) + renderOutput(e) + shell.prompt());
    } else term.write(renderCommandLine(e) + renderOutput(e));
  };

  const unsubscribe = pg.store.subscribe((s, prev) => {
    if (s.terminal.entries === prev.terminal.entries) return;
    for (const e of s.terminal.entries) if (e.result && !printed.has(e.id)) print(e);
    if (watching !== undefined && printed.has(watching)) showWatchRows(s.terminal.entries.find((e) => e.id === watching));
  });

  /** Rows the watch added since last shown; the prompt comes back when the watch ends. */
  const showWatchRows = (e: TerminalEntry | undefined) => {
    const out = e?.result?.stdout ?? '';
    if (out.length > watchShown) term.write(crlf(out.slice(watchShown)));
    watchShown = out.length;
    if (e?.watching) return;
    watching = undefined;
    waitingFor = undefined;
    term.write(shell.prompt());
  };

  return {
    focus: () => term.focus(),
    dispose() {
      unsubscribe();
      resize.disconnect();
      term.dispose();
    },
  };
}

function safeFit(fit: FitAddon): void {
  try {
    fit.fit();
  } catch {
    // Not laid out yet (hidden tab): the next resize fits it.
  }
}
