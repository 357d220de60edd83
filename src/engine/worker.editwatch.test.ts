// The Worker's side of `kubectl edit` (the `edit` query, then a `run` with the edited text on
// stdin) and `kubectl get -w` (`watch` → `result` + `watchRows` … `unwatch`).
import { describe, expect, it } from 'vitest';
import type { EngineMessage, PreparedEdit } from './protocol';
import { EngineHost } from './host';

function harness() {
  const messages: EngineMessage[] = [];
  let wall = 1000;
  const host = new EngineHost((m) => messages.push(structuredClone(m)), () => wall);
  host.handle({ type: 'init', seed: 1, paused: true });
  const of = <T extends EngineMessage['type']>(type: T) => messages.filter((m): m is Extract<EngineMessage, { type: T }> => m.type === type);
  return {
    host,
    of,
    result: (id: number) => of('result').find((m) => m.id === id)?.result,
    step: () => host.handle({ type: 'step' }),
    query(id: number, line: string) {
      host.handle({ type: 'query', id, query: { kind: 'edit', line } });
      return of('queryResult').find((m) => m.id === id)!.result as PreparedEdit;
    },
    wallTick(ms: number) {
      wall += ms;
      host.tick();
    },
  };
}

describe('kubectl edit through the Worker', () => {
  it('prepares the YAML under the header, saves the edited text, and replays the edit after a seek', () => {
    const h = harness();
    h.host.handle({ type: 'run', id: 1, line: 'kubectl create deployment web --image=nginx --replicas=1' });
    const p = h.query(2, 'kubectl edit deployment/web');
    if (!p.ok) throw new Error(p.result.stderr);
    expect(p.yaml).toMatch(/^# Please edit the object below/);
    expect(p.title).toBe('deployment.apps/web');

    h.host.handle({ type: 'run', id: 3, line: 'kubectl edit deployment/web', stdin: p.yaml });
    expect(h.result(3)?.stderr).toBe('Edit cancelled, no changes made.\n');

    h.host.handle({ type: 'run', id: 4, line: 'kubectl edit deployment/web', stdin: p.yaml.replace('replicas: 1', 'replicas: 3') });
    expect(h.result(4)).toMatchObject({ stdout: 'deployment.apps/web edited\n', exitCode: 0 });
    h.host.handle({ type: 'run', id: 5, line: 'kubectl get deployment web -o jsonpath={.spec.replicas}' });
    expect(h.result(5)?.stdout).toBe('3');

    // Scrub back before the edit, then forward again: the logged edit is replayed.
    const editTime = h.of('timeline').at(-1)!.timeline.commands.find((c) => c.line === 'kubectl edit deployment/web')!.time;
    h.host.handle({ type: 'seek', time: editTime - 1 });
    h.host.handle({ type: 'seek', time: editTime + 1000 });
    h.host.handle({ type: 'run', id: 6, line: 'kubectl get deployment web -o jsonpath={.spec.replicas}' });
    expect(h.result(6)?.stdout).toBe('3');
  });

  it('saves onto the current version when only status moved since the edit opened', () => {
    const h = harness();
    h.host.handle({ type: 'run', id: 1, line: 'kubectl create deployment web --image=nginx --replicas=1' });
    const p = h.query(2, 'kubectl edit deployment/web');
    if (!p.ok) throw new Error(p.result.stderr);
    for (let i = 0; i < 20; i++) h.step(); // the rollout progresses: status writes
    h.host.handle({ type: 'run', id: 3, line: 'kubectl edit deployment/web', stdin: p.yaml });
    expect(h.result(3)?.stderr).toBe('Edit cancelled, no changes made.\n');
    h.host.handle({ type: 'run', id: 4, line: 'kubectl edit deployment/web', stdin: p.yaml.replace('replicas: 1', 'replicas: 2') });
    expect(h.result(4)).toMatchObject({ stdout: 'deployment.apps/web edited\n', exitCode: 0 });
    // Someone else changed the spec meanwhile: the stale edit conflicts, as in Kubernetes.
    h.host.handle({ type: 'run', id: 5, line: 'kubectl edit deployment/web', stdin: p.yaml.replace('replicas: 1', 'replicas: 4') });
    expect(h.result(5)?.stderr).toContain('Conflict');
  });

  it('answers the error kubectl prints for a missing object', () => {
    const h = harness();
    const p = h.query(1, 'kubectl edit deployment/nope');
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.result.stderr).toContain('not found');
  });
});

describe('kubectl get -w through the Worker', () => {
  it('answers the first table, streams rows as objects change, and ends on unwatch', () => {
    const h = harness();
    h.host.handle({ type: 'watch', id: 1, line: 'kubectl get deployments -w' });
    expect(h.result(1)?.exitCode).toBe(0);
    h.host.handle({ type: 'run', id: 2, line: 'kubectl create deployment web --image=nginx' });
    const rows = h.of('watchRows').filter((m) => m.id === 1).flatMap((m) => m.rows);
    expect(rows.some((r) => r.startsWith('web '))).toBe(true);
    h.host.handle({ type: 'unwatch', id: 1 });
    expect(h.of('watchRows').at(-1)).toMatchObject({ id: 1, ended: true });
    const before = h.of('watchRows').length;
    h.host.handle({ type: 'run', id: 3, line: 'kubectl scale deployment web --replicas=2' });
    expect(h.of('watchRows').length).toBe(before);
  });

  it('ends at once when the line does not watch or fails', () => {
    const h = harness();
    h.host.handle({ type: 'watch', id: 1, line: 'kubectl get nosuchthing -w' });
    expect(h.result(1)?.exitCode).not.toBe(0);
    expect(h.of('watchRows').at(-1)).toMatchObject({ id: 1, ended: true });
  });
});
