// Every lesson folder, headless: the checks fail on the starting state (nothing can be passed by
// doing nothing), then each step's reference solution makes that step's check pass, in order.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../engine';
import { evaluate } from './checks';
import { BOOT_TIME_MS } from './commands';
import { startHeadless } from './headless';
import { lessonFolders, loadLessonFolder } from './loadNode';
import { splitBody } from './markdown';
import { fromBundle, toBundle } from './bundle';

const folders = lessonFolders();

it('finds the lesson folders', () => {
  expect(folders.length).toBeGreaterThanOrEqual(1);
});

it('a fresh cluster is handed over at BOOT_TIME_MS (the UI schedules setup commands from it)', () => {
  expect(createCluster({ seed: 1 }).now()).toBe(BOOT_TIME_MS);
});

describe.each(folders)('lesson %s', (folder) => {
  it('is well formed: 5-10 steps (sandbox aside), a text section per step, a quiz', async () => {
    const l = await loadLessonFolder(folder);
    const text = splitBody(l.body);
    expect(text.title).toBe(l.title);
    expect(Object.keys(text.steps)).toEqual(l.steps.map((s) => s.id));
    if (l.number !== undefined) {
      expect(l.steps.length).toBeGreaterThanOrEqual(5);
      expect(l.steps.length).toBeLessThanOrEqual(10);
      expect(l.quiz?.length ?? 0).toBeGreaterThanOrEqual(1);
    }
    for (const q of l.quiz ?? []) expect(q.answer).toBeLessThan(q.choices.length);
    // Every manifest the text links to exists.
    for (const m of l.body.matchAll(/\((?:editor|apply):([^)]+)\)/g)) expect(Object.keys(l.manifests)).toContain(m[1]);
  });

  it('runs its reference solution: no check passes at the start, each passes after its step', async () => {
    const l = await loadLessonFolder(folder);
    const h = startHeadless(l);
    const start = h.view();
    for (const s of l.steps) expect(evaluate(s.check, start), `step "${s.id}" passes on the starting state`).toBe(false);
    for (const s of l.steps) {
      const ran = h.run(s.solution);
      for (const r of ran) expect(r.line, `${s.id}: ${r.line}\n${r.stdout}`).toBeDefined();
      expect(evaluate(s.check, h.view()), `step "${s.id}" fails after its solution:\n${ran.map((r) => `$ ${r.line} (exit ${r.exitCode})\n${r.stdout}`).join('\n')}`).toBe(true);
    }
  });

  it('round-trips through a bundle when every check is declarative', async () => {
    const l = await loadLessonFolder(folder);
    if (l.steps.some((s) => typeof s.check === 'function')) return;
    const back = fromBundle(JSON.stringify(toBundle(l)));
    expect(back.steps.map((s) => s.check)).toEqual(l.steps.map((s) => s.check));
  });
});
