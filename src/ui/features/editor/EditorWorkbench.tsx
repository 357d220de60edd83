// The YAML editor itself (loaded lazily with Monaco when the Editor tab first opens): buffer
// tabs, the example gallery, Monaco with Kubernetes schema validation/completion/hover, Apply
// (button and Ctrl+Enter), "Review changes" (a diff against the live objects), and every problem
// shown at its line: YAML syntax errors before applying, the API server's errors after.
import { useCallback, useEffect, useRef, useState } from 'react';
import { applyManifest } from '../../actions/applyManifest';
import { openExample } from '../../actions/openExample';
import { saveEdit } from '../../actions/saveEdit';
import { usePlayground, usePlaygroundStore } from '../../store/context';
import { useView, useViewStoreApi } from '../../store/viewContext';
import { addBuffer, closeBuffer, selectBuffer, selectEditor, setBufferText } from './buffers';
import { applyProblems, documentCount, type Problem } from './diagnostics';
import { EXAMPLES, EXAMPLE_ATTRIBUTION } from './examples';
import { liveYamlFor } from './liveDiff';
import { monaco, setupMonaco } from './monacoSetup';

const MARKER_OWNER = 'kube-playground';

type Status = { tone: 'info' | 'ok' | 'error'; text: string };

export default function EditorWorkbench() {
  const pg = usePlayground();
  const view = useViewStoreApi();
  const editorState = usePlaygroundStore(selectEditor);
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const diffRef = useRef<monaco.editor.IStandaloneDiffEditor | null>(null);
  const models = useRef(new Map<string, monaco.editor.ITextModel>());
  const [reviewing, setReviewing] = useState(false);
  const [status, setStatus] = useState<Status>({ tone: 'info', text: 'Ctrl+Enter applies the buffer' });
  const [problems, setProblems] = useState<Problem[]>([]);
  const active = editorState.buffers.find((b) => b.id === editorState.active) ?? editorState.buffers[0];

  const modelFor = useCallback((id: string, text: string) => {
    let m = models.current.get(id);
    if (!m || m.isDisposed()) {
      m = monaco.editor.createModel(text, 'yaml', monaco.Uri.parse(`file:///buffers/${id}.yaml`));
      m.onDidChangeContent(() => setBufferText(pg.store, id, m!.getValue()));
      models.current.set(id, m);
    }
    return m;
  }, [pg]);

  const showProblems = useCallback((model: monaco.editor.ITextModel | null, list: Problem[]) => {
    setProblems(list);
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      list.map((p) => ({
        startLineNumber: p.line,
        startColumn: p.column,
        endLineNumber: p.endLine,
        endColumn: p.endColumn,
        message: p.message,
        severity: p.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
      })),
    );
  }, []);

  // A `kubectl edit` buffer saves (or cancels) the edit instead of applying: kubectl's answer
  // is printed in the terminal, which comes to the front when the edit is done.
  const finishEdit = useCallback(
    (id: string, cancel: boolean) => {
      setStatus({ tone: 'info', text: cancel ? 'Cancelling the edit…' : 'Saving the edit…' });
      void saveEdit(pg, id, { cancel }).then((r) => {
        if (!r) return;
        const text = (r.stdout + r.stderr).trim().split('\n').join(' · ');
        setStatus({ tone: r.exitCode === 0 ? 'ok' : 'error', text });
        if (r.exitCode === 0) view.setState({ rightTab: 'terminal' });
      });
    },
    [pg, view],
  );

  const apply = useCallback(() => {
    const s = pg.store.getState();
    const buf = s.editor.buffers.find((b) => b.id === s.editor.active);
    if (!buf) return;
    if (buf.edit) return finishEdit(buf.id, false);
    const model = models.current.get(buf.id) ?? null;
    const start = applyManifest(pg, buf.text);
    if (!start.ok) {
      showProblems(model, start.problems);
      const first = start.problems[0];
      setStatus({ tone: 'error', text: first ? `Not applied: YAML error on line ${first.line}: ${first.message}` : 'Not applied' });
      return;
    }
    showProblems(model, []);
    setStatus({ tone: 'info', text: `Applying ${documentCount(buf.text)} document(s)…` });
    const unsubscribe = pg.store.subscribe((st) => {
      const entry = st.terminal.entries.find((e) => e.id === start.id);
      if (!entry?.result) return;
      unsubscribe();
      const r = entry.result;
      if (r.exitCode === 0) {
        setStatus({ tone: 'ok', text: r.stdout.trim().split('\n').join(' · ') || 'Applied' });
        showProblems(model, []);
      } else {
        const list = applyProblems(buf.text, r.stderr);
        showProblems(model, list);
        setStatus({ tone: 'error', text: `Apply failed: ${r.stderr.trim().split('\n')[0]}` });
      }
    });
  }, [pg, showProblems, finishEdit]);

  // Create the editor once.
  useEffect(() => {
    setupMonaco();
    const el = host.current;
    if (!el) return;
    const s = pg.store.getState();
    const buf = s.editor.buffers.find((b) => b.id === s.editor.active) ?? s.editor.buffers[0];
    const editor = monaco.editor.create(el, {
      model: modelFor(buf.id, buf.text),
      automaticLayout: true,
      fontSize: 15,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      tabSize: 2,
      insertSpaces: true,
      renderWhitespace: 'boundary',
      quickSuggestions: { other: true, comments: false, strings: true },
      fixedOverflowWidgets: true,
      ariaLabel: 'YAML manifest editor',
    });
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => applyRef.current());
    editorRef.current = editor;
    const modelMap = models.current;
    return () => {
      editor.dispose();
      diffRef.current?.dispose();
      for (const m of modelMap.values()) m.dispose();
      modelMap.clear();
    };
  }, [pg, modelFor]);

  // Monaco's colours follow the page's theme (one theme for every Monaco editor on the page).
  const theme = useView((s) => s.theme);
  useEffect(() => {
    monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs');
  }, [theme]);

  const applyRef = useRef(apply);
  applyRef.current = apply;

  // Switch buffers; pick up text changed from outside (a restored page, an opened example).
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || !active) return;
    const model = modelFor(active.id, active.text);
    if (model.getValue() !== active.text) model.setValue(active.text);
    if (editor.getModel() !== model) {
      editor.setModel(model);
      setProblems([]);
    }
  }, [active, modelFor]);

  // An edit buffer says what saving it does (the header comment says the rest, as in kubectl).
  const editTitle = active?.edit?.title;
  useEffect(() => {
    if (editTitle) setStatus({ tone: 'info', text: `kubectl edit ${editTitle}: Save edit (Ctrl+Enter) sends it back` });
  }, [editTitle, active?.id]);

  // "Review changes": the live objects on the left, the buffer on the right (still editable).
  useEffect(() => {
    const editor = editorRef.current;
    const el = host.current;
    if (!editor || !el || !reviewing) return;
    const model = editor.getModel();
    if (!model) return;
    const original = monaco.editor.createModel(liveYamlFor(model.getValue(), pg.store.getState().cluster.objects), 'yaml');
    const container = document.createElement('div');
    container.className = 'editor-diff';
    container.dataset.testid = 'editor-diff';
    el.parentElement!.appendChild(container);
    el.style.display = 'none';
    const diff = monaco.editor.createDiffEditor(container, {
      automaticLayout: true,
      fontSize: 15,
      originalEditable: false,
      renderSideBySide: container.clientWidth > 700,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
    });
    diff.setModel({ original, modified: model });
    diff.getModifiedEditor().addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => applyRef.current());
    diffRef.current = diff;
    return () => {
      diff.setModel(null);
      diff.dispose();
      original.dispose();
      container.remove();
      el.style.display = '';
      diffRef.current = null;
      editor.setModel(model);
    };
  }, [reviewing, pg, active?.id]);

  return (
    <div className="editor-workbench">
      <div className="editor-tabbar">
        <div className="editor-tabs" role="tablist" aria-label="YAML buffers">
          {editorState.buffers.map((b) => (
            <span key={b.id} className="editor-tab" data-active={b.id === active?.id}>
              <button type="button" role="tab" aria-selected={b.id === active?.id} onClick={() => selectBuffer(pg.store, b.id)}>
                {b.name}
              </button>
              {editorState.buffers.length > 1 && (
                <button type="button" className="editor-tab-close" aria-label={`Close ${b.name}`} onClick={() => closeBuffer(pg.store, b.id)}>
                  ×
                </button>
              )}
            </span>
          ))}
          <button type="button" className="editor-tab-new" aria-label="New buffer" onClick={() => addBuffer(pg.store, 'manifest.yaml', '')}>
            +
          </button>
        </div>
      </div>
      <div className="editor-toolbar">
        <select
          className="editor-examples"
          aria-label="Start from an example"
          value=""
          onChange={(e) => {
            const ex = EXAMPLES.find((x) => x.id === e.target.value);
            if (ex) openExample(pg, ex);
          }}
        >
          <option value="">Examples…</option>
          {EXAMPLES.map((ex) => (
            <option key={ex.id} value={ex.id}>
              {ex.title}
            </option>
          ))}
        </select>
        <button type="button" className="btn btn-secondary" aria-pressed={reviewing} onClick={() => setReviewing((r) => !r)}>
          {reviewing ? 'Back to editing' : 'Review changes'}
        </button>
        {active?.edit ? (
          <>
            <button type="button" className="btn btn-secondary" onClick={() => finishEdit(active.id, true)} title="Drop the edit (kubectl: Edit cancelled)">
              Cancel edit
            </button>
            <button type="button" className="btn btn-apply" onClick={apply} title={`Save the edit of ${active.edit.title} (Ctrl+Enter)`}>
              Save edit
            </button>
          </>
        ) : (
          <button type="button" className="btn btn-apply" onClick={apply} title="Apply (Ctrl+Enter)">
            Apply
          </button>
        )}
      </div>
      <div className="editor-body">
        <div className="editor-monaco" ref={host} data-testid="yaml-editor" />
      </div>
      <div className={`editor-status tone-${status.tone}`} role="status" data-testid="editor-status">
        {status.text}
      </div>
      {problems.length > 0 && (
        <ul className="editor-problems" aria-label="Problems" data-testid="editor-problems">
          {problems.map((p, i) => (
            <li key={i}>
              <button type="button" onClick={() => revealLine(editorRef.current, p.line)}>
                Line {p.line}: {p.message}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="editor-attribution">{EXAMPLE_ATTRIBUTION}</div>
    </div>
  );
}

function revealLine(editor: monaco.editor.IStandaloneCodeEditor | null, line: number): void {
  if (!editor) return;
  editor.revealLineInCenter(line);
  editor.setPosition({ lineNumber: line, column: 1 });
  editor.focus();
}
