// How a terminal entry looks on screen. kubectl's own output is printed unmodified (only line
// ends become CR LF, which a terminal needs); the prompt and the "replayed" note are ours.
import type { TerminalEntry } from '../../store/store';

export const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');

/** The output of a finished command, each stream ending in a newline. */
export function renderOutput(e: TerminalEntry): string {
  const r = e.result;
  if (!r) return '';
  const end = (s: string) => (s === '' || s.endsWith('\n') ? s : s + '\n');
  return crlf(end(r.stdout) + end(r.stderr));
}

/** The command line as a shell would have echoed it (for commands not typed here). */
export function renderCommandLine(e: TerminalEntry): string {
  const note = e.replayed ? ' \x1b[2m# replayed from the timeline\x1b[0m' : '';
  let s = `\x1b[1;32m$\x1b[0m ${e.line}${note}\r\n`;
  if (e.stdin !== undefined) s += `\x1b[2m  (with ${countLines(e.stdin)} lines on stdin)\x1b[0m\r\n`;
  return s;
}

function countLines(s: string): number {
  return s === '' ? 0 : s.replace(/\n$/, '').split('\n').length;
}

/** Plain text of an entry, for the accessible log beside the terminal. */
export function entryText(e: TerminalEntry): string {
  const r = e.result;
  return `$ ${e.line}\n${r ? r.stdout + r.stderr : 'running…'}`;
}

const BANNER_PARTS = ['kubectl and sim commands', 'Tab completes', '\u2191/\u2193 history', 'Ctrl-C cancels', 'clear'];

/**
 * The dim help line printed when the terminal opens, broken between its parts (never inside a
 * word) to fit `cols` columns: a narrow panel on a projector would otherwise cut "completes".
 */
export function banner(cols: number): string {
  const lines: string[] = [];
  let line = '';
  BANNER_PARTS.forEach((part, i) => {
    const next = line ? `${line} · ${part}` : part;
    // A line that goes on after this part ends in " ·", which must fit too.
    const room = i < BANNER_PARTS.length - 1 ? cols - 2 : cols;
    if (line && next.length > room) {
      lines.push(`${line} ·`);
      line = part;
    } else line = next;
  });
  lines.push(line);
  return lines.map((l) => `\x1b[2m${l}\x1b[0m\r\n`).join('');
}
