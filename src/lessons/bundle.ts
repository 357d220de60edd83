// Lessons loaded at run time: a JSON bundle (a file, or a link carrying it URL-encoded) holding
// the body, the manifests and the steps with declarative checks (checks.ts). A lesson whose
// checks are all declarative (every built-in one where it fits) can be exported as a bundle.
import { checkProblems, type Check } from './checks';
import type { Lesson } from './types';

export const BUNDLE_FORMAT = 'kube-playground-lesson';
/** The parameter in a link's #fragment: `…/#lesson=<base64url JSON>`. */
export const LESSON_PARAM = 'lesson';

export interface LessonBundle {
  format: typeof BUNDLE_FORMAT;
  version: 1;
  lesson: Omit<Lesson, 'steps'> & { steps: (Omit<Lesson['steps'][number], 'check'> & { check: Check })[] };
}

/** The bundle for a lesson, or an error naming the first step whose check is code. */
export function toBundle(l: Lesson): LessonBundle {
  const code = l.steps.find((s) => typeof s.check === 'function');
  if (code) throw new Error(`step "${code.id}" has a TypeScript check: only declarative checks can be bundled`);
  return { format: BUNDLE_FORMAT, version: 1, lesson: JSON.parse(JSON.stringify(l)) };
}

/** Parse and validate a bundle (JSON text or an already parsed value). Throws with every problem found. */
export function fromBundle(input: string | unknown): Lesson {
  const b = (typeof input === 'string' ? JSON.parse(input) : input) as Partial<LessonBundle>;
  const problems: string[] = [];
  if (!b || b.format !== BUNDLE_FORMAT || b.version !== 1) throw new Error(`not a lesson bundle (expected format "${BUNDLE_FORMAT}", version 1)`);
  const l = b.lesson as Partial<Lesson> | undefined;
  if (!l || typeof l !== 'object') throw new Error('the bundle has no lesson');
  for (const k of ['id', 'title', 'body'] as const) if (typeof l[k] !== 'string') problems.push(`lesson.${k}: expected a string`);
  if (!Array.isArray(l.steps) || l.steps.length === 0) problems.push('lesson.steps: expected a non-empty list');
  for (const [i, s] of (Array.isArray(l.steps) ? l.steps : []).entries()) {
    if (typeof s?.id !== 'string' || typeof s?.title !== 'string') problems.push(`lesson.steps[${i}]: expected id and title`);
    problems.push(...checkProblems(s?.check, `lesson.steps[${i}].check`));
    if (!Array.isArray(s?.solution) || s.solution.some((x: unknown) => typeof x !== 'string')) problems.push(`lesson.steps[${i}].solution: expected a list of commands`);
  }
  if (problems.length) throw new Error(problems.join('\n'));
  return { summary: '', manifests: {}, ...l, steps: l.steps!.map((s) => ({ ...s, hint: typeof s.hint === 'string' ? s.hint : '' })) } as Lesson;
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** A link to `base` that opens this lesson: the bundle, base64url-encoded, in the #fragment. */
export function lessonLink(base: string, l: Lesson): string {
  const u = new URL(base);
  u.hash = `${LESSON_PARAM}=${toBase64Url(new TextEncoder().encode(JSON.stringify(toBundle(l))))}`;
  return u.toString();
}

/** The lesson a link carries, if any (throws when it carries a broken one). */
export function lessonFromLink(url: string): Lesson | undefined {
  const v = new URLSearchParams(new URL(url).hash.replace(/^#/, '')).get(LESSON_PARAM);
  return v ? fromBundle(new TextDecoder().decode(fromBase64Url(v))) : undefined;
}
