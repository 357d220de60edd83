// What every kubectl command receives: the API server (its only way into the cluster), the
// simulated clock (for AGE and waits), output buffers and the resolved global flags.
// Mirrors cmdutil.Factory + genericiooptions.IOStreams in kubectl/pkg/cmd/util.
import type { Cluster } from '../cluster';
import type { APIServer } from '../apiserver/apiserver';
import type { SimClock } from '../sim/clock';
import type { ParsedFlags } from './flags';

export interface KubectlOptions {
  /** Text for `-f -` (a terminal heredoc or a pipe). */
  stdin?: string;
  /**
   * Read a file named by `-f PATH`. The engine has no filesystem: the browser serves lesson
   * manifests, scripts/sim.ts reads from disk. Return undefined when the path does not exist.
   */
  readFile?: (path: string) => string | undefined;
  /** The files of a directory named by `-f DIR` (full paths), or undefined if PATH is not one. */
  listDir?: (path: string) => string[] | undefined;
  /**
   * Set by startWatch (watch.ts): `get -w` hands over what to watch instead of only printing
   * the current table. Without it (scripts, scenario runner) get -w prints the table and a note.
   */
  onWatch?: (spec: import('./watch').WatchSpec) => void;
}

export interface Ctx {
  cluster: Cluster;
  api: APIServer;
  clock: SimClock;
  opts: KubectlOptions;
  flags: ParsedFlags;
  /** `-n` or `default`. */
  namespace: string;
  /** True when -n/--namespace was given. */
  explicitNamespace: boolean;
  /** Command path for usage messages: 'get', 'rollout status', … */
  command: string;
  out(line: string): void;
  /** Text without the newline out() adds (-o jsonpath prints none, as kubectl does). */
  raw(text: string): void;
  err(line: string): void;
  /** Advance simulated time (waits in delete, rollout status, drain). */
  advance(ms: number): void;
  now(): number;
}

export type CommandFn = (ctx: Ctx) => void;
