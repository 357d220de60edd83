// A container's process as the runtime starts it: argv (Docker's ENTRYPOINT/CMD rule), environment,
// hostname, the files it starts with, and hooks into the pod's network. Which shell it has (busybox
// or GNU) decides error messages and tool behaviour.
import type { ImageSpec } from './images';
import type { Builtin } from './commands';

export interface ProcessInput {
  image: ImageSpec;
  argv: string[];
  /** Environment in the order a container sees it. */
  env: [string, string][];
  hostname: string;
  /** Files present before the process starts (/etc/hostname, /etc/hosts, …). */
  baseFiles: Record<string, string>;
  stopMs: number;
  startupMs: number;
  /**
   * Extra programs for this process only (`kubectl exec`'s network tools: curl, wget,
   * nslookup… in traffic/toolbox.ts), looked up before the built-in ones.
   */
  programs?: Record<string, (b: Builtin, args: string[]) => number>;
  /** When the process starts (absolute cluster ms; for time-dependent tools such as `mysql`). */
  startedAt?: number;
  /** When something in the pod accepts connections on localhost:port (absolute ms), if ever known. */
  localPortAt?: (port: number) => number | undefined;
  /** A TCP connection from the pod (ncat): what the server sends, or why it failed. */
  connect?: (host: string, port: number) => { ok: true; data: string } | { ok: false; message: string };
}

/** Docker's rule: `command` replaces ENTRYPOINT (and drops CMD), `args` replaces CMD. */
export function resolveArgv(image: ImageSpec, command?: string[], args?: string[]): string[] {
  if (command && command.length) return [...command, ...(args ?? [])];
  return [...(image.entrypoint ?? []), ...(args ?? image.cmd ?? [])];
}

export function flavorOf(image: ImageSpec): 'busybox' | 'gnu' {
  return /busybox|alpine|agnhost|curl|-alpine/.test(image.repository) ? 'busybox' : 'gnu';
}
