// Tab completion for the terminal. For now a simple local completion from what the UI already
// knows (verbs, resource types, the names of objects in the store); the engine will expose its
// own completion later, behind this same function.

/** What completion may look at: object names by resource type ('pods' → ['default/web-1', …]). */
export interface CompletionContext {
  /** plural resource name → keys ('namespace/name' or 'name' for cluster-scoped objects). */
  names: Readonly<Record<string, readonly string[]>>;
}

const TOP = ['kubectl', 'sim', 'clear'];
const KUBECTL_VERBS = [
  'annotate', 'api-resources', 'apply', 'cluster-info', 'cordon', 'create', 'delete', 'describe', 'drain', 'edit', 'explain',
  'expose', 'get', 'label', 'logs', 'patch', 'rollout', 'run', 'scale', 'set', 'top', 'uncordon', 'version',
];
const SUBCOMMANDS: Record<string, string[]> = {
  rollout: ['history', 'pause', 'restart', 'resume', 'status', 'undo'],
  set: ['image'],
  create: ['deployment', 'namespace', '-f'],
};
const SIM_WORDS: Record<string, string[]> = {
  '': ['node', 'pod', 'help'],
  node: ['fail', 'recover', 'add'],
  pod: ['crash'],
};
/** Resource types a student types, with the plural the store uses. */
const TYPES: Record<string, string> = {
  pods: 'pods', pod: 'pods', po: 'pods',
  nodes: 'nodes', node: 'nodes', no: 'nodes',
  deployments: 'deployments', deployment: 'deployments', deploy: 'deployments',
  replicasets: 'replicasets', replicaset: 'replicasets', rs: 'replicasets',
  services: 'services', service: 'services', svc: 'services',
  namespaces: 'namespaces', namespace: 'namespaces', ns: 'namespaces',
  configmaps: 'configmaps', configmap: 'configmaps', cm: 'configmaps',
  secrets: 'secrets', secret: 'secrets',
  daemonsets: 'daemonsets', daemonset: 'daemonsets', ds: 'daemonsets',
  statefulsets: 'statefulsets', statefulset: 'statefulsets', sts: 'statefulsets',
  jobs: 'jobs', job: 'jobs', cronjobs: 'cronjobs', cronjob: 'cronjobs', cj: 'cronjobs',
  events: 'events', event: 'events', ev: 'events',
  endpoints: 'endpoints', ep: 'endpoints', ingresses: 'ingresses', ingress: 'ingresses', ing: 'ingresses',
  persistentvolumeclaims: 'persistentvolumeclaims', pvc: 'persistentvolumeclaims',
  horizontalpodautoscalers: 'horizontalpodautoscalers', hpa: 'horizontalpodautoscalers',
};
const TYPE_WORDS = ['pods', 'nodes', 'deployments', 'replicasets', 'services', 'namespaces', 'configmaps', 'secrets', 'daemonsets', 'statefulsets', 'jobs', 'cronjobs', 'events', 'endpoints', 'ingresses', 'persistentvolumeclaims', 'horizontalpodautoscalers', 'all'];
const VERBS_WITH_TYPE = new Set(['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'patch', 'scale', 'logs', 'explain', 'expose', 'history', 'pause', 'restart', 'resume', 'status', 'undo', 'image']);
const NODE_VERBS = new Set(['cordon', 'uncordon', 'drain']);
const FLAGS = ['--namespace', '--all-namespaces', '--output', '--selector', '--replicas', '--image', '--filename', '--watch', '--show-labels'];

export interface Completion {
  /** The word being completed (the text after the last space). */
  word: string;
  /** Full candidates for that word, sorted. */
  candidates: string[];
}

/** Candidates for the last (partial) word of `line`. */
export function complete(line: string, ctx: CompletionContext): Completion {
  const words = line.split(/\s+/);
  const word = words.pop() ?? '';
  const before = words.filter((w) => w !== '');
  return { word, candidates: unique(candidatesFor(before, word, ctx)).filter((c) => c.startsWith(word)).sort() };
}

function candidatesFor(before: string[], word: string, ctx: CompletionContext): string[] {
  if (before.length === 0) return TOP;
  if (before[0] === 'sim') {
    const last = before.length === 1 ? '' : before[1];
    if (before.length === 1) return SIM_WORDS[''];
    if (before.length === 2) return SIM_WORDS[last] ?? [];
    if (before[1] === 'node' && (before[2] === 'fail' || before[2] === 'recover')) return namesOf(ctx, 'nodes', undefined);
    if (before[1] === 'pod' && before[2] === 'crash') return namesOf(ctx, 'pods', namespaceOf(before));
    return [];
  }
  if (before[0] !== 'kubectl') return [];
  if (word.startsWith('-')) return FLAGS;
  const args = positional(before.slice(1));
  if (args.length === 0) return KUBECTL_VERBS;
  const verb = args[0];
  let rest = args.slice(1);
  if (SUBCOMMANDS[verb] && verb !== 'create') {
    if (rest.length === 0) return SUBCOMMANDS[verb];
    rest = rest.slice(1);
  }
  if (verb === 'create') return rest.length === 0 ? SUBCOMMANDS.create : [];
  if (NODE_VERBS.has(verb)) return rest.length === 0 ? namesOf(ctx, 'nodes', undefined) : [];
  if (!VERBS_WITH_TYPE.has(verb) && !(SUBCOMMANDS[verb] && args.length >= 2)) return [];
  const ns = namespaceOf(before);
  if (verb === 'logs') return rest.length === 0 ? namesOf(ctx, 'pods', ns) : [];
  if (rest.length === 0) {
    // `deploy/we<Tab>` completes names after the slash.
    const slash = word.indexOf('/');
    if (slash > 0) {
      const type = TYPES[word.slice(0, slash)];
      return type ? namesOf(ctx, type, ns).map((n) => `${word.slice(0, slash)}/${n}`) : [];
    }
    return TYPE_WORDS;
  }
  const type = TYPES[rest[0]];
  return type ? namesOf(ctx, type, ns) : [];
}

/** Words that are not flags (nor a flag's separate value). */
function positional(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.startsWith('-')) {
      if (!w.includes('=') && /^(-n|--namespace|-o|--output|-l|--selector|-f|--filename|-c|--container)$/.test(w)) i++;
      continue;
    }
    out.push(w);
  }
  return out;
}

