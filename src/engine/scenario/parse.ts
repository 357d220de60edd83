// Scenario files: a shell-transcript-like script of what a student types. One command per
// line — `kubectl …`, `sim …`, `sleep 30s` — with `#` comments, blank lines, backslash line
// continuations and heredocs (`<<EOF` … `EOF`, any delimiter, quoted or `<<-` forms) that feed
// the command's stdin. Parsing is pure and reports problems with their line number.
import { parseGoDuration } from '../kubectl/duration';

export type Step =
  | { kind: 'kubectl'; line: number; command: string; stdin?: string }
  | { kind: 'sim'; line: number; command: string }
  | { kind: 'sleep'; line: number; command: string; ms: number };

export class ScenarioError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

const HEREDOC = /<<(-?)\s*(?:'([^']+)'|"([^"]+)"|([A-Za-z_][A-Za-z0-9_]*))/;

export function parseScenario(text: string): Step[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const steps: Step[] = [];
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    let cmd = lines[i];
    // Backslash-newline joins the next line (as a shell does).
    while (/\\\s*$/.test(cmd) && !/^\s*#/.test(cmd) && i + 1 < lines.length) {
      cmd = `${cmd.replace(/\s*\\\s*$/, '')} ${lines[++i].trim()}`;
    }
    const trimmed = cmd.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    let stdin: string | undefined;
    const h = HEREDOC.exec(trimmed);
    let command = trimmed;
    if (h) {
      const stripTabs = h[1] === '-';
      const delim = h[2] ?? h[3] ?? h[4];
      const body: string[] = [];
      let closed = false;
      for (i = i + 1; i < lines.length; i++) {
        const l = stripTabs ? lines[i].replace(/^\t+/, '') : lines[i];
        if (l.trimEnd() === delim) {
          closed = true;
          break;
        }
        body.push(l);
      }
      if (!closed) throw new ScenarioError(lineNo, `unterminated heredoc: no line "${delim}" before the end of the file`);
      stdin = body.length ? body.join('\n') + '\n' : '';
      command = (trimmed.slice(0, h.index) + trimmed.slice(h.index + h[0].length)).trim();
    }
    const word = command.split(/\s+/)[0];
    if (word === 'kubectl') {
      steps.push(stdin !== undefined ? { kind: 'kubectl', line: lineNo, command: trimmed, stdin } : { kind: 'kubectl', line: lineNo, command: trimmed });
      if (stdin !== undefined) (steps[steps.length - 1] as { run?: string }).run = command;
    } else if (stdin !== undefined) {
      throw new ScenarioError(lineNo, `a heredoc can only feed a kubectl command`);
    } else if (word === 'sim') {
      steps.push({ kind: 'sim', line: lineNo, command: trimmed });
    } else if (word === 'sleep') {
      const args = command.split(/\s+/).slice(1);
      if (args.length !== 1) throw new ScenarioError(lineNo, 'usage: sleep DURATION (e.g. 30s, 5m, 1h30m, 500ms)');
      const ms = parseGoDuration(/^\d+$/.test(args[0]) ? `${args[0]}s` : args[0]);
      if (ms === undefined || ms < 0) throw new ScenarioError(lineNo, `invalid duration "${args[0]}" (e.g. 30s, 5m, 1h30m, 500ms)`);
      steps.push({ kind: 'sleep', line: lineNo, command: trimmed, ms });
    } else {
      throw new ScenarioError(lineNo, `unknown command "${word}": expected kubectl, sim, sleep, a comment or a blank line`);
    }
  }
  return steps;
}

/** The command line to execute for a step (the heredoc redirection removed). */
export function executable(step: Step): string {
  return (step as { run?: string }).run ?? step.command;
}
