// Which site code each replication site id (the stamps' site part) belongs to: sent with every changes file, learnt
// from verified ones, so the conflicts screen names another site by its code rather than by its id.
import { MAX_SITE_CODES, type SiteCodesLine } from '../../../shared/transfer/format';
import type { Db } from '../vault/database';
import { siteMeta } from './context';

/** This site's own id and code, then every other site's code it has learnt. */
export function siteCodesLine(db: Db): string {
  const { id: me, code } = siteMeta(db);
  const sites: Record<string, string> = { [me]: code };
  const known = db.prepare('SELECT site_id, code FROM sites WHERE code IS NOT NULL AND site_id <> ? ORDER BY num LIMIT ?').all(me, MAX_SITE_CODES - 1) as {
    site_id: string;
    code: string;
  }[];
  for (const r of known) sites[r.site_id] = r.code;
  return `${JSON.stringify({ sites } satisfies SiteCodesLine)}\n`;
}

/**
 * Records what a verified file says. The signer speaks for itself: the id it names under its own code takes that code.
 * What it relays about third sites only fills ids with no code yet; this site's own id and code are never taken.
 */
export function learnSiteCodes(db: Db, senderCode: string, sites: SiteCodesLine['sites']): void {
  const { id: me, code: myCode } = siteMeta(db);
  const own = db.prepare('INSERT INTO sites (site_id, code) VALUES (?, ?) ON CONFLICT (site_id) DO UPDATE SET code = excluded.code');
  const relayed = db.prepare('INSERT INTO sites (site_id, code) VALUES (?, ?) ON CONFLICT (site_id) DO UPDATE SET code = coalesce(sites.code, excluded.code)');
  for (const [id, code] of Object.entries(sites)) {
    if (id === me || code === myCode) continue;
    (code === senderCode ? own : relayed).run(id, code);
  }
}
