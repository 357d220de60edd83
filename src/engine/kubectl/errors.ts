// How kubectl turns an error into stderr text and an exit code: mirrors checkErr,
// StandardErrorMessage and MultipleErrors in staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go.
import { ConnectionRefusedError, StatusError } from '../apiserver/errors';

/** An error whose message kubectl prints as is (it carries its own `error: ` prefix or not). */
export class KubectlError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

/** Several errors reported together (utilerrors.Aggregate). */
export class AggregateError extends Error {
  constructor(readonly errors: unknown[]) {
    super(errors.map((e) => (e instanceof Error ? e.message : String(e))).join(', '));
  }
}

/** An error that was already printed; only the exit code remains (cmdutil.ErrExit). */
export class ExitError extends Error {
  constructor(readonly exitCode = 1) {
    super('');
  }
}

/** AddSourceToErr: `error when creating "web.yaml": <server message>` (kept a StatusError). */
export function addSourceToErr(verb: string, source: string, err: unknown): unknown {
  if (err instanceof StatusError && source) {
    const status = { ...err.status, message: `error when ${verb} "${source}": ${err.status.message}` };
    return new StatusError(status);
  }
  return err;
}

/** StandardErrorMessage: `Error from server (NotFound): pods "x" not found` for API errors. */
export function standardErrorMessage(err: unknown): string | undefined {
  // A *url.Error whose cause is "connection refused": the API server is not listening.
  if (err instanceof ConnectionRefusedError) return `The connection to the server ${err.host} was refused - did you specify the right host or port?`;
  if (err instanceof StatusError) {
    const s = err.status;
    if (s.reason === 'Unauthorized') return `error: You must be logged in to the server (${s.message})`;
    if (s.reason) return `Error from server (${s.reason}): ${s.message}`;
    return `Error from server: ${s.message}`;
  }
  return undefined;
}

function invalidMessage(err: StatusError): string {
  const d = err.status.details;
  let s = 'The request is invalid';
  if (!d) return s;
  if (d.kind || d.name) s = `The ${d.kind} "${d.name}" is invalid`;
  const causes = d.causes ?? [];
  if (!causes.length) return s;
  const msgs = causes.map((c) => (c.field ? `${c.field}: ${c.message ?? ''}` : c.message ?? ''));
  // MultilineError: one cause inline, several as a `* ` list.
  if (msgs.length === 1) return `${s}: ${msgs[0]}`;
  return `${s}: \n${msgs.map((m) => `* ${m}`).join('\n')}`;
}

/** The text (without trailing newline) and exit code kubectl prints for an error. */
export function errorText(err: unknown): { text: string; exitCode: number } {
  if (err instanceof ExitError) return { text: '', exitCode: err.exitCode };
  if (err instanceof AggregateError) {
    if (err.errors.length === 1) return errorText(err.errors[0]);
    const lines = err.errors.map((e) => standardErrorMessage(e) ?? (e instanceof Error ? e.message : String(e)));
    return { text: lines.join('\n'), exitCode: 1 };
  }
  if (err instanceof ConnectionRefusedError) return { text: standardErrorMessage(err)!, exitCode: 1 };
  if (err instanceof StatusError) {
    if (err.status.reason === 'Invalid') return { text: invalidMessage(err), exitCode: 1 };
    return { text: standardErrorMessage(err)!, exitCode: 1 };
  }
  if (err instanceof KubectlError) return { text: err.message, exitCode: err.exitCode };
  const msg = err instanceof Error ? err.message : String(err);
  return { text: msg.startsWith('error: ') ? msg : `error: ${msg}`, exitCode: 1 };
}
