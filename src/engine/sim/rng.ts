// Seeded randomness. Every random choice in the engine (name suffixes, uids, scheduler
// tie-breaks, jitter) draws from one of these, so one seed gives one cluster history.

/** Kubernetes' alphabet for random name suffixes: no vowels, no 0/1/3 (apimachinery util/rand). */
export const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';
const HEX = '0123456789abcdef';

/** sfc32: small, fast, good enough for a simulation; 128 bits of state, serialisable. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number | number[]) {
    if (Array.isArray(seed)) {
      [this.a, this.b, this.c, this.d] = seed as [number, number, number, number];
    } else {
      this.a = 0x9e3779b9;
      this.b = 0x243f6a88;
      this.c = 0xb7e15162;
      this.d = seed >>> 0;
      for (let i = 0; i < 15; i++) this.next();
    }
  }

  /** Uniform in [0, 1). */
  next(): number {
    let { a, b, c, d } = this;
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    this.a = a; this.b = b; this.c = c; this.d = d;
    return (t >>> 0) / 4294967296;
  }

  /** Uniform integer in [0, n). */
  intn(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** `utilrand.String(n)`: n characters from ALPHANUMS. */
  string(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += ALPHANUMS[this.intn(ALPHANUMS.length)];
    return s;
  }

  /** A version-4 UUID drawn from this generator. */
  uuid(): string {
    // The same 31 draws in the same order as `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`
    // (the variant digit is drawn first), without a closure per call: every created object pays this.
    const variant = HEX[8 + this.intn(4)];
    let s = '';
    for (let i = 0; i < 8; i++) s += HEX[this.intn(16)];
    s += '-';
    for (let i = 0; i < 4; i++) s += HEX[this.intn(16)];
    s += '-4';
    for (let i = 0; i < 3; i++) s += HEX[this.intn(16)];
    s += `-${variant}`;
    for (let i = 0; i < 3; i++) s += HEX[this.intn(16)];
    s += '-';
    for (let i = 0; i < 12; i++) s += HEX[this.intn(16)];
    return s;
  }

  /** Jitter: a value uniformly in [base, base * (1 + factor)). */
  jitter(base: number, factor: number): number {
    return base + this.next() * base * factor;
  }

  state(): number[] {
    return [this.a, this.b, this.c, this.d];
  }

  restore(s: number[]): void {
    [this.a, this.b, this.c, this.d] = s as [number, number, number, number];
  }
}
