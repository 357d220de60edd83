// The Worker's time travel: checkpoints, the command log, seek (restore + replay) and branch,
// driven in Node with a fake wall clock. Determinism is the contract: seeking back to T and
// forward again must give the cluster it had, byte for byte.
import { describe, expect, it } from 'vitest';
import type { EngineMessage, Session, Timeline } from './protocol';
import { EngineHost } from './host';
import { History } from './history';

function harness() {
  const messages: EngineMessage[] = [];
  let wall = 1000;
  let nextId = 1;
  const host = new EngineHost((m) => messages.push(structuredClone(m)), () => wall);
  const last = <T extends EngineMessage['type']>(type: T) =>
    messages.filter((m): m is Extract<EngineMessage, { type: T }> => m.type === type).at(-1);
  const query = <R,>(q: Parameters<EngineHost['handle']>[0] extends infer C ? (C extends { type: 'query'; query: infer Q } ? Q : never) : never): R => {
    const id = nextId++;
    host.handle({ type: 'query', id, query: q });
    return last('queryResult')!.result as R;
  };
  return {
    host,
    messages,
    last,
    query,
    run(line: string, stdin?: string) {
      host.handle({ type: 'run', id: nextId++, line, ...(stdin === undefined ? {} : { stdin }) });
      return last('result')!.result;
    },
    /** Advance simulated time by `ms` through the pacing path (speed 1, ticks of ≤ 1 s). */
    play(ms: number) {
      host.handle({ type: 'resume' });
      for (let left = ms; left > 0; left -= 1000) {
        wall += Math.min(1000, left);
        host.tick();
      }
      host.handle({ type: 'pause' });
    },
    now: () => query<Timeline>({ kind: 'timeline' }).now,
    objectNames(resource: string): string[] {
      const s = query<{ store: { objects: { gr: string; object: { metadata: { name: string; namespace?: string } } }[] } }>({ kind: 'snapshot' });
      return s.store.objects.filter((o) => o.gr === resource && o.object.metadata.namespace === 'default').map((o) => o.object.metadata.name).sort();
    },
    snapshotJson: () => {
      const s = query<Record<string, unknown>>({ kind: 'snapshot' });
      return JSON.stringify(s);
    },
  };
}

