// The Worker's answers the UI's Traffic lens, control-plane box and terminal completion read:
// the trafficStats and complete queries, the control-plane status on clock messages, and the
// preboot (a cluster booted before `init` is the one `init` would have booted).
import { describe, expect, it } from 'vitest';
import type { EngineMessage } from './protocol';
import { EngineHost } from './host';

function harness() {
  const messages: EngineMessage[] = [];
  const host = new EngineHost((m) => messages.push(structuredClone(m)), () => 1000);
  const answer = (id: number) => messages.find((m): m is Extract<EngineMessage, { type: 'queryResult' }> => m.type === 'queryResult' && m.id === id)?.result;
  const last = <T extends EngineMessage['type']>(type: T) => messages.filter((m): m is Extract<EngineMessage, { type: T }> => m.type === type).at(-1);
  return { host, messages, answer, last };
}

describe('EngineHost queries for the UI', () => {
  it('answers trafficStats and complete, and reports the control plane with the clock', () => {
    const h = harness();
    h.host.handle({ type: 'init', seed: 3 });
    expect(h.last('ready')!.state.clock.controlPlane).toMatchObject({ apiserver: 'running', scheduler: 'running' });
    h.host.handle({ type: 'query', id: 1, query: { kind: 'trafficStats' } });
    expect(h.answer(1)).toMatchObject({ generators: [], services: {}, pods: {} });
    h.host.handle({ type: 'query', id: 2, query: { kind: 'complete', line: 'kubectl des' } });
    expect(h.answer(2)).toEqual({ candidates: ['describe'], replaceFrom: 8 });
    h.host.handle({ type: 'run', id: 3, line: 'sim controlplane stop scheduler' });
    expect(h.last('clock')!.clock.controlPlane?.scheduler).toBe('stopped');
  });

  it('hands the prebooted cluster to init from the same seed, and boots afresh for another', () => {
    const a = harness();
    a.host.preboot(1);
    a.host.handle({ type: 'init', seed: 1 });
    const b = harness();
    b.host.handle({ type: 'init', seed: 1 });
    expect(JSON.stringify(a.last('ready')!.state.objects)).toBe(JSON.stringify(b.last('ready')!.state.objects));
    const c = harness();
    c.host.preboot(1);
    c.host.handle({ type: 'init', seed: 2 });
    const d = harness();
    d.host.handle({ type: 'init', seed: 2 });
    expect(JSON.stringify(c.last('ready')!.state.objects)).toBe(JSON.stringify(d.last('ready')!.state.objects));
  });
});
