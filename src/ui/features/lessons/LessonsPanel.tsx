// The lessons panel (left side): a picker with progress per lesson, then the open lesson: its
// text with action buttons, steps that tick themselves off as the cluster reaches each state,
// hints, "Show me" (the reference solution, run in the terminal), "Reset this lesson" and a
// quiz. Checks are evaluated against a live ClusterView of the store (src/lessons/view.ts).
import { useEffect, useMemo, useRef, useState } from 'react';
import type { KubeObject } from '../../../engine';
import { fromBundle, lessonFromLink, lessonLink } from '../../../lessons/bundle';
import { evaluate, parseSelector } from '../../../lessons/checks';
import { splitBody, type Action } from '../../../lessons/markdown';
import { builtinLessons } from '../../../lessons/registry';
import type { Lesson } from '../../../lessons/types';
import { viewOfState } from '../../../lessons/view';
import { applyManifest } from '../../actions/applyManifest';
import { runLessonLines } from '../../actions/runLessonLines';
import { selectObject } from '../../actions/selectObject';
import { startLesson } from '../../actions/startLesson';
import { addBuffer } from '../editor/buffers';
import { GraphIcon } from '../graph/GraphIcon';
import { usePlayground } from '../../store/context';
import { useView, useViewStoreApi } from '../../store/viewContext';
import { Blocks, type ActionHandlers } from './Markdown';
import { loadOpenLesson, loadProgress, saveOpenLesson, saveProgress, type ProgressMap } from './progress';
import { commandsOf, useTrafficTargets } from './useLessonView';
import './lessons.css';

const storage = typeof window === 'undefined' ? undefined : window.localStorage;

export function LessonsPanel({ open, onToggle }: { open: boolean; onToggle(): void }) {
  return (
    <aside className={`lessons${open ? ' is-open' : ''}`} aria-label="Lessons" data-testid="lessons-panel">
      <button type="button" className="btn lessons-toggle" aria-expanded={open} aria-controls="lessons-body" onClick={onToggle} title={open ? 'Hide lessons' : 'Show lessons'}>
        <GraphIcon name={open ? 'chevronLeft' : 'book'} size={20} />
        <span className={open ? '' : 'vertical-text'}>Lessons</span>
      </button>
      {open && <LessonsBody />}
    </aside>
  );
}

/** The lesson text needs room beside the graph: opening a lesson widens a narrow panel. */
const LESSON_MIN_WIDTH = 380;

function LessonsBody() {
  const pg = usePlayground();
  const viewStore = useViewStoreApi();
  const [extra, setExtra] = useState<Lesson[]>([]);
  const [error, setError] = useState<string | null>(null);
  const lessons = useMemo(() => [...builtinLessons(), ...extra], [extra]);
  const [progress, setProgress] = useState<ProgressMap>(() => loadProgress(storage));
  const [openId, setOpenId] = useState<string | null>(() => loadOpenLesson(storage));
  const lesson = lessons.find((l) => l.id === openId) ?? null;

  // A link may carry a lesson (#lesson=…): add it and open it.
  useEffect(() => {
    try {
      const l = lessonFromLink(window.location.href);
      if (l) {
        setExtra((x) => [...x.filter((y) => y.id !== l.id), l]);
        setOpenId(l.id);
      }
    } catch (e) {
      setError(`The link's lesson could not be read: ${(e as Error).message}`);
    }
  }, []);

  useEffect(() => saveProgress(storage, progress), [progress]);
  useEffect(() => saveOpenLesson(storage, openId), [openId]);

  const begin = (l: Lesson) => {
    setOpenId(l.id);
    setProgress((p) => ({ ...p, [l.id]: { done: [] } }));
    viewStore.setState((s) => (s.sizes.left >= LESSON_MIN_WIDTH ? s : { sizes: { ...s.sizes, left: LESSON_MIN_WIDTH } }));
    startLesson(pg, l);
  };

  const loadFile = async (f: File) => {
    try {
      const l = fromBundle(await f.text());
      setExtra((x) => [...x.filter((y) => y.id !== l.id), l]);
      setError(null);
      begin(l);
    } catch (e) {
      setError(`${f.name}: ${(e as Error).message}`);
    }
  };

  return (
    <div id="lessons-body" className="lessons-body">
      {error && <p className="lesson-error" role="alert">{error}</p>}
      {lesson ? (
        <LessonView
          key={lesson.id}
          lesson={lesson}
          done={progress[lesson.id]?.done ?? []}
          setDone={(done) => setProgress((p) => ({ ...p, [lesson.id]: { done } }))}
          onReset={() => begin(lesson)}
          onClose={() => setOpenId(null)}
        />
      ) : (
        <Picker lessons={lessons} progress={progress} onPick={begin} onFile={loadFile} />
      )}
    </div>
  );
}

