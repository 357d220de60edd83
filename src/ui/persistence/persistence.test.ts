import { describe, expect, it } from 'vitest';
import { initialState } from '../store/store';
import { bootOptions } from './boot';
import { memoryKeyValueStore } from '../../storage/idb';
import { SAVED_KEY, parseSavedPage, toSavedPage } from './savedPage';
import { encodeScenario } from '../features/share/shareLink';
import type { Session } from '../../engine/protocol';

const session: Session = { format: 'kube-playground-session', version: 1, seed: 4, log: [{ time: 90_500, line: 'kubectl create ns a' }], applied: 1 };

describe('saved page', () => {
  it('round-trips through structured clone and validation', async () => {
    const s = initialState();
    const page = toSavedPage({ ...s, terminal: { entries: [], history: ['kubectl get pods'] } });
    const kv = memoryKeyValueStore();
    await kv.set(SAVED_KEY, page);
    expect(parseSavedPage(await kv.get(SAVED_KEY))).toEqual(page);
  });

  it('rejects what it did not write, and repairs a dangling active buffer', () => {
    expect(parseSavedPage({ format: 'other' })).toBeUndefined();
    expect(parseSavedPage(null)).toBeUndefined();
    const p = parseSavedPage({ format: 'kube-playground-page', version: 1, editor: { buffers: [{ id: 'a', name: 'x.yaml', text: '' }], active: 'zz' }, history: [1, 'ok'] });
    expect(p?.editor.active).toBe('a');
    expect(p?.history).toEqual(['ok']);
    expect(p?.session).toBeUndefined();
  });
});

/** A page as an earlier version saved it: the session inside the page. */
const legacyPage = () => ({ ...toSavedPage(initialState()), session });

describe('bootOptions', () => {
  it('restores the buffers here and asks the Worker for its saved session', async () => {
    const kv = memoryKeyValueStore();
    const page = toSavedPage({ ...initialState(), terminal: { entries: [], history: ['kubectl get ns'] } });
    expect(page).not.toHaveProperty('session');
    await kv.set(SAVED_KEY, page);
    const o = await bootOptions(kv, 'http://x.test/');
    expect(o).toMatchObject({ seed: 1, restoreSaved: true, fromLink: false, restore: { history: ['kubectl get ns'] } });
    expect(o.session).toBeUndefined();
  });

  it('restores the session of a page saved by an earlier version', async () => {
    const kv = memoryKeyValueStore();
    await kv.set(SAVED_KEY, legacyPage());
    const o = await bootOptions(kv, 'http://x.test/');
    expect(o.session).toEqual(session);
    expect(o.seed).toBe(4);
    expect(o.restoreSaved).toBeUndefined();
    expect(o.fromLink).toBe(false);
  });

  it('a share link wins over the saved page and adds its manifests as a buffer', async () => {
    const kv = memoryKeyValueStore();
    await kv.set(SAVED_KEY, legacyPage());
    const link = await encodeScenario({ v: 1, seed: 9, commands: [{ time: 91_000, line: 'kubectl create ns b' }], time: 95_000, manifests: 'kind: X\n' });
    const o = await bootOptions(kv, `http://x.test/#scenario=${link}`);
    expect(o.fromLink).toBe(true);
    expect(o.session).toMatchObject({ seed: 9, time: 95_000, log: [{ line: 'kubectl create ns b' }] });
    expect(o.session?.snapshot).toBeUndefined();
    expect(o.restore?.editor?.buffers.at(-1)?.text).toBe('kind: X\n');
    expect(o.restoreSaved).toBeUndefined();
  });

  it('?seed= starts fresh', async () => {
    const kv = memoryKeyValueStore();
    await kv.set(SAVED_KEY, legacyPage());
    const o = await bootOptions(kv, 'http://x.test/?seed=12');
    expect(o.session).toBeUndefined();
    expect(o.restoreSaved).toBeUndefined();
    expect(o.seed).toBe(12);
  });
});
