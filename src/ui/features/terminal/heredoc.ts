// Heredocs, as a shell reads them: `kubectl apply -f - <<EOF` starts collecting the following
// lines as the command's stdin until a line that is exactly the delimiter (`EOF`). Quoting the
// delimiter (`<<'EOF'`, `<<"EOF"`) is accepted; `<<-EOF` also strips leading tabs, as bash does.

export interface HeredocStart {
  /** The command line without the `<<EOF` part. */
  command: string;
  delimiter: string;
  stripTabs: boolean;
}

/** `kubectl apply -f - <<EOF` → { command: 'kubectl apply -f -', delimiter: 'EOF' }. */
export function parseHeredocStart(line: string): HeredocStart | undefined {
  const m = /^(.*?)\s*<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\3\s*$/.exec(line);
  if (!m) return undefined;
  return { command: m[1].trim(), delimiter: m[4], stripTabs: m[2] === '-' };
}

/** Collects the body of one heredoc, line by line. */
export class HeredocCollector {
  private readonly lines: string[] = [];
  constructor(readonly start: HeredocStart) {}

  /** Feed one line; returns the stdin text when this line ends the heredoc. */
  push(line: string): string | undefined {
    const l = this.start.stripTabs ? line.replace(/^\t+/, '') : line;
    if (l === this.start.delimiter) return this.lines.length ? this.lines.join('\n') + '\n' : '';
    this.lines.push(l);
    return undefined;
  }
}
