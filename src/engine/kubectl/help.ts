// Help texts for `kubectl help`, `kubectl --help` and `kubectl <verb> -h`. They follow the
// structure kubectl's cobra templates print (description, Examples, Options, Usage) but the
// words are written for this playground. Examples live in help_examples.ts, one entry per
// command path; a test checks every command in the tree has one.
import { COMMANDS, type Command } from './commands';
import type { FlagSpec } from './flags';
import { EXAMPLES } from './help_examples';

/** One line per commonly used flag; flags not listed print without a description. */
const FLAG_HELP: Record<string, string> = {
  'all': 'Act on every object of the given type in the namespace.',
  'all-namespaces': 'Look in every namespace instead of only the current one.',
  'annotations': 'Annotations to set on the new object.',
  'dry-run': 'none (default), client (only print what would be sent) or server (validate on the server, store nothing).',
  'field-selector': 'Filter by object fields, e.g. status.phase=Running or spec.nodeName=kind-worker.',
  'filename': 'A file, a directory or - (standard input) holding the manifests to use.',
  'force': 'Skip the safety checks (for replace: delete the object and create it again).',
  'label-columns': 'Add a column with the value of each given label key.',
  'list': 'Print the current values instead of changing them.',
  'local': 'Change the given file only, without talking to the cluster.',
  'namespace': 'The namespace to use for this command.',
  'no-headers': 'Leave out the header row of tables.',
  'output': 'Output format: json, yaml, name, wide, jsonpath=…, custom-columns=…, go-template=….',
  'overwrite': 'Allow replacing an existing label or annotation value.',
  'patch': 'The patch to apply, as JSON or YAML.',
  'patch-file': 'A file holding the patch.',
  'recursive': 'With -f DIR, read subdirectories too.',
  'replicas': 'The number of replicas wanted.',
  'selector': 'Label selector to pick objects, e.g. app=web or tier!=db.',
  'show-labels': 'Add a LABELS column listing every label.',
  'sort-by': 'Sort rows by a field given as a JSONPath, e.g. .metadata.creationTimestamp.',
  'timeout': 'How long to wait before giving up (e.g. 30s, 2m).',
  'type': 'The patch type: strategic (default), merge or json.',
  'watch': 'After printing the table, keep printing a row each time an object changes.',
  'for': 'What to wait for: delete, condition=NAME[=VALUE] or jsonpath=\'{PATH}\'=VALUE.',
  'image': 'The container image to run.',
  'limits': 'Resource limits, e.g. cpu=200m,memory=512Mi.',
  'requests': 'Resource requests, e.g. cpu=100m,memory=256Mi.',
  'containers': 'Only change the containers whose names match this pattern.',
  'env': 'Environment variables to set, KEY=VALUE.',
  'current': 'Change the context currently in use.',
  'types': 'Only show events of these types (Normal, Warning).',
  'recursive-fields': 'Print every field below the named one.',
  'rule': 'host/path=service:port[,tls[=secret]]; a path ending in * is a Prefix path, otherwise Exact. Repeat for more rules.',
  'class': 'The IngressClass to use (spec.ingressClassName).',
  'default-backend': 'service:port for requests no rule matches.',
  'annotation': 'An annotation for the new object, key=value. Repeat for more.',
  'min-available': 'How many selected pods (a number or a percentage) must stay available.',
  'max-unavailable': 'How many selected pods (a number or a percentage) may be unavailable.',
  'to-revision': 'The revision to go back to; 0 (the default) is the one before the current.',
};

function flagLine(f: FlagSpec): string[] {
  const def = f.type === 'bool' ? String(f.default ?? false) : f.type === 'stringArray' ? '[]' : f.default !== undefined ? (typeof f.default === 'string' ? `'${f.default}'` : String(f.default)) : f.type === 'int' ? '0' : f.type === 'duration' ? '0s' : "''";
  const head = `    ${f.short ? `-${f.short}, ` : ''}--${f.name}=${def}:`;
  const text = f.help ?? FLAG_HELP[f.name];
  return text ? [head, `\t${text}`, ''] : [head, ''];
}

export function commandHelp(cmd: Command, path: string): string {
  const lines = [`${cmd.short}.`, ''];
  const ex = EXAMPLES[path];
  if (ex) lines.push('Examples:', ...ex.split('\n').map((l) => (l ? `  ${l}` : '')), '');
  if (cmd.subcommands) {
    lines.push('Available Commands:');
    const w = Math.max(...cmd.subcommands.map((s) => s.name.length)) + 2;
    // cobra lists subcommands sorted by name (EnableCommandSorting), whatever their order of registration.
    const sorted = [...cmd.subcommands].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const s of sorted) lines.push(`  ${s.name.padEnd(w)}${s.short}`);
    lines.push('');
  }
  if (cmd.flags.length) {
    lines.push('Options:');
    for (const f of cmd.flags) lines.push(...flagLine(f));
  }
  lines.push('Usage:', `  ${cmd.usage}`, '');
  if (cmd.subcommands) lines.push(`Use "kubectl ${path} <command> --help" for more information about a given command.`);
  lines.push('Use "kubectl options" for a list of global command-line options (applies to all commands).');
  return lines.join('\n');
}

const GROUPS: [string, string[]][] = [
  ['Basic Commands (Beginner)', ['create', 'expose', 'run', 'set']],
  ['Basic Commands (Intermediate)', ['explain', 'get', 'edit', 'delete']],
  ['Deploy Commands', ['rollout', 'scale', 'autoscale']],
  ['Cluster Management Commands', ['cluster-info', 'top', 'cordon', 'uncordon', 'drain']],
  ['Troubleshooting and Debugging Commands', ['describe', 'logs', 'exec', 'events']],
  ['Advanced Commands', ['diff', 'apply', 'patch', 'replace', 'wait']],
  ['Settings Commands', ['label', 'annotate']],
  ['Other Commands', ['api-resources', 'api-versions', 'config', 'version']],
];

export function rootHelp(): string {
  const lines = ['kubectl talks to the simulated Kubernetes cluster of this playground.', '', 'Find more information in the lessons, or run "kubectl <command> --help".', ''];
  const listed = new Set<string>();
  const w = Math.max(...COMMANDS.map((c) => c.name.length)) + 3;
  for (const [title, names] of GROUPS) {
    const cmds = names.map((n) => COMMANDS.find((c) => c.name === n)).filter((c): c is Command => !!c);
    if (!cmds.length) continue;
    lines.push(`${title}:`);
    for (const c of cmds) {
      lines.push(`  ${c.name.padEnd(w)}${c.short}`);
      listed.add(c.name);
    }
    lines.push('');
  }
  const rest = COMMANDS.filter((c) => !listed.has(c.name));
  if (rest.length) {
    lines.push('More Commands:');
    for (const c of rest) lines.push(`  ${c.name.padEnd(w)}${c.short}`);
    lines.push('');
  }
  lines.push('Also available: sim (make things happen to the cluster: sim help).', '', 'Usage:', '  kubectl [flags] [options]', '', 'Use "kubectl <command> --help" for more information about a given command.');
  return lines.join('\n');
}
