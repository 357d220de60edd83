// The fake container runtime's "process": runs a container's command symbolically, on simulated
// time, and returns a Program (program.ts): its log lines, file changes and exit, all with times.
// No Kubernetes file mirrors this (a real node runs real binaries); it is what makes
// `sleep 5`, `sh -c 'echo hi; exit 3'` and `while true; do date; sleep 5; done` behave as on kind.
// The shell itself is executor.ts (with expand.ts, cond.ts, arith.ts, redirect.ts); this file starts it
// and turns how it ended (signals.ts) into a Program.
import { isKnownProgram, serverProgram } from './commands';
import { Shell } from './executor';
import type { ProcessInput } from './process_input';
import { DATE_TOKEN, EPOCH_SECONDS_TOKEN, type Program } from './program';
import { Exit, Forever, LoopForever } from './signals';

export { flavorOf, resolveArgv, type ProcessInput } from './process_input';

/**
 * Run a container's main process. Servers run until stopped; anything else is interpreted.
 * Worked example: `sh -c 'echo start; sleep 5; exit 3'` → lines [{0,'start'}], exit {5000, 3}.
 */
export function interpret(input: ProcessInput): Program {
  const base: Program = {
    kind: 'script', lines: [], files: [], ignoresSigterm: true, stopMs: input.stopMs, ports: [], startupMs: input.startupMs,
  };
  const { image, argv } = input;
  if (image.behaviour === 'pause') return { ...base, kind: 'pause', ignoresSigterm: false, stopMs: image.stopMs ?? 10 };
  const server = serverProgram(image, argv, input);
  if (server) return { ...base, ...server, kind: 'server', ignoresSigterm: false };
  if (!argv.length) {
    return { ...base, kind: 'startError', startError: 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: no command specified: unknown', exit: { at: 0, code: 128 } };
  }
  if (!isKnownProgram(image, argv[0])) {
    return {
      ...base, kind: 'startError', exit: { at: 0, code: 128 },
      startError: `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${argv[0]}": executable file not found in $PATH: unknown`,
    };
  }
  const sh = new Shell(input);
  const finish = (extra: Partial<Program>): Program => ({
    ...base, lines: sh.lines, files: sh.fileEvents, memoryBytes: sh.memoryBytes, ...extra,
  });
  try {
    sh.command(argv);
    return finish({ exit: { at: sh.t, code: sh.status } });
  } catch (e) {
    if (e instanceof Exit) return finish({ exit: { at: sh.t, code: e.code } });
    if (e instanceof LoopForever) return finish({ loop: { start: e.start, period: e.period, lines: e.lines, ...(e.files.length ? { files: e.files } : {}) } });
    if (e instanceof Forever) {
      // A server started from a script: with `exec` (or as the only command) it is PID 1 and
      // handles SIGTERM; otherwise the shell is PID 1 and ignores it.
      return finish(e.server ? { ...e.server, kind: 'server' } : sh.follow ? { follow: sh.follow } : {});
    }
    throw e;
  }
}

/**
 * Run an exec probe's command inside a running container whose files are `files`.
 * Returns the exit code and combined output, as the CRI ExecSync call would.
 */
export function execInContainer(input: ProcessInput, argv: string[], files: Map<string, string>): { code: number; output: string } {
  const sh = new Shell({ ...input, argv }, new Map(files));
  let code: number;
  try {
    if (!isKnownProgram(input.image, argv[0] ?? '')) {
      return { code: 126, output: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH: unknown` };
    }
    sh.command(argv);
    code = sh.status;
  } catch (e) {
    if (e instanceof Exit) code = e.code;
    else if (e instanceof Forever || e instanceof LoopForever) return { code: -1, output: 'command timed out' };
    else throw e;
  }
  const output = sh.lines.map((l) => l.text.split(DATE_TOKEN).join('').split(EPOCH_SECONDS_TOKEN).join('')).join('\n');
  return { code, output };
}
