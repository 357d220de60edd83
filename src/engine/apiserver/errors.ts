// API errors as the API server returns them: a metav1.Status with reason and code.
// Mirrors k8s.io/apimachinery/pkg/api/errors/errors.go.
import type { Status, StatusCause } from '../api/meta';
import type { FieldError } from './validation/field';
import { fieldErrorString } from './validation/field';

export class StatusError extends Error {
  readonly status: Status;
  constructor(status: Status) {
    super(status.message);
    this.status = status;
  }
  get reason(): string {
    return this.status.reason;
  }
  get code(): number {
    return this.status.code;
  }
}

export interface QualifiedResource {
  group: string;
  resource: string;
}

/** `deployments.apps`, or just `pods` for the core group (schema.GroupResource.String()). */
export function grString(gr: QualifiedResource): string {
  return gr.group ? `${gr.resource}.${gr.group}` : gr.resource;
}

function status(code: number, reason: string, message: string, details?: Status['details']): StatusError {
  return new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, details, code });
}

export function newNotFound(gr: QualifiedResource, name: string): StatusError {
  return status(404, 'NotFound', `${grString(gr)} "${name}" not found`, { name, group: gr.group, kind: gr.resource });
}

export function newAlreadyExists(gr: QualifiedResource, name: string): StatusError {
  return status(409, 'AlreadyExists', `${grString(gr)} "${name}" already exists`, { name, group: gr.group, kind: gr.resource });
}

export function newConflict(gr: QualifiedResource, name: string, detail: string): StatusError {
  return status(409, 'Conflict', `Operation cannot be fulfilled on ${grString(gr)} "${name}": ${detail}`, { name, group: gr.group, kind: gr.resource });
}

export function newForbidden(gr: QualifiedResource, name: string, reason: string): StatusError {
  const target = name ? `${grString(gr)} "${name}"` : grString(gr);
  return status(403, 'Forbidden', `${target} is forbidden: ${reason}`, { name, group: gr.group, kind: gr.resource });
}

export function newBadRequest(message: string): StatusError {
  return status(400, 'BadRequest', message);
}

export function newMethodNotSupported(gr: QualifiedResource, action: string): StatusError {
  return status(405, 'MethodNotAllowed', `${action} is not supported on resources of kind "${grString(gr)}"`, { group: gr.group, kind: gr.resource });
}

export function newTooManyRequests(message: string, retryAfterSeconds: number): StatusError {
  return status(429, 'TooManyRequests', message, { retryAfterSeconds });
}

export function newServiceUnavailable(message: string): StatusError {
  return status(503, 'ServiceUnavailable', message);
}

/**
 * Not a Status from the server at all: the TCP connection to the API server was refused because
 * its process is down (sim controlplane stop apiserver). It extends StatusError only so that every
 * client's retry path treats it like any other failed request; kubectl prints it as client-go's
 * url.Error: `The connection to the server 127.0.0.1:6443 was refused - did you specify the right
 * host or port?` (kubectl/errors.ts).
 */
export class ConnectionRefusedError extends StatusError {
  constructor(readonly host: string) {
    super({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: '', code: 0, message: `dial tcp ${host}: connect: connection refused` });
  }
}

export function newInternalError(err: unknown): StatusError {
  const msg = err instanceof Error ? err.message : String(err);
  return status(500, 'InternalError', `Internal error occurred: ${msg}`);
}

/**
 * 422 Invalid. `qualifiedKind` is `Deployment.apps` (or `Pod`); the message lists every field
 * error: `Deployment.apps "web" is invalid: [spec.selector: Required value, …]`.
 * kubectl reformats it as `The Deployment "web" is invalid: …` (see kubectl/errors.ts).
 */
export function newInvalid(kind: string, group: string, name: string, errs: FieldError[]): StatusError {
  const qualifiedKind = group ? `${kind}.${group}` : kind;
  const strs = errs.map(fieldErrorString);
  const joined = strs.length === 1 ? strs[0] : `[${strs.join(', ')}]`;
  const causes: StatusCause[] = errs.map((e) => ({ reason: e.type, message: fieldErrorString(e).slice(e.field.length + 2), field: e.field }));
  return status(422, 'Invalid', `${qualifiedKind} "${name}" is invalid: ${joined}`, { name, group, kind, causes });
}

export function isStatusError(e: unknown): e is StatusError {
  return e instanceof StatusError;
}

export function isNotFound(e: unknown): boolean {
  return e instanceof StatusError && e.reason === 'NotFound';
}

export function isAlreadyExists(e: unknown): boolean {
  return e instanceof StatusError && e.reason === 'AlreadyExists';
}