function namespaceOf(words: string[]): string | undefined {
  for (let i = 0; i < words.length; i++) {
    if ((words[i] === '-n' || words[i] === '--namespace') && words[i + 1]) return words[i + 1];
    const m = /^--namespace=(.+)$/.exec(words[i]);
    if (m) return m[1];
    if (words[i] === '-A' || words[i] === '--all-namespaces') return '*';
  }
  return 'default';
}

/** Names of a type's objects in `ns` (cluster-scoped names when ns is undefined; '*' = any). */
function namesOf(ctx: CompletionContext, type: string, ns: string | undefined): string[] {
  const keys = ctx.names[type] ?? [];
  const out: string[] = [];
  for (const k of keys) {
    const slash = k.indexOf('/');
    if (slash < 0) out.push(k);
    else if (ns === '*' || ns === undefined || k.slice(0, slash) === ns) out.push(k.slice(slash + 1));
  }
  return out;
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

/** Longest common prefix of the candidates ('' for none). */
export function commonPrefix(xs: readonly string[]): string {
  if (xs.length === 0) return '';
  let p = xs[0];
  for (const x of xs) while (!x.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** The completion context from the store's objects map ('apps/deployments' → 'deployments'). */
export function completionContext(objects: Readonly<Record<string, Readonly<Record<string, unknown>>>>): CompletionContext {
  const names: Record<string, string[]> = {};
  for (const [resource, map] of Object.entries(objects)) {
    const plural = resource.slice(resource.indexOf('/') + 1);
    names[plural] = Object.keys(map);
  }
  return { names };
}
