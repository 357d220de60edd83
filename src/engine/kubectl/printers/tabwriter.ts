// text/tabwriter as kubectl configures it (flags 0, padchar ' '): cells end at '\t'; a column
// block is a run of consecutive lines that have a cell in that column, and every cell of the
// block is padded to the block's widest cell + padding. The last cell of a line is not padded.
// `kubectl get` tables use padding 3 (printers.GetNewTabWriter), describe and rollout history
// use padding 2 (tabwriter.NewWriter(out, 0, 8, 2, ' ', 0)).

function width(s: string): number {
  return [...s].length;
}

/** Lay out tab-separated text exactly as Go's tabwriter would. */
export function tabwrite(text: string, padding: number): string {
  const endsWithNewline = text.endsWith('\n');
  const lines = (endsWithNewline ? text.slice(0, -1) : text).split('\n').map((l) => l.split('\t'));
  const widths: number[] = [];
  const out: string[] = lines.map(() => '');
  const emit = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const cells = lines[i];
      let s = '';
      for (let j = 0; j < cells.length; j++) {
        if (j < cells.length - 1) s += cells[j] + ' '.repeat(Math.max(0, widths[j] - width(cells[j])));
        else s += cells[j];
      }
      out[i] = s;
    }
  };
  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    let start = line0;
    for (let t = line0; t < line1; t++) {
      if (column >= lines[t].length - 1) continue;
      // A column block starts at line t.
      emit(start, t);
      let w = 0;
      let end = t;
      for (; end < line1; end++) {
        const cells = lines[end];
        if (column >= cells.length - 1) break;
        w = Math.max(w, width(cells[column]) + padding);
      }
      widths.push(w);
      format(t, end);
      widths.pop();
      start = end;
      t = end - 1;
    }
    emit(start, line1);
  };
  format(0, lines.length);
  return out.join('\n') + (endsWithNewline ? '\n' : '');
}

export function formatTable(rows: string[][]): string[] {
  if (!rows.length) return [];
  return tabwrite(rows.map((r) => r.join('\t')).join('\n'), 3).split('\n');
}