function Picker({ lessons, progress, onPick, onFile }: { lessons: Lesson[]; progress: ProgressMap; onPick(l: Lesson): void; onFile(f: File): void }) {
  const file = useRef<HTMLInputElement>(null);
  return (
    <>
      <h2 className="panel-heading">Lessons</h2>
      <ol className="lesson-picker" data-testid="lesson-picker">
        {lessons.map((l) => {
          const n = progress[l.id]?.done.length ?? 0;
          const complete = n >= l.steps.length;
          return (
            <li key={l.id}>
              <button type="button" className={`lesson-pick${complete ? ' is-complete' : ''}`} onClick={() => onPick(l)} data-testid={`lesson-pick-${l.id}`}>
                <span className="lesson-pick-title">
                  {l.number !== undefined ? `${l.number}. ` : ''}
                  {l.title}
                </span>
                <span className="lesson-pick-summary">{l.summary}</span>
                <span className="lesson-progress" aria-label={`${n} of ${l.steps.length} steps done`}>
                  <span className="lesson-progress-bar" style={{ width: `${(100 * n) / l.steps.length}%` }} />
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" className="btn" onClick={() => file.current?.click()}>Open a lesson file…</button>
      <input ref={file} type="file" accept=".json,application/json" hidden onChange={(e) => e.target.files?.[0] && onFile(e.target.files[0])} />
    </>
  );
}

function LessonView({ lesson, done, setDone, onReset, onClose }: { lesson: Lesson; done: string[]; setDone(d: string[]): void; onReset(): void; onClose(): void }) {
  const pg = usePlayground();
  const viewStore = useViewStoreApi();
  const presenter = useView((s) => s.presenter);
  const text = useMemo(() => splitBody(lesson.body), [lesson.body]);
  const traffic = useTrafficTargets(lesson.id);
  const [hints, setHints] = useState<Record<string, boolean>>({});
  const [expanded, setExpanded] = useState<Record<string, boolean>>({});
  const [copied, setCopied] = useState(false);
  const current = lesson.steps.findIndex((s) => !done.includes(s.id));
  const doneRef = useRef(done);
  doneRef.current = done;
  const currentRef = useRef<HTMLLIElement>(null);

  // Tick steps live: whenever the store changes, the first unfinished step is checked (and the
  // next one, if that one now passes too). Steps tick in order, as the headless test runs them.
  useEffect(() => {
    const tick = () => {
      const s = pg.store.getState();
      const view = viewOfState(s.cluster, commandsOf(s), traffic);
      let d = doneRef.current;
      for (const step of lesson.steps) {
        if (d.includes(step.id)) continue;
        let ok = false;
        try {
          ok = evaluate(step.check, view);
        } catch {
          ok = false;
        }
        if (!ok) break;
        d = [...d, step.id];
      }
      if (d !== doneRef.current) setDone(d);
    };
    tick();
    return pg.store.subscribe(tick);
  }, [pg, lesson, traffic]);

  useEffect(() => {
    currentRef.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [current]);

  const h: ActionHandlers = {
    onRunLines: (lines) => runLessonLines(pg, lesson, lines),
    onAction: (a: Action) => {
      if (a.kind === 'run') runLessonLines(pg, lesson, [a.command]);
      else if (a.kind === 'apply') {
        const t = lesson.manifests[a.path];
        if (t !== undefined) applyManifest(pg, t);
      } else if (a.kind === 'editor') {
        const t = lesson.manifests[a.path];
        if (t !== undefined) {
          addBuffer(pg.store, a.path.split('/').at(-1) ?? a.path, t);
          viewStore.setState({ rightTab: 'editor' });
        }
      } else {
        const id = spotlightId(a.target, pg.store.getState().cluster.objects);
        if (id) selectObject(viewStore, id);
      }
    },
  };

  const share = async () => {
    try {
      await navigator.clipboard.writeText(lessonLink(window.location.origin + window.location.pathname, lesson));
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  const bundlable = lesson.steps.every((s) => typeof s.check !== 'function');

  return (
    <article className={`lesson${presenter ? ' is-presenter' : ''}`} data-testid="lesson" data-lesson={lesson.id}>
      <div className="lesson-toolbar">
        <button type="button" className="btn btn-quiet" onClick={onClose} title="All lessons">← Lessons</button>
        <span className="lesson-count" data-testid="lesson-count">
          {done.length}/{lesson.steps.length}
        </span>
        <button type="button" className="btn" onClick={onReset} data-testid="lesson-reset" title="A fresh cluster with this lesson's setup">Reset this lesson</button>
      </div>
      <h2 className="lesson-title">
        {lesson.number !== undefined ? `${lesson.number}. ` : ''}
        {text.title || lesson.title}
      </h2>
      <Blocks blocks={text.intro} h={h} />
      <ol className="lesson-steps">
        {lesson.steps.map((s, i) => {
          const isDone = done.includes(s.id);
          const isCurrent = i === current;
          const show = expanded[s.id] ?? isCurrent;
          return (
            <li key={s.id} ref={isCurrent ? currentRef : undefined} className={`lesson-step${isDone ? ' is-done' : ''}${isCurrent ? ' is-current' : ''}`} data-testid={`lesson-step-${s.id}`} data-done={isDone ? 'true' : 'false'} aria-current={isCurrent ? 'step' : undefined}>
              <button type="button" className="lesson-step-head" onClick={() => setExpanded((e) => ({ ...e, [s.id]: !show }))} aria-expanded={!!show}>
                <span className="lesson-tick" aria-label={isDone ? 'done' : 'not done yet'}>{isDone ? '✓' : i + 1}</span>
                <span>{s.title}</span>
              </button>
              {show && (
                <div className="lesson-step-body">
                  <Blocks blocks={text.steps[s.id] ?? []} h={h} />
                  <div className="lesson-step-actions">
                    <button type="button" className="btn" onClick={() => setHints((x) => ({ ...x, [s.id]: !x[s.id] }))} data-testid="lesson-hint">{hints[s.id] ? 'Hide hint' : 'Hint'}</button>
                    <button type="button" className="btn" onClick={() => runLessonLines(pg, lesson, s.solution)} data-testid="lesson-show-me" title={s.solution.filter((l) => !l.startsWith('sleep')).join('\n')}>Show me</button>
                  </div>
                  {hints[s.id] && <p className="lesson-hint" data-testid="lesson-hint-text">{s.hint}</p>}
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {current === -1 && (
        <p className="lesson-complete" data-testid="lesson-complete" role="status">
          All steps done.
        </p>
      )}
      <Blocks blocks={text.outro} h={h} />
      {lesson.quiz && lesson.quiz.length > 0 && <Quiz lesson={lesson} />}
      {bundlable && (
        <p className="lesson-share">
          <button type="button" className="btn btn-quiet" onClick={share}>{copied ? 'Link copied' : 'Copy a link to this lesson'}</button>
        </p>
      )}
    </article>
  );
}

function Quiz({ lesson }: { lesson: Lesson }) {
  const [answers, setAnswers] = useState<Record<number, number>>({});
  return (
    <section className="lesson-quiz" data-testid="lesson-quiz">
      <h3 className="lesson-h">Quiz</h3>
      {lesson.quiz!.map((q, i) => {
        const a = answers[i];
        return (
          <fieldset key={i} className="lesson-question">
            <legend>{q.question}</legend>
            {q.choices.map((c, j) => (
              <label key={j} className={a === undefined ? '' : j === q.answer ? 'is-right' : a === j ? 'is-wrong' : ''}>
                <input type="radio" name={`${lesson.id}-q${i}`} checked={a === j} onChange={() => setAnswers((x) => ({ ...x, [i]: j }))} /> {c}
              </label>
            ))}
            {a !== undefined && (
              <p className="lesson-why" role="status">
                {a === q.answer ? 'Right. ' : 'Not quite. '}
                {q.why}
              </p>
            )}
          </fieldset>
        );
      })}
    </section>
  );
}

/**
 * 'deployment/default/web' → the graph's id 'deployment:default/web'; 'node/kind-worker' →
 * 'node:kind-worker'; a pod named by a selector ('pod/default/app=web') → the first match.
 */
export function spotlightId(target: string, objects: Readonly<Record<string, Readonly<Record<string, KubeObject>>>>): string | null {
  const parts = target.split('/');
  const kind = parts[0].toLowerCase();
  if (parts.length === 2) return `${kind}:${parts[1]}`;
  if (parts.length !== 3) return null;
  const [, ns, name] = parts;
  if (!name.includes('=')) return `${kind}:${ns}/${name}`;
  const sel = parseSelector(name);
  const match = Object.values(objects)
    .flatMap((m) => Object.values(m))
    .filter((o) => o.kind.toLowerCase() === kind && o.metadata.namespace === ns && sel(o.metadata.labels ?? {}) && !o.metadata.deletionTimestamp)
    .map((o) => o.metadata.name ?? '')
    .sort()[0];
  return match ? `${kind}:${ns}/${match}` : null;
}
