import { describe, expect, it } from 'vitest';
import type { EngineCommand, EngineMessage } from '../../engine/protocol';
import { withQueries } from './client';

describe('withQueries', () => {
  it('resolves each query with the answer carrying its id, in any order', async () => {
    const listeners = new Set<(m: EngineMessage) => void>();
    const sent: EngineCommand[] = [];
    const client = withQueries({
      send: (c) => sent.push(c),
      subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
      dispose: () => {},
    });
    const a = client.query({ kind: 'timeline' });
    const b = client.query({ kind: 'session' });
    const ids = sent.map((c) => (c.type === 'query' ? c.id : -1));
    for (const l of listeners) l({ type: 'queryResult', id: ids[1], result: 'B' });
    for (const l of listeners) l({ type: 'queryResult', id: ids[0], result: 'A' });
    expect(await a).toBe('A');
    expect(await b).toBe('B');
  });
});
