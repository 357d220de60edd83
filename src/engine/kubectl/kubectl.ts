// kubectl (STUB, filled in by the kubectl work).
import type { Cluster, CommandResult } from '../cluster';

export function runKubectl(_cluster: Cluster, commandLine: string, _stdin?: string): CommandResult {
  return { stdout: '', stderr: `error: not implemented: ${commandLine}\n`, exitCode: 1 };
}
