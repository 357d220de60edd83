// Per-lesson progress kept in the browser (localStorage): which steps are done, which lesson
// was open. Pure read/modify/write helpers over a Storage-like object.
export interface LessonProgress {
  done: string[];
}
export type ProgressMap = Record<string, LessonProgress>;

const KEY = 'kube-playground.lessons.progress';
const OPEN_KEY = 'kube-playground.lessons.open';

type Kv = Pick<Storage, 'getItem' | 'setItem'>;

export function loadProgress(kv: Kv | undefined): ProgressMap {
  try {
    const v = JSON.parse(kv?.getItem(KEY) ?? '{}') as unknown;
    return v && typeof v === 'object' ? (v as ProgressMap) : {};
  } catch {
    return {};
  }
}

export function saveProgress(kv: Kv | undefined, p: ProgressMap): void {
  try {
    kv?.setItem(KEY, JSON.stringify(p));
  } catch {
    /* private mode: progress is not remembered */
  }
}

export function loadOpenLesson(kv: Kv | undefined): string | null {
  try {
    return kv?.getItem(OPEN_KEY) || null;
  } catch {
    return null;
  }
}

export function saveOpenLesson(kv: Kv | undefined, id: string | null): void {
  try {
    kv?.setItem(OPEN_KEY, id ?? '');
  } catch {
    /* not remembered */
  }
}
