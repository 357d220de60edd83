// Running a parsed scenario against a cluster and producing the transcript: each step is
// echoed as `$ <command>` (a heredoc's body is not echoed), followed by its stdout and then
// its stderr, exactly as the terminal would show them.
import type { Cluster } from '../cluster';
import type { KubectlOptions } from '../kubectl/context';
import { executable, type Step } from './parse';

export interface StepResult {
  step: Step;
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface RunOptions {
  /** Resolves `-f PATH` for kubectl steps (scripts/sim.ts reads from disk). */
  readFile?: KubectlOptions['readFile'];
  listDir?: KubectlOptions['listDir'];
  /** Called after each step (for streaming output). */
  onStep?: (r: StepResult, text: string) => void;
}

export function formatStep(r: StepResult): string {
  return `$ ${r.step.command}\n${r.stdout}${r.stderr}`;
}

export function runStep(cluster: Cluster, step: Step, opts: RunOptions = {}): StepResult {
  switch (step.kind) {
    case 'sleep':
      cluster.advance(step.ms);
      return { step, stdout: '', stderr: '', exitCode: 0 };
    case 'sim': {
      const r = cluster.sim(step.command);
      return { step, ...r };
    }
    case 'kubectl': {
      const r = cluster.kubectl(executable(step), { stdin: step.stdin, readFile: opts.readFile, listDir: opts.listDir });
      return { step, ...r };
    }
  }
}

/** Run every step; returns the whole transcript. */
export function runScenario(cluster: Cluster, steps: Step[], opts: RunOptions = {}): { transcript: string; results: StepResult[] } {
  let transcript = '';
  const results: StepResult[] = [];
  for (const step of steps) {
    const r = runStep(cluster, step, opts);
    const text = formatStep(r);
    transcript += text;
    results.push(r);
    opts.onStep?.(r, text);
  }
  return { transcript, results };
}
