// Helpers shared by the commands: namespaces, list options, the print context for AGE, and
// waiting by advancing simulated time (what a real kubectl does with a watch and a timeout).
import type { ResourceInfo } from '../../api/resources';
import type { ListOptions } from '../../apiserver/apiserver';
import type { Ctx } from '../context';
import { KubectlError } from '../errors';
import type { PrintContext } from '../printers/columns';

/** The namespace a request goes to: the object's own, else -n, else default ('' if cluster-scoped). */
export function namespaceFor(ctx: Ctx, info: ResourceInfo, objectNamespace?: string): string {
  if (!info.namespaced) return '';
  if (objectNamespace && ctx.explicitNamespace && objectNamespace !== ctx.namespace) {
    throw new KubectlError(
      `error: the namespace from the provided object "${objectNamespace}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${objectNamespace}' to perform this operation.`,
    );
  }
  return objectNamespace || ctx.namespace;
}

export function listOptions(ctx: Ctx): ListOptions {
  const o: ListOptions = {};
  if (ctx.flags.str('selector')) o.labelSelector = ctx.flags.str('selector');
  if (ctx.flags.str('field-selector')) o.fieldSelector = ctx.flags.str('field-selector');
  return o;
}

export function printContext(ctx: Ctx): PrintContext {
  return { now: ctx.now(), parse: (ts) => (ts ? ctx.clock.parse(ts) : NaN) };
}

/**
 * Poll `done` after advancing simulated time in `stepMs` steps, up to `timeoutMs`. Returns true
 * when `done` held. A real kubectl watches; advancing the simulated clock is the same wait.
 */
export function waitFor(ctx: Ctx, done: () => boolean, timeoutMs: number, stepMs = 1000): boolean {
  if (done()) return true;
  let waited = 0;
  while (waited < timeoutMs) {
    const step = Math.min(stepMs, timeoutMs - waited);
    ctx.advance(step);
    waited += step;
    if (done()) return true;
  }
  return false;
}

export function requireArgs(ctx: Ctx, usage: string): void {
  if (!ctx.flags.args.length) throw new KubectlError(`error: ${usage}\nSee 'kubectl ${ctx.command} -h' for help and examples`);
}

/**
 * intstr.Parse as kubectl's generators use it: text strconv.ParseInt(v, 10, 32) accepts is a
 * number, anything else stays a string. "080" → 80, "+5" → 5, "2147483648" (past int32) →
 * the string "2147483648", "http" → "http".
 */
export function parseIntOrString(v: string): number | string {
  if (/^[-+]?[0-9]+$/.test(v)) {
    const n = Number(v);
    if (n >= -2147483648 && n <= 2147483647) return n === 0 ? 0 : n;
  }
  return v;
}
