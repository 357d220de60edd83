// The terminal's line discipline, without xterm: turns the bytes xterm reports (keys, pastes)
// into screen writes and submitted command lines. A tiny readline: editing with ←/→/Home/End,
// Backspace/Delete, ↑/↓ history, Ctrl-C (drop the line), Ctrl-U (kill the line), Ctrl-L (clear),
// Tab (completion), and heredocs (`kubectl apply -f - <<EOF` … `EOF`) collected into stdin.
// Pure apart from its own state, so it is tested without a browser (shellInput.test.ts).
import { commonPrefix, type Completion } from './completion';
import { HeredocCollector, parseHeredocStart } from './heredoc';

export const PROMPT = '$ ';
/** Shown while a heredoc is being collected, like bash's PS2. */
export const CONTINUATION = '> ';
const PROMPT_STYLED = '\x1b[1;32m$\x1b[0m ';

export interface Submit {
  line: string;
  stdin?: string;
}

export interface FeedResult {
  /** Text to write to the terminal (escape sequences included). */
  write: string;
  submits: Submit[];
  /** Ctrl-L or `clear`: wipe the screen. */
  clear: boolean;
}

export interface ShellInputOptions {
  history: () => readonly string[];
  complete: (lineBeforeCursor: string) => Completion;
  cols: () => number;
}

export class ShellInput {
  buffer = '';
  cursor = 0;
  private heredoc: HeredocCollector | undefined;
  private heredocLine = '';
  /** Position while browsing history with ↑/↓; null = editing a new line. */
  private historyPos: number | null = null;
  private draft = '';
  /** Row of the cursor within the drawn prompt + buffer (for redrawing wrapped lines). */
  private cursorRow = 0;
  private escape = '';

  constructor(private readonly opts: ShellInputOptions) {}

  /** Draw a fresh prompt with the current buffer (after output was printed). */
  prompt(): string {
    this.cursorRow = 0;
    return this.draw();
  }

  /** Erase the prompt and the buffer from the screen (before printing output above them). */
  erase(): string {
    const up = this.cursorRow > 0 ? `\x1b[${this.cursorRow}A` : '';
    this.cursorRow = 0;
    return `${up}\r\x1b[J`;
  }

  get collectingHeredoc(): boolean {
    return this.heredoc !== undefined;
  }

