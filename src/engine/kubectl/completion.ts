// Tab completion for the terminal (what `kubectl completion bash` and cobra's __complete do
// for a real shell): verbs, subcommands, resource types in every accepted form, object names
// from the API (namespace-aware, TYPE/NAME too), flags of the verb, values of -o, -n, --type,
// --for, and the `sim` verbs. Pure: reads the cluster through the API server only.
import type { Cluster } from '../cluster';
import { COMMANDS, type Command } from './commands';
import { GLOBAL_FLAGS, takesValue, type FlagSpec } from './flags';
import { kubeConfigOf } from './kubeconfig';
import { ALL_CATEGORY } from './cmd/get';

export interface Completion {
  /** Full replacement words, sorted; empty when nothing fits. */
  candidates: string[];
  /** Index in the line where the word being completed starts (replace from here to the cursor). */
  replaceFrom: number;
}

const OUTPUT_FORMATS = ['json', 'yaml', 'wide', 'name', 'jsonpath=', 'custom-columns=', 'go-template=', 'jsonpath-as-json='];
const SIM_TREE: Record<string, string[]> = { node: ['fail', 'recover', 'add'], pod: ['crash'], traffic: [], load: [], help: [] };
/** Verbs whose first argument is a node name, a pod name, or a resource type. */
const NODE_VERBS = new Set(['cordon', 'uncordon', 'drain', 'top node']);
const POD_VERBS = new Set(['logs', 'exec', 'top pod']);
const NO_ARG_VERBS = new Set(['cluster-info', 'api-resources', 'api-versions', 'version', 'events', 'apply', 'diff', 'replace', 'create', 'config current-context', 'config view', 'config get-contexts', 'config set-context', 'config use-context']);

interface Word {
  text: string;
  start: number;
}

