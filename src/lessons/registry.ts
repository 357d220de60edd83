// Browser: every lesson folder in src/lessons, found by Vite at build time. Adding a folder with
// lesson.ts + body.md (+ manifests/) adds a lesson; nothing else to register.
import { assembleLesson, sortLessons, splitGlobPath } from './assemble';
import type { Lesson, LessonDefinition } from './types';

const defs = import.meta.glob<LessonDefinition>('./*/lesson.ts', { eager: true, import: 'default' });
const bodies = import.meta.glob<string>('./*/body.md', { eager: true, query: '?raw', import: 'default' });
const files = import.meta.glob<string>('./*/manifests/**/*.{yaml,yml,json}', { eager: true, query: '?raw', import: 'default' });

export function builtinLessons(): Lesson[] {
  const out: Lesson[] = [];
  for (const [p, def] of Object.entries(defs)) {
    const { folder } = splitGlobPath(p);
    const manifests: Record<string, string> = {};
    for (const [fp, text] of Object.entries(files)) {
      const f = splitGlobPath(fp);
      if (f.folder === folder) manifests[f.rel] = text;
    }
    out.push(assembleLesson(def, bodies[`./${folder}/body.md`] ?? '', manifests));
  }
  return sortLessons(out);
}
