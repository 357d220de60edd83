// The engine host's message handling and pacing, driven with a fake wall clock (no Worker, no timers).
import { describe, expect, it } from 'vitest';
import type { EngineMessage } from './protocol';
import { EngineHost } from './host';

function harness() {
  const messages: EngineMessage[] = [];
  let wall = 1000;
  const host = new EngineHost((m) => messages.push(structuredClone(m)), () => wall);
  return {
    host,
    messages,
    advanceWall(ms: number) {
      wall += ms;
      host.tick();
    },
    last<T extends EngineMessage['type']>(type: T) {
      return messages.filter((m): m is Extract<EngineMessage, { type: T }> => m.type === type).at(-1);
    },
  };
}

describe('EngineHost', () => {
  it('answers init with one full state of plain data', () => {
    const h = harness();
    h.host.handle({ type: 'init', seed: 7 });
    expect(h.messages[0].type).toBe('ready');
    const ready = h.last('ready')!;
    // A fresh cluster has already booted (nodes Ready, system pods Running) when it is handed over.
    expect(ready.state.clock).toMatchObject({ speed: 1, paused: false });
    expect(ready.state.clock.time).toBeGreaterThan(0);
    expect(typeof ready.state.objects).toBe('object');
  });

  it('advances simulated time by wall time × speed, and not while paused', () => {
    const h = harness();
    h.host.handle({ type: 'init', seed: 1 });
    const t0 = h.last('ready')!.state.clock.time;
    h.advanceWall(100);
    h.host.handle({ type: 'setSpeed', speed: 2 });
    expect(h.last('clock')!.clock).toMatchObject({ time: t0 + 100, speed: 2 });
    h.advanceWall(50);
    h.host.handle({ type: 'pause' });
    expect(h.last('clock')!.clock).toMatchObject({ time: t0 + 200, paused: true });
    h.advanceWall(500);
    h.host.handle({ type: 'resume' });
    expect(h.last('clock')!.clock).toMatchObject({ time: t0 + 200, paused: false });
  });

  it('caps one tick at a second of wall time (a backgrounded tab does not jump minutes)', () => {
    const h = harness();
    h.host.handle({ type: 'init', seed: 1 });
    const t0 = h.last('ready')!.state.clock.time;
    h.advanceWall(60_000);
    h.host.handle({ type: 'pause' });
    expect(h.last('clock')!.clock.time).toBe(t0 + 1000);
  });

  it('answers a run with a result carrying the same id', () => {
    const h = harness();
    h.host.handle({ type: 'init', seed: 1 });
    h.host.handle({ type: 'run', id: 42, line: 'kubectl get nodes' });
    const r = h.last('result')!;
    expect(r.id).toBe(42);
    expect(r.result).toHaveProperty('exitCode');
  });

  it('answers a run before init with an error result', () => {
    const h = harness();
    h.host.handle({ type: 'run', id: 1, line: 'kubectl get pods' });
    expect(h.last('result')!.result.exitCode).toBe(1);
  });

  it('ignores speeds that are not positive numbers', () => {
    const h = harness();
    h.host.handle({ type: 'init', seed: 1 });
    h.host.handle({ type: 'setSpeed', speed: -3 });
    h.host.handle({ type: 'setSpeed', speed: Number.NaN });
    expect(h.last('clock')!.clock.speed).toBe(1);
  });

  it('step jumps to the next pending timer, or stays put when there is none', () => {
    const h = harness();
    h.host.handle({ type: 'init', seed: 1, paused: true });
    const before = h.last('ready')!.state.clock;
    h.host.handle({ type: 'step' });
    const after = h.last('clock')!.clock;
    if (before.nextEventTime === undefined) expect(after.time).toBe(before.time);
    else expect(after.time).toBe(before.nextEventTime);
  });
});
