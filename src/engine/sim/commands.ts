// `sim …` verbs (STUB, filled in by the kubectl work).
import type { Cluster, CommandResult } from '../cluster';

export function runSimCommand(_cluster: Cluster, commandLine: string): CommandResult {
  return { stdout: '', stderr: `error: not implemented: ${commandLine}\n`, exitCode: 1 };
}
