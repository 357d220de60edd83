// Run a read-only kubectl line for the inspector (describe), without adding it to the terminal.
// Uses ids far above the terminal's so answers never match a terminal entry.
import type { CommandResult } from '../../../engine';
import type { EngineClient } from '../../bridge/client';

let nextId = 1_000_000_000;

export function runQuiet(client: EngineClient, line: string): Promise<CommandResult> {
  const id = nextId++;
  return new Promise((resolve) => {
    const off = client.subscribe((m) => {
      if (m.type === 'result' && m.id === id) {
        off();
        resolve(m.result);
      }
    });
    client.send({ type: 'run', id, line });
  });
}