function splitWords(line: string): Word[] {
  const words: Word[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) words.push({ text: m[0].replace(/^['"]|['"]$/g, ''), start: m.index });
  return words;
}

function served(cluster: Cluster) {
  return cluster.api.catalogue.all().filter((i) => cluster.api.served(i.group, i.resource));
}

/** Every way to type a resource type: plural, singular, short names, plural.group. */
function typeWords(cluster: Cluster): string[] {
  const out = new Set<string>();
  for (const i of served(cluster)) {
    out.add(i.resource);
    out.add(i.singular);
    for (const s of i.shortNames) out.add(s);
    if (i.group) out.add(`${i.resource}.${i.group}`);
  }
  return [...out];
}

function namesOf(cluster: Cluster, type: string, ns: string | undefined): string[] {
  const info = cluster.api.catalogue.resolve(type);
  if (!info || !cluster.api.served(info.group, info.resource)) return [];
  try {
    return cluster.api.list(info, info.namespaced ? ns : undefined).items.map((o) => o.metadata.name ?? '');
  } catch {
    return [];
  }
}

function pick(candidates: string[], prefix: string): string[] {
  return [...new Set(candidates.filter((c) => c.startsWith(prefix)))].sort();
}

function flagWords(specs: FlagSpec[]): string[] {
  const out: string[] = [];
  for (const f of [...specs, ...GLOBAL_FLAGS.filter((g) => !specs.some((s) => s.name === g.name))]) {
    out.push(`--${f.name}`);
    if (f.short) out.push(`-${f.short}`);
  }
  return out;
}

function flagValues(cluster: Cluster, flag: string, ns: string | undefined): string[] | undefined {
  const name = flag.replace(/^-+/, '');
  switch (name) {
    case 'o':
    case 'output':
      return OUTPUT_FORMATS;
    case 'n':
    case 'namespace':
      return namesOf(cluster, 'namespaces', undefined);
    case 'type':
      return ['strategic', 'merge', 'json'];
    case 'for':
      return ['condition=Ready', 'condition=Available', 'condition=Complete', 'delete', 'create', 'jsonpath='];
    case 'context':
      return kubeConfigOf(cluster).contexts.map((c) => c.name);
    case 'dry-run':
      return ['none', 'client', 'server'];
    case 'types':
      return ['Normal', 'Warning'];
    case 'sort-by':
      return ['.metadata.name', '.metadata.creationTimestamp', '.spec.nodeName', '.status.phase'];
    case 'cascade':
      return ['background', 'foreground', 'orphan'];
    default:
      void ns;
      return undefined;
  }
}

/**
 * Complete `line` at `cursor` (default: its end). Accepts lines with or without a leading
 * `kubectl`, and `sim …` lines.
 */
export function complete(cluster: Cluster, line: string, cursor = line.length): Completion {
  const head = line.slice(0, cursor);
  const words = splitWords(head);
  const endsInSpace = head.length === 0 || /\s$/.test(head);
  const current: Word = endsInSpace ? { text: '', start: head.length } : words.pop()!;
  const done = words.map((w) => w.text);
  const reply = (cands: string[], prefix = current.text, from = current.start): Completion => ({ candidates: pick(cands, prefix), replaceFrom: from });

  if (!done.length) return reply(['kubectl', 'sim', ...COMMANDS.map((c) => c.name)]);
  if (done[0] === 'sim') {
    const rest = done.slice(1);
    if (!rest.length) return reply(Object.keys(SIM_TREE));
    if (rest.length === 1) return reply(SIM_TREE[rest[0]] ?? []);
    if (rest[0] === 'node' && rest[1] !== 'add') return reply(namesOf(cluster, 'nodes', undefined));
    if (rest[0] === 'pod') return reply(namesOf(cluster, 'pods', kubeConfigOf(cluster).namespace()));
    return reply([]);
  }
  const args = done[0] === 'kubectl' ? done.slice(1) : done;

  // Find the command path (skipping flags and their values) and the positional arguments.
  let cmd: Command | undefined;
  let path = '';
  const positional: string[] = [];
  let ns: string | undefined = kubeConfigOf(cluster).namespace();
  for (let i = 0; i < args.length; i++) {
    const t = args[i];
    const specs = cmd?.flags ?? [];
    if (t.startsWith('-')) {
      if (t === '-A' || t === '--all-namespaces') ns = undefined;
      const eq = t.indexOf('=');
      if ((t === '-n' || t === '--namespace') && i + 1 < args.length) ns = args[i + 1];
      else if (eq > 0 && (t.startsWith('--namespace=') || t.startsWith('-n='))) ns = t.slice(eq + 1);
      if (takesValue(t, specs)) i++;
      continue;
    }
    if (!cmd) {
      cmd = COMMANDS.find((c) => c.name === t || c.aliases?.includes(t));
      path = cmd?.name ?? t;
      if (!cmd) return reply([]);
      continue;
    }
    if (cmd.subcommands && !positional.length && path === cmd.name) {
      const sub: Command | undefined = cmd.subcommands.find((s) => s.name === t || s.aliases?.includes(t));
      if (sub) {
        cmd = sub;
        path = `${path} ${sub.name}`;
        continue;
      }
    }
    positional.push(t);
  }
  const specs = cmd?.flags ?? [];

  // A flag's value: `-o <TAB>`, `--output=ya<TAB>`.
  const prev = done[done.length - 1];
  if (prev && prev.startsWith('-') && !prev.includes('=') && takesValue(prev, specs)) {
    const vals = flagValues(cluster, prev, ns);
    return reply(vals ?? []);
  }
  if (current.text.startsWith('-')) {
    const eq = current.text.indexOf('=');
    if (eq > 0) {
      const vals = flagValues(cluster, current.text.slice(0, eq), ns) ?? [];
      return reply(vals, current.text.slice(eq + 1), current.start + eq + 1);
    }
    return reply(flagWords(specs));
  }
  if (!cmd) return reply(COMMANDS.map((c) => c.name));
  if (cmd.subcommands && path === cmd.name && !positional.length) {
    const subs = cmd.subcommands.map((s) => s.name);
    if (cmd.run) subs.push(...(cmd.name === 'create' ? [] : typeWords(cluster)));
    return reply(subs);
  }
  if (path === 'config use-context' || (path === 'config set-context' && !positional.length)) return reply(kubeConfigOf(cluster).contexts.map((c) => c.name));
  if (NO_ARG_VERBS.has(path)) return reply([]);
  if (NODE_VERBS.has(path)) return reply(namesOf(cluster, 'nodes', undefined));
  if (POD_VERBS.has(path)) {
    if (positional.length) return reply([]);
    if (current.text.includes('/')) return typeSlashName(cluster, current, ns);
    return reply(namesOf(cluster, 'pods', ns));
  }
  if (path === 'explain') return reply(typeWords(cluster));
  if (path === 'run' || path.startsWith('create ')) return reply([]);
  // Resource verbs: TYPE, then names of that TYPE; or TYPE/NAME.
  if (current.text.includes('/')) return typeSlashName(cluster, current, ns);
  if (!positional.length) return reply([...typeWords(cluster), ...(path === 'get' ? ['all'] : [])]);
  const first = positional[0];
  if (first.includes('/')) return reply([]);
  if (first === 'all' || first.includes(',')) return reply([]);
  const taken = new Set(positional.slice(1));
  return reply(namesOf(cluster, first, ns).filter((n) => !taken.has(n)));
}

function typeSlashName(cluster: Cluster, current: Word, ns: string | undefined): Completion {
  const i = current.text.indexOf('/');
  const type = current.text.slice(0, i);
  const names = namesOf(cluster, type, ns).map((n) => `${type}/${n}`);
  return { candidates: pick(names, current.text), replaceFrom: current.start };
}

/** The `all` category, exported for tests and the UI's hints. */
export const GET_ALL_TYPES = ALL_CATEGORY;
