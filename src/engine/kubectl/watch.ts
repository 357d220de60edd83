// `kubectl get --watch` for the terminal. A real kubectl keeps a watch open and prints a row
// each time an object changes (kubectl/pkg/cmd/get/get.go watch()). Here a command returns at
// once, so startWatch returns the first table and a handle that collects the rows of later
// changes; the UI terminal polls it (or subscribes) after each engine step and stops it on Ctrl-C.
import type { Cluster, CommandResult } from '../cluster';
import type { KubeObject } from '../api/meta';
import type { ResourceInfo } from '../api/resources';
import type { ListOptions } from '../apiserver/apiserver';
import { matches, parseSelector } from '../api/labels';
import type { KubectlOptions } from './context';
import { runKubectl } from './kubectl';
import { tableRows } from './printers/table';
import { formatTable } from './printers/tabwriter';

/** What `get -w` asks to watch (filled in by cmd/get.ts). */
export interface WatchSpec {
  info: ResourceInfo;
  namespace: string | undefined;
  /** Only these names (`get pod web -w`); empty: every object. */
  names: string[];
  listOptions: ListOptions;
  wide: boolean;
  withNamespace: boolean;
  showLabels: boolean;
  labelColumns: string[];
}

export interface WatchHandle {
  /** Rows printed since the last poll (each one a formatted line). */
  poll(): string[];
  /** Called with new rows as soon as they are printed; returns an unsubscribe function. */
  subscribe(listener: (rows: string[]) => void): () => void;
  /** Close the watch (Ctrl-C). */
  stop(): void;
  readonly stopped: boolean;
}

export interface StartedWatch {
  /** The initial output (table and errors) as runKubectl returns it. */
  result: CommandResult;
  /** Undefined when the line was not a watch, or failed before watching. */
  watch?: WatchHandle;
}

/** Pad each cell to the widths of the initial table so new rows line up under the header. */
function widthsOf(stdout: string): number[] {
  const header = stdout.split('\n')[0] ?? '';
  const widths: number[] = [];
  const re = /\S+(?: \S+)*/g;
  let m: RegExpExecArray | null;
  let last = 0;
  while ((m = re.exec(header))) {
    if (widths.length) widths[widths.length - 1] = m.index - last;
    widths.push(0);
    last = m.index;
  }
  return widths;
}

/**
 * Run a `kubectl get … --watch` line. Other lines run normally and return no handle. The
 * watch sees the API server's watch stream, so it shows exactly the changes a real client would.
 */
export function startWatch(cluster: Cluster, commandLine: string, opts: KubectlOptions = {}): StartedWatch {
  let spec: WatchSpec | undefined;
  const o: KubectlOptions = { ...opts, onWatch: (w) => (spec = w) };
  // A real Cluster settles and publishes after the command; the unit tests' fake has no kubectl().
  const result = typeof cluster.kubectl === 'function' ? cluster.kubectl(commandLine, o) : runKubectl(cluster, commandLine, o);
  if (!spec || result.exitCode !== 0) return { result };
  const s = spec;
  let widths = widthsOf(result.stdout);
  const pending: string[] = [];
  const listeners = new Set<(rows: string[]) => void>();
  const field = s.listOptions.fieldSelector;
  const sel = s.listOptions.labelSelector ? parseSelector(s.listOptions.labelSelector) : undefined;
  // Lines for one event. When the first table was empty ("No resources found") no header was
  // printed: like kubectl, print it with the first row, and line later rows up under it.
  const lines = (obj: KubeObject): string[] => {
    const noHeaders = widths.length > 0;
    const rows = tableRows(s.info, [obj], { now: cluster.clock.now(), parse: (t) => (t ? cluster.clock.parse(t) : NaN) }, {
      wide: s.wide,
      withNamespace: s.withNamespace,
      withKind: false,
      showLabels: s.showLabels,
      noHeaders,
      labelColumns: s.labelColumns,
    });
    if (noHeaders) return [pad(rows[0])];
    const table = formatTable(rows);
    widths = widthsOf(table[0]);
    return table.map((l) => l.replace(/\s+$/, ''));
  };
  const pad = (cells: string[]): string => {
    return cells.map((c, i) => (i < cells.length - 1 && widths[i] ? c.padEnd(widths[i] - 1) + ' ' : c)).join('').replace(/\s+$/, '');
  };
  const unwatch = cluster.api.watch(s.info, s.namespace, (e) => {
    const obj = e.object;
    if (s.names.length && !s.names.includes(obj.metadata.name ?? '')) return;
    if (sel && !matches(sel, obj.metadata.labels)) return;
    if (field) {
      // Field selectors are evaluated by the API server: re-list and check membership.
      const ok = cluster.api.list(s.info, obj.metadata.namespace, { fieldSelector: field }).items.some((o) => o.metadata.name === obj.metadata.name);
      if (!ok && e.type !== 'DELETED') return;
    }
    const printed = lines(obj);
    pending.push(...printed);
    for (const l of listeners) l(printed);
  });
  let stopped = false;
  const handle: WatchHandle = {
    poll: () => pending.splice(0, pending.length),
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    stop: () => {
      if (stopped) return;
      stopped = true;
      unwatch();
      listeners.clear();
    },
    get stopped() {
      return stopped;
    },
  };
  return { result, watch: handle };
}
