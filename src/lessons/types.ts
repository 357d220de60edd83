// The lesson format. A lesson is a folder: body.md (the text), manifests/*.yaml (files the text
// and the commands refer to) and lesson.ts (the steps' checks, hints and reference solutions, the
// setup, the quiz). A lesson loaded at run time (a file, a share link) is the same data as JSON,
// with every check written in the declarative check language (checks.ts), because JSON cannot
// carry code. See README.md in this folder ("Write your own lesson").
import type { ClusterView } from './view';
import type { Check } from './checks';

/** A check: a declarative one (JSON-safe) or a pure TypeScript predicate over the cluster. */
export type StepCheck = Check | ((view: ClusterView) => boolean);

export interface Step {
  /** Matches the `{#id}` of the step's heading in body.md. */
  id: string;
  title: string;
  /** True once the cluster (and the commands run) show the step is done. Pure. */
  check: StepCheck;
  /** Shown when the student asks for a hint. */
  hint: string;
  /**
   * The reference solution: what a student would type. `kubectl …` and `sim …` lines, and
   * `sleep 30s` (simulated time passes; the UI skips sleeps, its clock is running anyway).
   * `-f manifests/NAME.yaml` sends that file of the lesson.
   */
  solution: string[];
}

export interface Setup {
  /** Seed of the fresh cluster (default 1). */
  seed?: number;
  /** Commands run before the lesson starts (manifests to apply, faults to inject, `sleep`). */
  commands?: string[];
  /** Simulation speed to start at (1 = real time). */
  speed?: number;
}

export interface QuizQuestion {
  question: string;
  choices: string[];
  /** Index into `choices`. */
  answer: number;
  /** Why the answer is right (shown after answering). */
  why: string;
}

/** What lesson.ts exports (default export). */
export interface LessonDefinition {
  /** Stable id (the folder name without its number prefix), used for progress and links. */
  id: string;
  /** Position in the course (lesson 5 = self-healing); absent for extras such as the sandbox. */
  number?: number;
  title: string;
  /** One line for the picker. */
  summary: string;
  setup?: Setup;
  steps: Step[];
  quiz?: QuizQuestion[];
}

/** A loaded lesson: the definition plus its text and its manifests. */
export interface Lesson extends LessonDefinition {
  body: string;
  /** Path relative to the lesson folder ('manifests/web.yaml') → file text. */
  manifests: Record<string, string>;
}

/** Identity helper so lesson.ts files get type checking without a cast. */
export function defineLesson(l: LessonDefinition): LessonDefinition {
  return l;
}
