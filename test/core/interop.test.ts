// An independent SQLCipher 4 build (@journeyapps/sqlcipher, SQLCipher community edition) must open the vault with the
// raw key and must fail without it: the format claim is tested, not assumed.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { initCore } from '../helpers/tmp';

const require = createRequire(import.meta.url);

interface SqlcipherDb {
  serialize(cb: () => void): void;
  run(sql: string, cb?: (err: Error | null) => void): void;
  all(sql: string, cb: (err: Error | null, rows: Record<string, unknown>[]) => void): void;
  close(cb?: () => void): void;
}

function query(file: string, pragmas: string[], sql: string): Promise<Record<string, unknown>[]> {
  const sqlcipher = require('@journeyapps/sqlcipher') as {
    Database: new (f: string, mode: number, cb: (e: Error | null) => void) => SqlcipherDb;
    OPEN_READONLY: number;
  };
  return new Promise((resolve, reject) => {
    const db = new sqlcipher.Database(file, sqlcipher.OPEN_READONLY, (e) => e && reject(e));
    db.serialize(() => {
      for (const p of pragmas) db.run(p);
      db.all(sql, (err, rows) => {
        db.close();
        if (err) reject(err);
        else resolve(rows);
      });
    });
  });
}

describe('SQLCipher 4 interoperability', () => {
  it('an independent SQLCipher build reads the vault with the raw key, and not without it', async () => {
    const core = await initCore();
    const key = Buffer.from(core.require().key);
    const file = core.paths.db;
    core.lock('manual');
    const version = await query(file, [], 'PRAGMA cipher_version');
    expect(String(Object.values(version[0]!)[0])).toMatch(/^4\./);
    const rows = await query(file, [`PRAGMA key = "x'${key.toString('hex')}'"`], "SELECT value FROM meta WHERE key = 'site_code'");
    expect(rows).toEqual([{ value: 'TEST-HQ' }]);
    await expect(query(file, [], 'SELECT count(*) FROM meta')).rejects.toThrow(/not a database|encrypted/);
    const wrong = Buffer.alloc(32, 7).toString('hex');
    await expect(query(file, [`PRAGMA key = "x'${wrong}'"`], 'SELECT count(*) FROM meta')).rejects.toThrow(/not a database|encrypted/);
  });
});
