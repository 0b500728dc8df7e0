// Hybrid logical clock (after Actual Budget's crdt/timestamp.ts): wall-clock milliseconds, a counter for events
// within one millisecond, and the site id. The string form sorts in the same order as the clock.

export const MAX_DRIFT_MS = 5 * 60 * 1000;
export const MAX_COUNTER = 0xffff;

export class ClockDriftError extends Error {
  readonly reason = 'clock-drift';
  constructor(readonly driftMs: number) {
    super(`clock drift ${driftMs} ms exceeds ${MAX_DRIFT_MS} ms`);
    this.name = 'ClockDriftError';
  }
}

export class ClockOverflowError extends Error {
  readonly reason = 'counter-overflow';
  constructor() {
    super('HLC counter overflow');
    this.name = 'ClockOverflowError';
  }
}

export class DuplicateSiteError extends Error {
  readonly reason = 'duplicate-site';
  constructor(readonly site: string) {
    super('a remote stamp carries this site id');
    this.name = 'DuplicateSiteError';
  }
}

export class InvalidStampError extends Error {
  readonly reason = 'invalid-stamp';
  constructor() {
    super('not an HLC stamp');
    this.name = 'InvalidStampError';
  }
}

export interface Stamp {
  millis: number;
  counter: number;
  site: string;
}

const SITE_RE = /^[A-Za-z0-9-]{1,64}$/;
const STAMP_RE = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9A-F]{4})-([A-Za-z0-9-]{1,64})$/;

/** `2024-05-01T10:00:00.000Z-0000-<site>`: ISO time, 4 hex digits of counter, site id. */
export function formatStamp(s: Stamp): string {
  if (!SITE_RE.test(s.site)) throw new InvalidStampError();
  return `${new Date(s.millis).toISOString()}-${s.counter.toString(16).toUpperCase().padStart(4, '0')}-${s.site}`;
}

export function parseStamp(str: string): Stamp {
  const m = STAMP_RE.exec(str);
  if (!m) throw new InvalidStampError();
  const millis = Date.parse(m[1]!);
  if (!Number.isFinite(millis)) throw new InvalidStampError();
  return { millis, counter: parseInt(m[2]!, 16), site: m[3]! };
}

/**
 * Compact stored form (the change log and the per-field clocks): 13 decimal digits of milliseconds, 5 of counter, '.',
 * and the site's small local number (the `sites` table maps it to the site id). For one site it sorts like the clock;
 * across sites compare the unpacked stamps (the site id decides a tie, as in compareStamps).
 */
export function packStamp(s: { millis: number; counter: number }, siteNum: number): string {
  if (
    !Number.isSafeInteger(s.millis) ||
    s.millis < 0 ||
    s.millis > 9_999_999_999_999 ||
    s.counter < 0 ||
    s.counter > MAX_COUNTER ||
    !Number.isSafeInteger(siteNum) ||
    siteNum < 0
  )
    throw new InvalidStampError();
  return `${String(s.millis).padStart(13, '0')}${String(s.counter).padStart(5, '0')}.${siteNum}`;
}

const PACKED_RE = /^(\d{13})(\d{5})\.(\d{1,15})$/;

export function unpackStamp(str: string): { millis: number; counter: number; siteNum: number } {
  const m = PACKED_RE.exec(str);
  if (!m) throw new InvalidStampError();
  const counter = Number(m[2]);
  if (counter > MAX_COUNTER) throw new InvalidStampError();
  return { millis: Number(m[1]), counter, siteNum: Number(m[3]) };
}

export function compareStamps(a: Stamp, b: Stamp): number {
  return a.millis - b.millis || a.counter - b.counter || (a.site < b.site ? -1 : a.site > b.site ? 1 : 0);
}

/** One site's clock. `send` stamps a local event; `receive` folds in a remote stamp so later local ones sort after it. */
export class Hlc {
  private millis: number;
  private counter: number;

  constructor(
    readonly site: string,
    last: Stamp | null = null,
    private readonly now: () => number = Date.now,
    private readonly maxDrift: number = MAX_DRIFT_MS,
  ) {
    if (!SITE_RE.test(site)) throw new InvalidStampError();
    this.millis = last?.millis ?? 0;
    this.counter = last?.counter ?? 0;
  }

  /** The last stamp issued or received (for persisting the clock). */
  last(): Stamp {
    return { millis: this.millis, counter: this.counter, site: this.site };
  }

  send(): string {
    return formatStamp(this.tick());
  }

  /** Like send, without formatting: the next local stamp. */
  tick(): Stamp {
    const phys = this.now();
    const next = Math.max(this.millis, phys);
    const counter = next === this.millis ? this.counter + 1 : 0;
    this.check(next, counter, phys);
    this.millis = next;
    this.counter = counter;
    return this.last();
  }

  receive(remote: string | Stamp): string {
    const r = typeof remote === 'string' ? parseStamp(remote) : remote;
    if (r.site === this.site) throw new DuplicateSiteError(r.site);
    const phys = this.now();
    if (r.millis - phys > this.maxDrift) throw new ClockDriftError(r.millis - phys);
    const next = Math.max(this.millis, phys, r.millis);
    let counter: number;
    if (next === this.millis && next === r.millis) counter = Math.max(this.counter, r.counter) + 1;
    else if (next === this.millis) counter = this.counter + 1;
    else if (next === r.millis) counter = r.counter + 1;
    else counter = 0;
    this.check(next, counter, phys);
    this.millis = next;
    this.counter = counter;
    return formatStamp(this.last());
  }

  private check(next: number, counter: number, phys: number): void {
    if (next - phys > this.maxDrift) throw new ClockDriftError(next - phys);
    if (counter > MAX_COUNTER) throw new ClockOverflowError();
  }
}
