// Standard base64 (RFC 4648 with padding), as Go's encoding/json uses for []byte fields such as
// Secret.data and ConfigMap.binaryData. Written out so the engine needs neither Buffer (Node) nor
// atob/btoa's Latin-1 quirks: "my-app" -> "bXktYXBw", "39528$vdg7Jb" -> "Mzk1MjgkdmRnN0pi".

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Map([...ALPHABET].map((c, i) => [c, i]));

export function encodeBytes(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? ALPHABET[n & 63] : '=';
  }
  return out;
}

/** UTF-8 text to base64. */
export function encodeBase64(text: string): string {
  return encodeBytes(new TextEncoder().encode(text));
}

/**
 * base64 to bytes, or the Go error text (`illegal base64 data at input byte 4`) when the input
 * is not canonical padded base64 — what decoding a Secret's `data` reports on a real API server.
 */
export function decodeBytes(input: string): Uint8Array | { error: string } {
  // Go's decoder skips line breaks (PEM-style wrapped values).
  const s = input.replace(/[\r\n]/g, '');
  if (s.length % 4 === 1) return { error: `illegal base64 data at input byte ${s.length - 1}` };
  const out: number[] = [];
  let buf = 0;
  let bits = 0;
  let pad = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '=') {
      pad++;
      continue;
    }
    const v = LOOKUP.get(c);
    if (v === undefined || pad > 0) return { error: `illegal base64 data at input byte ${i}` };
    buf = (buf << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((buf >> bits) & 255);
    }
  }
  if ((s.length - pad) % 4 !== 0 && s.length % 4 !== 0) return { error: `illegal base64 data at input byte ${s.length}` };
  return new Uint8Array(out);
}

/** base64 to UTF-8 text (invalid sequences become U+FFFD); undefined if not base64. */
export function decodeBase64(s: string): string | undefined {
  const b = decodeBytes(s);
  if (!(b instanceof Uint8Array)) return undefined;
  return new TextDecoder().decode(b);
}

/** Number of bytes a base64 value decodes to (what `kubectl describe secret` prints). */
export function decodedLength(s: string): number {
  const b = decodeBytes(s);
  return b instanceof Uint8Array ? b.length : 0;
}
