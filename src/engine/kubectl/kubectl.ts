// kubectl's entry point (cmd/kubectl/kubectl.go + k8s.io/component-base/cli.Run): split the
// line, find the command the way cobra does (flags may come before the verb), parse flags
// pflag-style, run, and turn every error into kubectl's stderr text and exit code. Nothing
// escapes: an unexpected exception becomes `error: <message>` with exit code 1.
import type { Cluster, CommandResult } from '../cluster';
import type { Ctx, KubectlOptions } from './context';
import { COMMANDS, suggestionsFor, type Command } from './commands';
import { errorText } from './errors';
import { FlagError, GLOBAL_FLAGS, parseFlags, takesValue } from './flags';
import { TokenizeError, tokenize } from './tokenize';

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
  if (!cmd) {
    return [
      'kubectl controls the Kubernetes cluster manager (simulated).',
      '',
      'Commands:',
      ...COMMANDS.map((c) => `  ${c.name.padEnd(15)}${c.short}`),
      '',
      'Usage:',
      '  kubectl [flags] [options]',
      '',
      'Use "kubectl <command> --help" for more information about a given command.',
    ].join('\n');
  }
  const lines = [`${cmd.short}.`, ''];
  if (cmd.subcommands) {
    lines.push('Available Commands:');
    for (const s of cmd.subcommands) lines.push(`  ${s.name.padEnd(14)}${s.short}`);
    lines.push('');
  }
  if (cmd.flags.length) {
    lines.push('Options:');
    for (const f of cmd.flags) lines.push(`    ${f.short ? `-${f.short}, ` : ''}--${f.name}${f.type === 'bool' ? '' : `=${f.default !== undefined ? JSON.stringify(f.default) : "''"}`}`);
    lines.push('');
  }
  lines.push('Usage:', `  ${cmd.usage}`, '', `Use "kubectl ${path} --help" for more information about a given command.`);
  return lines.join('\n');
}

/**
 * Run one kubectl command line against the cluster. The third argument is stdin (for
 * `-f -`) or an options object with stdin and a file resolver for `-f PATH`.
 */
export function runKubectl(cluster: Cluster, commandLine: string, stdinOrOpts?: string | KubectlOptions): CommandResult {
  const opts: KubectlOptions = typeof stdinOrOpts === 'string' ? { stdin: stdinOrOpts } : stdinOrOpts ?? {};
  const out: string[] = [];
  const err: string[] = [];
  const result = (exitCode: number): CommandResult => ({
    stdout: out.length ? out.join('\n') + '\n' : '',
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
    let cmd = COMMANDS.find((c) => c.name === verb || c.aliases?.includes(verb));
    if (!cmd) {
      const s = suggestionsFor(verb);
      err.push(`Error: unknown command "${verb}" for "kubectl"`);
      if (s.length) err.push('', 'Did you mean this?', ...s.map((x) => `\t${x}`), '');
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
      namespace: ns || 'default',
      explicitNamespace: flags.has('namespace'),
      command: path,
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      advance: (ms) => cluster.advance(ms),
      now: () => cluster.clock.now(),
    };
    cmd.run!(ctx);
    return result(0);
  } catch (e) {
    if (e instanceof FlagError) {
      err.push(`Error: ${e.message}`, `See 'kubectl${path ? ` ${path}` : ''} --help' for usage.`);
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
