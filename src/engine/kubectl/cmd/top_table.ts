// The tab-aligned table kubectl top prints (tabwriter: 3-space padding).
export function renderTable(head: string[] | null, rows: string[][]): string {
  const all = head ? [head, ...rows] : rows;
  const widths = all[0]?.map((_, i) => Math.max(...all.map((r) => r[i].length))) ?? [];
  return all.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] + 3))).join('')).join('\n');
}