  feed(data: string): FeedResult {
    const out: FeedResult = { write: '', submits: [], clear: false };
    // Bracketed paste markers, if a program turned that mode on: the text inside is plain input.
    data = data.replace(/\x1b\[20[01]~/g, '');
    for (const ch of data) {
      if (this.escape) {
        this.escape += ch;
        if (/^\x1b(\[[0-9;]*[A-Za-z~]|O[A-Za-z])$/.test(this.escape)) {
          this.onEscape(this.escape, out);
          this.escape = '';
        } else if (this.escape.length > 8) this.escape = '';
        continue;
      }
      switch (ch) {
        case '\x1b':
          this.escape = ch;
          break;
        case '\r':
        case '\n':
          this.enter(out);
          break;
        case '\x7f':
        case '\b':
          if (this.cursor > 0) {
            this.buffer = this.buffer.slice(0, this.cursor - 1) + this.buffer.slice(this.cursor);
            this.cursor--;
            out.write += this.redraw();
          }
          break;
        case '\x03': // Ctrl-C: abandon the line (and any heredoc), like a shell
          out.write += this.moveToEnd() + '^C\r\n';
          this.reset();
          out.write += this.prompt();
          break;
        case '\x15': // Ctrl-U
          this.buffer = this.buffer.slice(this.cursor);
          this.cursor = 0;
          out.write += this.redraw();
          break;
        case '\x0c': // Ctrl-L
          out.clear = true;
          out.write += this.prompt();
          break;
        case '\x01':
          this.cursor = 0;
          out.write += this.redraw();
          break;
        case '\x05':
          this.cursor = this.buffer.length;
          out.write += this.redraw();
          break;
        case '\t':
          out.write += this.tab();
          break;
        default:
          if (ch >= ' ') {
            this.buffer = this.buffer.slice(0, this.cursor) + ch + this.buffer.slice(this.cursor);
            this.cursor++;
            // Typing at the end of a short line: just echo (keeps pastes cheap).
            if (this.cursor === this.buffer.length && !this.wraps()) {
              out.write += ch;
              this.cursorRow = Math.floor((this.promptText().length + this.cursor) / Math.max(1, this.opts.cols()));
            } else out.write += this.redraw();
          }
      }
    }
    return out;
  }

  private onEscape(seq: string, out: FeedResult): void {
    const key = seq.replace(/^\x1bO/, '\x1b[');
    if (key === '\x1b[A') out.write += this.recall(-1);
    else if (key === '\x1b[B') out.write += this.recall(1);
    else if (key === '\x1b[C' && this.cursor < this.buffer.length) (this.cursor++, (out.write += this.redraw()));
    else if (key === '\x1b[D' && this.cursor > 0) (this.cursor--, (out.write += this.redraw()));
    else if (key === '\x1b[H' || key === '\x1b[1~') (this.cursor = 0), (out.write += this.redraw());
    else if (key === '\x1b[F' || key === '\x1b[4~') (this.cursor = this.buffer.length), (out.write += this.redraw());
    else if (key === '\x1b[3~' && this.cursor < this.buffer.length) {
      this.buffer = this.buffer.slice(0, this.cursor) + this.buffer.slice(this.cursor + 1);
      out.write += this.redraw();
    }
  }

  private enter(out: FeedResult): void {
    const line = this.buffer;
    out.write += this.moveToEnd() + '\r\n';
    this.buffer = '';
    this.cursor = 0;
    this.cursorRow = 0;
    this.historyPos = null;
    if (this.heredoc) {
      const stdin = this.heredoc.push(line);
      if (stdin !== undefined) {
        out.submits.push({ line: this.heredocLine, stdin });
        this.heredoc = undefined;
      } else out.write += this.prompt();
      return;
    }
    const start = parseHeredocStart(line);
    if (start) {
      this.heredoc = new HeredocCollector(start);
      this.heredocLine = start.command;
      out.write += this.prompt();
      return;
    }
    if (line.trim() === 'clear') {
      out.clear = true;
      out.submits.push({ line: 'clear' });
      out.write += this.prompt();
      return;
    }
    if (line.trim() === '') {
      out.write += this.prompt();
      return;
    }
    out.submits.push({ line });
  }

  private recall(dir: -1 | 1): string {
    if (this.heredoc) return '';
    const h = this.opts.history();
    if (h.length === 0) return '';
    if (dir < 0) {
      if (this.historyPos === null) this.draft = this.buffer;
      this.historyPos = this.historyPos === null ? h.length - 1 : Math.max(0, this.historyPos - 1);
      this.buffer = h[this.historyPos];
    } else {
      if (this.historyPos === null) return '';
      this.historyPos++;
      if (this.historyPos >= h.length) {
        this.historyPos = null;
        this.buffer = this.draft;
      } else this.buffer = h[this.historyPos];
    }
    this.cursor = this.buffer.length;
    return this.redraw();
  }

  /** The line up to the cursor (what Tab completes), or undefined while a heredoc is collected. */
  get beforeCursor(): string | undefined {
    return this.heredoc ? undefined : this.buffer.slice(0, this.cursor);
  }

  private tab(): string {
    const before = this.beforeCursor;
    return before === undefined ? '' : this.applyCompletion(before, this.opts.complete(before));
  }

  /**
   * Apply a completion of `before` (computed elsewhere, e.g. by the engine in its Worker): insert
   * what all candidates share, or list them. Nothing happens if the line changed meanwhile.
   */
  applyCompletion(before: string, { word, candidates }: Completion): string {
    if (this.heredoc || this.buffer.slice(0, this.cursor) !== before) return '';
    if (candidates.length === 0) return '\x07';
    const one = candidates[0];
    const common = candidates.length === 1 ? one + (/[/=]$/.test(one) ? '' : ' ') : commonPrefix(candidates);
    if (common.length > word.length && common.startsWith(word)) {
      const insert = common.slice(word.length);
      this.buffer = before + insert + this.buffer.slice(this.cursor);
      this.cursor += insert.length;
      return this.redraw();
    }
    // Several candidates and nothing more in common: list them, as bash does on a second Tab.
    return this.moveToEnd() + '\r\n' + candidates.join('  ') + '\r\n' + this.prompt();
  }

  private reset(): void {
    this.buffer = '';
    this.cursor = 0;
    this.heredoc = undefined;
    this.historyPos = null;
  }

  private promptText(): string {
    return this.heredoc ? CONTINUATION : PROMPT;
  }

  private wraps(): boolean {
    return (this.promptText().length + this.buffer.length) % Math.max(1, this.opts.cols()) === 0;
  }

  private moveToEnd(): string {
    const cols = Math.max(1, this.opts.cols());
    const endRow = Math.floor((this.promptText().length + this.buffer.length) / cols);
    const down = endRow - this.cursorRow;
    this.cursorRow = endRow;
    return down > 0 ? `\x1b[${down}B\r` : '';
  }

  private redraw(): string {
    return this.erase() + this.draw();
  }

  /**
   * Write prompt + buffer and put the cursor at `this.cursor`. Worked example: 40 columns,
   * prompt '$ ' and a 50-character line: rows 0 and 1 are used; the cursor at character 45 sits
   * on row (2 + 45) / 40 = 1, column 7.
   */
  private draw(): string {
    const cols = Math.max(1, this.opts.cols());
    const p = this.promptText();
    const total = p.length + this.buffer.length;
    let s = (this.heredoc ? CONTINUATION : PROMPT_STYLED) + this.buffer;
    // At an exact multiple of the width xterm waits to wrap; force the wrap so rows add up.
    if (this.buffer.length > 0 && total % cols === 0) s += ' \b';
    const endRow = Math.floor(total / cols);
    const target = p.length + this.cursor;
    const row = Math.floor(target / cols);
    const col = target % cols;
    if (row < endRow) s += `\x1b[${endRow - row}A`;
    if (row !== endRow || target !== total) s += '\r' + (col > 0 ? `\x1b[${col}C` : '');
    this.cursorRow = row;
    return s;
  }
}
