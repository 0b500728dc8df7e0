// Stamps are stored packed with a site's small local number (shared/hlc.ts packStamp); changes travel with full
// stamps. One map per call: a site row added inside a transaction that rolls back must not outlive it in a cache.
import { formatStamp, packStamp, parseStamp, unpackStamp } from '../../../shared/hlc';
import type { Db } from '../vault/database';

const MEMO = 4096; // bounded: a batch of 100 000 changes has as many distinct stamps

export class Sites {
  private readonly byNum = new Map<number, string>();
  private readonly byId = new Map<string, number>();
  constructor(private readonly db: Db) {
    for (const r of db.prepare('SELECT num, site_id FROM sites').all() as { num: number; site_id: string }[]) this.remember(r.num, r.site_id);
  }

  private remember(num: number, id: string): void {
    this.byNum.set(num, id);
    this.byId.set(id, num);
  }

  /** The site's local number, added when this site has never heard of it. */
  num(siteId: string): number {
    let n = this.byId.get(siteId);
    if (n === undefined) {
      n = Number(this.db.prepare('INSERT INTO sites (site_id) VALUES (?)').run(siteId).lastInsertRowid);
      this.remember(n, siteId);
    }
    return n;
  }

  known(siteId: string): number | undefined {
    return this.byId.get(siteId);
  }

  id(num: number): string {
    const id = this.byNum.get(num);
    if (id === undefined) throw new Error(`unknown site number ${num}`);
    return id;
  }

  /**
   * `a` is newer than `b` (packed stamps): as `newer` on the full stamps (time, counter, then the site id) without
   * unpacking — the first 18 characters are the time and counter, fixed width; a tie is decided by the site ids.
   */
  newerPacked(a: string, b: string): boolean {
    const ta = a.slice(0, 18);
    const tb = b.slice(0, 18);
    if (ta !== tb) return ta > tb;
    return this.id(Number(a.slice(19))) > this.id(Number(b.slice(19)));
  }

  // Both forms remembered per call: a record's fields mostly share one stamp, and parsing is the merge's hot spot.
  private readonly packed = new Map<string, string>();
  private readonly unpacked = new Map<string, string>();

  pack(full: string): string {
    let p = this.packed.get(full);
    if (p === undefined) {
      const s = parseStamp(full);
      if (this.packed.size >= MEMO) this.packed.clear();
      this.packed.set(full, (p = packStamp(s, this.num(s.site))));
    }
    return p;
  }

  full(packed: string): string {
    let f = this.unpacked.get(packed);
    if (f === undefined) {
      const u = unpackStamp(packed);
      if (this.unpacked.size >= MEMO) this.unpacked.clear();
      this.unpacked.set(packed, (f = formatStamp({ millis: u.millis, counter: u.counter, site: this.id(u.siteNum) })));
    }
    return f;
  }
}
