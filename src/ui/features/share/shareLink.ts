// Share links: a scenario (seed, the commands with their simulated times, the editor's
// manifests) encoded in the URL's fragment, so opening the link replays the same cluster. The
// JSON is deflated with CompressionStream when the browser has it, then base64url-encoded.
// The first character says which: 'z' deflate-raw, 'j' plain JSON.
import type { LoggedCommand, Session } from '../../../engine/protocol';

export const SHARE_PARAM = 'scenario';

export interface Scenario {
  v: 1;
  seed: number;
  commands: LoggedCommand[];
  /** Simulated time to replay to (the moment the link was made). */
  time?: number;
  /** The editor's buffer when the link was made. */
  manifests?: string;
}

export async function encodeScenario(s: Scenario): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(s));
  if (typeof CompressionStream === 'function') return 'z' + toBase64Url(await pipe(bytes, new CompressionStream('deflate-raw')));
  return 'j' + toBase64Url(bytes);
}

export async function decodeScenario(text: string): Promise<Scenario> {
  const kind = text[0];
  let bytes = fromBase64Url(text.slice(1));
  if (kind === 'z') {
    if (typeof DecompressionStream !== 'function') throw new Error('this browser cannot open compressed share links');
    bytes = await pipe(bytes, new DecompressionStream('deflate-raw'));
  } else if (kind !== 'j') throw new Error('not a share link');
  const s = JSON.parse(new TextDecoder().decode(bytes)) as Scenario;
  if (s.v !== 1 || typeof s.seed !== 'number' || !Array.isArray(s.commands)) throw new Error('not a share link (version 1)');
  return s;
}

/** The link for a scenario, on top of the page's own address. */
export async function shareUrl(base: string, s: Scenario): Promise<string> {
  const u = new URL(base);
  u.search = '';
  u.hash = `${SHARE_PARAM}=${await encodeScenario(s)}`;
  return u.toString();
}

/** The scenario in a URL's fragment, if any. */
export function scenarioParam(url: string): string | undefined {
  const hash = new URL(url).hash.replace(/^#/, '');
  return new URLSearchParams(hash).get(SHARE_PARAM) ?? undefined;
}

/** Read-only verbs change nothing: a scenario does not need them. */
const READ_ONLY = /^(kubectl\s+)?(get|describe|logs|explain|version|api-resources|cluster-info|top|help)\b/;

export function scenarioFromSession(s: Session, time: number, manifests?: string): Scenario {
  const commands = s.log.slice(0, s.applied ?? s.log.length).filter((c) => !READ_ONLY.test(c.line.trim()));
  return { v: 1, seed: s.seed, commands, time, ...(manifests ? { manifests } : {}) };
}

/** A session without snapshot: the Worker boots from the seed and replays the commands. */
export function sessionFromScenario(s: Scenario): Session {
  return { format: 'kube-playground-session', version: 1, seed: s.seed, log: s.commands, ...(s.time !== undefined ? { time: s.time } : {}) };
}

async function pipe(bytes: Uint8Array, t: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(t);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(s: string): Uint8Array {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
