// Redirections of a simple command: `> file`, `>> file`, `>&`, `2> /dev/null`, `< file`.
// Output goes to the top of a stack of sinks (the log, a file, a `$(…)` capture, a pipe,
// /dev/null); a file sink writes its file when the command ends (Shell.withSink).
import type { Shell } from './executor';
import type { Redirect } from './shell';

export type Sink = { kind: 'log' } | { kind: 'file'; path: string; buf: string[]; append: boolean } | { kind: 'capture'; buf: string[] } | { kind: 'pipe'; buf: string[] } | { kind: 'null' };

/** Run a command (`exec`) with its redirections applied. */
export function withRedirects(sh: Shell, redirects: Redirect[], run: () => void): void {
  const out = redirects.find((r) => r.op === '>' || r.op === '>>' || r.op === '>&');
  const errNull = redirects.find((r) => (r.op === '2>' || r.op === '2>>') && sh.expand(r.target) === '/dev/null');
  const inp = redirects.find((r) => r.op === '<');
  const exec = inp ? () => sh.withStdin(sh.files.get(sh.abs(sh.expand(inp.target))) ?? '', run) : run;
  if (out) {
    const target = sh.expand(out.target);
    const path = target.startsWith('/dev/') || target.startsWith('/proc/') ? target : sh.abs(target);
    if (path === '/dev/null') sh.withSink({ kind: 'null' }, exec);
    else if (path === '/dev/stdout' || path === '/dev/stderr' || path === '/proc/1/fd/1' || out.op === '>&') exec();
    else sh.withSink({ kind: 'file', path, buf: [], append: out.op === '>>' }, exec);
  } else if (errNull) sh.withSink({ kind: sh.sinks[sh.sinks.length - 1].kind === 'log' ? 'log' : 'null' } as Sink, exec);
  else exec();
}
