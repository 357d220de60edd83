// Node: the same lesson folders read from disk (tests, scripts). Mirrors registry.ts.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { assembleLesson, sortLessons } from './assemble';
import type { Lesson, LessonDefinition } from './types';

export const LESSONS_DIR = new URL('.', import.meta.url).pathname;

/** Every folder of `dir` holding a lesson.ts. */
export function lessonFolders(dir = LESSONS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => existsSync(join(dir, f, 'lesson.ts')))
    .sort();
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

export async function loadLessonFolder(folder: string, dir = LESSONS_DIR): Promise<Lesson> {
  const root = join(dir, folder);
  const def = ((await import(pathToFileURL(join(root, 'lesson.ts')).href)) as { default: LessonDefinition }).default;
  const body = existsSync(join(root, 'body.md')) ? readFileSync(join(root, 'body.md'), 'utf8') : '';
  const manifests: Record<string, string> = {};
  for (const p of walk(join(root, 'manifests'))) if (/\.(ya?ml|json)$/.test(p)) manifests[relative(root, p)] = readFileSync(p, 'utf8');
  return assembleLesson(def, body, manifests);
}

export async function loadAllLessons(dir = LESSONS_DIR): Promise<Lesson[]> {
  return sortLessons(await Promise.all(lessonFolders(dir).map((f) => loadLessonFolder(f, dir))));
}
