// The process's non-local exits: how a running script stops early, blocks for ever, or settles
// into an endless loop. Shell (executor.ts) throws them; interpret/execInContainer (interpreter.ts)
// turn them into a Program's exit, server or loop template.
import type { FileEvent, LogLine, Program } from './program';

/** Steps (commands run) before a script counts as running for ever. */
export const MAX_STEPS = 20_000;
/** Ten years: a `sleep` longer than this is as good as forever. */
export const HORIZON_MS = 10 * 365 * 24 * 3600_000;

export class Exit {
  constructor(readonly code: number) {}
}
/** The process blocks forever from here (sleep infinity, a server, tail -f). */
export class Forever {
  constructor(readonly server?: Partial<Program>) {}
}
/** A loop in steady state: `lines`/`files` repeat every `period` ms from `start`. */
export class LoopForever {
  constructor(readonly start: number, readonly period: number, readonly lines: LogLine[], readonly files: FileEvent[] = []) {}
}
