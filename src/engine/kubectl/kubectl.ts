// kubectl's entry point (cmd/kubectl/kubectl.go + k8s.io/component-base/cli.Run): split the
// line, find the command the way cobra does (flags may come before the verb), parse flags
// pflag-style, run, and turn every error into kubectl's stderr text and exit code. Nothing
// escapes: an unexpected exception becomes `error: <message>` with exit code 1.
import type { Cluster, CommandResult } from '../cluster';
import type { Ctx, KubectlOptions } from './context';
import { COMMANDS, suggestionsFor, type Command } from './commands';
import { errorText } from './errors';
import { ConnectionRefusedError } from '../apiserver/errors';
import { FlagError, GLOBAL_FLAGS, parseFlags, takesValue } from './flags';
import { TokenizeError, tokenize } from './tokenize';
import { commandHelp, rootHelp } from './help';
import { kubeConfigOf } from './kubeconfig';

export type { KubectlOptions } from './context';

/** Index of the first non-flag token at or after `from`, skipping values of value-taking flags. */
function nextWord(tokens: string[], from: number, specs: Command['flags']): number {
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === '--') return -1;
    if (t.startsWith('-') && t !== '-') {
      if (takesValue(t, specs)) i++;
      continue;
    }
    return i;
  }
  return -1;
}

function helpText(cmd: Command | undefined, path: string): string {
  return cmd ? commandHelp(cmd, path) : rootHelp();
}

/**
 * Run one kubectl command line against the cluster. The third argument is stdin (for
 * `-f -`) or an options object with stdin and a file resolver for `-f PATH`.
 */
export function runKubectl(cluster: Cluster, commandLine: string, stdinOrOpts?: string | KubectlOptions): CommandResult {
  const opts: KubectlOptions = typeof stdinOrOpts === 'string' ? { stdin: stdinOrOpts } : stdinOrOpts ?? {};
  const out: string[] = [];
  const err: string[] = [];
  // out() lines end with a newline; raw() text (jsonpath output) is printed as is.
  const rawAt = new Set<number>();
  const result = (exitCode: number): CommandResult => ({
    stdout: out.map((l, i) => (rawAt.has(i) ? l : l + '\n')).join(''),
    stderr: err.length ? err.join('\n') + '\n' : '',
    exitCode,
  });
  let path = '';
  try {
    let tokens = tokenize(commandLine);
    if (tokens[0] === 'kubectl') tokens = tokens.slice(1);
    const verbAt = nextWord(tokens, 0, GLOBAL_FLAGS);
    if (verbAt < 0) {
      const f = parseFlags(tokens, []);
      void f;
      out.push(helpText(undefined, ''));
      return result(0);
    }
    const verb = tokens[verbAt];
    if (verb === 'help') {
      // `kubectl help [COMMAND [SUBCOMMAND]]` prints the same text as `--help`.
      const [name, subName] = tokens.slice(verbAt + 1).filter((t) => !t.startsWith('-'));
      const c = name === undefined ? undefined : COMMANDS.find((x) => x.name === name || x.aliases?.includes(name));
      const sc = c && subName !== undefined ? c.subcommands?.find((x) => x.name === subName || x.aliases?.includes(subName)) : undefined;
      if (name !== undefined && !c) {
        err.push(`Unknown help topic [\`${name}\`]`);
        out.push(helpText(undefined, ''));
        return result(0);
      }
      out.push(helpText(sc ?? c, sc ? `${c!.name} ${sc.name}` : c?.name ?? ''));
      return result(0);
    }
    let cmd = COMMANDS.find((c) => c.name === verb || c.aliases?.includes(verb));
    if (!cmd) {
      const s = suggestionsFor(verb);
      // kubectl ≥ 1.29 prints cobra's errors itself, lower-case like its own.
      err.push(`error: unknown command "${verb}" for "kubectl"`);
      if (s.length) err.push('', 'Did you mean this?', ...s.map((x) => `\t${x}`));
      return result(1);
    }
    path = cmd.name;
    const rest = [...tokens.slice(0, verbAt), ...tokens.slice(verbAt + 1)];
    let argv = rest;
    if (cmd.subcommands) {
      const subAt = nextWord(rest, verbAt, [...cmd.flags]);
      const subName = subAt >= 0 ? rest[subAt] : undefined;
      const sub = subName !== undefined ? cmd.subcommands.find((s) => s.name === subName || s.aliases?.includes(subName)) : undefined;
      if (sub) {
        cmd = sub;
        path = `${path} ${sub.name}`;
        argv = [...rest.slice(0, subAt), ...rest.slice(subAt + 1)];
      } else if (!cmd.run) {
        const parsed = parseFlags(rest, cmd.flags);
        if (parsed.bool('help') || subName === undefined) {
          out.push(helpText(cmd, path));
          return result(parsed.bool('help') ? 0 : 1);
        }
        err.push(`error: unknown command "${subName}"`, `See 'kubectl ${path} -h' for help and examples`);
        return result(1);
      }
    }
    const flags = parseFlags(argv, cmd.flags);
    if (flags.bool('help')) {
      out.push(helpText(cmd, path));
      return result(0);
    }
    const ns = flags.str('namespace');
    const ctx: Ctx = {
      cluster,
      api: cluster.api,
      clock: cluster.clock,
      opts,
      flags,
      namespace: ns || kubeConfigOf(cluster).namespace(),
      explicitNamespace: flags.has('namespace'),
      command: path,
      out: (line) => out.push(line),
      raw: (text) => rawAt.add(out.push(text) - 1),
      err: (line) => err.push(line),
      advance: (ms) => cluster.advance(ms),
      now: () => cluster.clock.now(),
    };
    // The API server is down: kubectl's discovery request is refused before any command runs
    // (only kubeconfig edits and `kubectl version --client` need no server). See sim/controlplane.ts.
    if (!cluster.api.available && !path.startsWith('config') && !(path === 'version' && flags.bool('client'))) {
      const e = cluster.api.unavailableError();
      if (e instanceof ConnectionRefusedError) throw e;
    }
    cmd.run!(ctx);
    return result(0);
  } catch (e) {
    if (e instanceof FlagError) {
      err.push(`error: ${e.message}`, `See 'kubectl${path ? ` ${path}` : ''} --help' for usage.`);
      return result(1);
    }
    if (e instanceof TokenizeError) {
      err.push(`error: ${e.message}`);
      return result(2);
    }
    const { text, exitCode } = errorText(e);
    if (text) err.push(text.replace(/\n$/, ''));
    return result(exitCode);
  }
}
