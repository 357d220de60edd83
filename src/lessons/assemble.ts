// Builds a Lesson from a folder's files, whoever read them (Vite's import.meta.glob in the
// browser, the file system in Node), and sorts lessons for the picker.
import type { Lesson, LessonDefinition } from './types';

export function assembleLesson(def: LessonDefinition, body: string, manifests: Record<string, string>): Lesson {
  return { ...def, body, manifests };
}

/** Numbered lessons in course order, then the extras (sandbox) by title. */
export function sortLessons(ls: Lesson[]): Lesson[] {
  return [...ls].sort((a, b) => (a.number ?? 1e9) - (b.number ?? 1e9) || a.title.localeCompare(b.title));
}

/** './05-self-healing/manifests/web.yaml' → { folder: '05-self-healing', rel: 'manifests/web.yaml' }. */
export function splitGlobPath(p: string): { folder: string; rel: string } {
  const parts = p.replace(/^\.\//, '').split('/');
  return { folder: parts[0], rel: parts.slice(1).join('/') };
}
