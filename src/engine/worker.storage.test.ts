// The Worker keeps the page's cluster itself: the boot image a build ships (restored instead of
// booted), and the session saved to / restored from the browser's storage. Driven in Node with a
// fake wall clock and an in-memory store (the browser's IndexedDB clones values the same way).
import { describe, expect, it } from 'vitest';
import { bootImage } from '../../scripts/boot-snapshot';
import { memoryKeyValueStore, type KeyValueStore } from '../storage/idb';
import { BOOT_IMAGE_SEED, SESSION_KEY, isSession, type BootImage, type EngineMessage, type EngineQuery } from './protocol';
import { EngineHost } from './host';

function harness(opts: { image?: BootImage; storage?: KeyValueStore } = {}) {
  const messages: EngineMessage[] = [];
  let wall = 1000;
  const host = new EngineHost((m) => messages.push(structuredClone(m)), () => wall, opts.image ?? null, opts.storage);
  const last = <T extends EngineMessage['type']>(type: T) => messages.filter((m): m is Extract<EngineMessage, { type: T }> => m.type === type).at(-1);
  let nextId = 1;
  return {
    host,
    messages,
    last,
    advanceWall(ms: number) {
      wall += ms;
      host.tick();
    },
    run(line: string) {
      const id = nextId++;
      host.handle({ type: 'run', id, line });
      return messages.find((m): m is Extract<EngineMessage, { type: 'result' }> => m.type === 'result' && m.id === id)!.result;
    },
    /** Send a query and wait for its (possibly asynchronous) answer. */
    async query(query: EngineQuery) {
      const id = 1000 + nextId++;
      host.handle({ type: 'query', id, query });
      for (let i = 0; i < 100; i++) {
        const m = messages.find((x): x is Extract<EngineMessage, { type: 'queryResult' }> => x.type === 'queryResult' && x.id === id);
        if (m) return m.result;
        await new Promise((r) => setImmediate(r));
      }
      throw new Error('no answer');
    },
    /** Wait until a `ready` arrives (restoring from storage is asynchronous). */
    async ready() {
      for (let i = 0; i < 100 && !last('ready'); i++) await new Promise((r) => setImmediate(r));
      return last('ready')!;
    },
  };
}

const objectsOf = (m: Extract<EngineMessage, { type: 'ready' }>) => JSON.stringify(m.state.objects);

describe('boot image', () => {
  it('restores exactly the cluster that booting its seed gives, and the same future', () => {
    const image = bootImage();
    expect(image.seed).toBe(BOOT_IMAGE_SEED);
    const live = harness();
    const shipped = harness({ image });
    for (const h of [live, shipped]) {
      h.host.preboot(BOOT_IMAGE_SEED);
      h.host.handle({ type: 'init', seed: BOOT_IMAGE_SEED });
    }
    expect(objectsOf(shipped.last('ready')!)).toBe(objectsOf(live.last('ready')!));
    for (const h of [live, shipped]) {
      h.run('kubectl create deployment web --image=nginx:1.27 --replicas=3');
      for (let i = 0; i < 40; i++) h.advanceWall(1000);
    }
    const pods = (h: ReturnType<typeof harness>) => h.run('kubectl get pods -o wide').stdout;
    expect(pods(shipped)).toMatch(/web-[a-z0-9]+-[a-z0-9]{5} +1\/1 +Running/);
    expect(pods(shipped)).toBe(pods(live));
  });

  it('is not used for another seed', () => {
    const image = bootImage();
    const live = harness();
    const shipped = harness({ image });
    for (const h of [live, shipped]) h.host.handle({ type: 'init', seed: 5 });
    expect(objectsOf(shipped.last('ready')!)).toBe(objectsOf(live.last('ready')!));
    const imageItself = harness({ image });
    imageItself.host.handle({ type: 'init', seed: BOOT_IMAGE_SEED });
    expect(objectsOf(shipped.last('ready')!)).not.toBe(objectsOf(imageItself.last('ready')!));
  });
});

describe('session kept in the browser by the Worker', () => {
  it('saves on request and a new Worker restores it (commands, clock, objects)', async () => {
    const storage = memoryKeyValueStore();
    const a = harness({ storage });
    a.host.handle({ type: 'init', seed: 3, restoreSaved: true });
    await a.ready();
    a.run('kubectl create namespace kept');
    a.advanceWall(2000);
    expect(await a.query({ kind: 'save' })).toBe(true);
    const saved = await storage.get(SESSION_KEY);
    expect(isSession(saved)).toBe(true);

    const b = harness({ storage });
    b.host.handle({ type: 'init', seed: 1, restoreSaved: true });
    const ready = await b.ready();
    expect(ready.state.clock.time).toBe(a.last('clock')!.clock.time);
    expect(b.last('timeline')!.timeline.commands.map((c) => c.line)).toEqual(['kubectl create namespace kept']);
    expect(b.run('kubectl get namespace kept').exitCode).toBe(0);
  });

  it('rebuilds the cluster from the seed and the command log when the saved snapshot cannot be read', async () => {
    const storage = memoryKeyValueStore();
    const a = harness({ storage });
    a.host.handle({ type: 'init', seed: 3, restoreSaved: true });
    await a.ready();
    a.run('kubectl create namespace kept');
    a.advanceWall(2000);
    expect(await a.query({ kind: 'save' })).toBe(true);
    // As if saved by an engine whose snapshot this one cannot read.
    const saved = (await storage.get(SESSION_KEY)) as Record<string, unknown>;
    await storage.set(SESSION_KEY, { ...saved, snapshot: { format: 'kube-playground-snapshot', version: 99 } });

    const b = harness({ storage });
    b.host.handle({ type: 'init', seed: 1, restoreSaved: true });
    await b.ready();
    expect(b.messages.filter((m) => m.type === 'error')).toEqual([]);
    expect(b.last('timeline')!.timeline.commands.map((c) => c.line)).toEqual(['kubectl create namespace kept']);
    expect(b.run('kubectl get namespace kept').exitCode).toBe(0);
  });

  it('boots the given seed when nothing usable is saved', async () => {
    const storage = memoryKeyValueStore();
    await storage.set(SESSION_KEY, { format: 'something else' });
    const h = harness({ storage });
    h.host.handle({ type: 'init', seed: 6, restoreSaved: true });
    const ready = await h.ready();
    const fresh = harness();
    fresh.host.handle({ type: 'init', seed: 6 });
    expect(objectsOf(ready)).toBe(objectsOf(fresh.last('ready')!));
  });

  it('answers false when there is no storage to save to', async () => {
    const h = harness();
    h.host.handle({ type: 'init', seed: 2 });
    expect(await h.query({ kind: 'save' })).toBe(false);
  });
});