describe('EngineHost history', () => {
  it('logs each command with its simulated time', () => {
    const h = harness();
    h.host.handle({ type: 'init', seed: 3, paused: true });
    const t0 = h.now();
    h.play(5000);
    h.run('kubectl create deployment web --image=nginx --replicas=2');
    const tl = h.last('timeline')!.timeline;
    expect(tl.commands).toEqual([{ time: t0 + 5000, line: 'kubectl create deployment web --image=nginx --replicas=2' }]);
    expect(tl.applied).toBe(1);
    expect(tl.start).toBe(t0);
  });

  it('seek back restores the past; seek forward replays the log to the same bytes', () => {
    const h = harness();
    h.host.handle({ type: 'init', seed: 5, paused: true });
    h.play(3000);
    h.run('kubectl create deployment web --image=nginx --replicas=2');
    const tCreate = h.now();
    h.play(70_000); // crosses a simulated minute: a periodic checkpoint
    h.run('kubectl scale deployment web --replicas=4');
    h.play(20_000);
    const end = h.now();
    const atEnd = h.snapshotJson();

    h.host.handle({ type: 'seek', time: tCreate - 1000 });
    expect(h.now()).toBe(tCreate - 1000);
    expect(h.objectNames('apps/deployments')).toEqual([]);
    expect(h.last('ready')).toBeDefined();
    expect(h.last('clock')!.clock.paused).toBe(true);
    // The later commands stay in the log, waiting to be replayed.
    expect(h.last('timeline')!.timeline).toMatchObject({ applied: 0, head: end });

    h.host.handle({ type: 'seek', time: end });
    expect(h.now()).toBe(end);
    expect(h.snapshotJson()).toBe(atEnd);
  });

  it('replays logged commands while playing forward after a seek, and announces them', () => {
    const h = harness();
    h.host.handle({ type: 'init', seed: 5, paused: true });
    const t0 = h.now();
    h.play(2000);
    h.run('kubectl create deployment web --image=nginx');
    h.play(10_000);
    h.host.handle({ type: 'seek', time: t0 });
    expect(h.objectNames('apps/deployments')).toEqual([]);
    h.play(5000);
    expect(h.objectNames('apps/deployments')).toEqual(['web']);
    expect(h.last('replayed')!.command.line).toBe('kubectl create deployment web --image=nginx');
  });

  it('branch discards the later history; a new command after a seek branches too', () => {
    const h = harness();
    h.host.handle({ type: 'init', seed: 5, paused: true });
    h.play(1000);
    h.run('kubectl create deployment a --image=nginx');
    h.play(1000);
    h.run('kubectl create deployment b --image=nginx');
    h.play(1000);
    const tl = h.last('timeline')!.timeline;
    h.host.handle({ type: 'seek', time: tl.commands[1].time - 500 });
    h.host.handle({ type: 'branch' });
    const branched = h.last('timeline')!.timeline;
    expect(branched.commands.map((c) => c.line)).toEqual(['kubectl create deployment a --image=nginx']);
    expect(branched.head).toBe(h.now());

    h.play(2000);
    h.host.handle({ type: 'seek', time: branched.now });
    h.run('kubectl create deployment c --image=nginx');
    expect(h.last('timeline')!.timeline.commands.map((c) => c.line)).toEqual(['kubectl create deployment a --image=nginx', 'kubectl create deployment c --image=nginx']);
    expect(h.objectNames('apps/deployments')).toEqual(['a', 'c']);
  });

  it('restores a saved session exactly, and a scenario (log without snapshot) by replay', () => {
    const h = harness();
    h.host.handle({ type: 'init', seed: 9, paused: true });
    h.play(4000);
    h.run('kubectl create deployment web --image=nginx --replicas=3');
    h.play(30_000);
    const session = h.query<Session>({ kind: 'session' });
    const bytes = h.snapshotJson();

    const saved = harness();
    saved.host.handle({ type: 'init', seed: 1, paused: true, session: structuredClone(session) });
    expect(saved.snapshotJson()).toBe(bytes);
    expect(saved.last('timeline')!.timeline.commands).toHaveLength(1);

    const scenario = harness();
    const { snapshot: _s, applied: _a, ...rest } = session;
    scenario.host.handle({ type: 'init', seed: 1, paused: true, session: { ...rest, time: session.snapshot!.clock && h.now() } });
    expect(scenario.now()).toBe(h.now());
    expect(scenario.snapshotJson()).toBe(bytes);
  });

  it('load replaces the cluster with a fresh one (Reset cluster)', () => {
    const h = harness();
    h.host.handle({ type: 'init', seed: 2, paused: true });
    h.run('kubectl create deployment web --image=nginx');
    h.host.handle({ type: 'load', seed: 2 });
    expect(h.objectNames('apps/deployments')).toEqual([]);
    expect(h.last('timeline')!.timeline.commands).toEqual([]);
  });
});

describe('History', () => {
  it('picks the latest checkpoint at or before a time and keeps one per simulated minute', () => {
    const hist = new History(0);
    const snap = (t: number) => () => ({ t }) as never;
    hist.addCheckpoint(0, snap(0));
    expect(hist.duePeriodic(30_000)).toBe(false);
    expect(hist.duePeriodic(61_000)).toBe(true);
    hist.addCheckpoint(61_000, snap(61_000));
    hist.record({ time: 70_000, line: 'x' });
    hist.addCheckpoint(70_000, snap(70_000));
    expect(hist.checkpointFor(65_000)?.time).toBe(61_000);
    expect(hist.checkpointFor(70_000)).toMatchObject({ time: 70_000, applied: 1 });
    expect(hist.checkpointFor(-1)).toBeUndefined();
  });
});
