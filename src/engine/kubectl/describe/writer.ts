// describe's PrefixWriter (staging/src/k8s.io/kubectl/pkg/describe/describe.go): LEVEL_0..3
// indent by two spaces each; the text goes through a tabwriter with padding 2 at the end.
import { tabwrite } from '../printers/tabwriter';
import { rfc1123z as rfc1123zMs } from '../../sim/calendar';

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;

export class PrefixWriter {
  private buf = '';
  write(level: number, text: string): void {
    this.buf += '  '.repeat(level) + text;
  }
  toString(): string {
    return tabwrite(this.buf, 2);
  }
  /**
   * The text before alignment. `rollout history --revision` and `rollout undo --dry-run` write
   * the pod template into a plain buffer, not a tabwriter, so kubectl prints its tabs as they
   * are (`  Labels:\tapp=web`; a terminal shows them at 8-column tab stops).
   */
  raw(): string {
    return this.buf;
  }
}

/** time.RFC1123Z in UTC: `Mon, 03 Mar 2025 09:00:00 +0000` (Go's zero time when unset). */
export function rfc1123z(ts: string | undefined): string {
  const ms = ts ? Date.parse(ts) : NaN;
  if (!Number.isFinite(ms)) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  return rfc1123zMs(ms);
}
