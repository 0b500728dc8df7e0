// What a file carries follows the peer's acknowledgements: a lost file's changes go again in the next one; and the
// mass-change guard stops a file that changes more of the register than allowed until someone confirms it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Writer } from '../../electron/core/db/write';
import { exportFile } from '../../electron/core/transfer/exportFile';
import { importFile } from '../../electron/core/transfer/importFile';
import { MASS_CHANGE_FLOOR, massChange } from '../../shared/replication';
import { obmin } from '../helpers/cli';
import { PASS, SITE, newCore, tmpDir } from '../helpers/tmp';
import { ctx, demo, pair, registerHash, site } from '../transfer/sites';

describe('sending by acknowledgement', () => {
  it('export, lose the file, export again: the lost changes are in the new file; after an ack only new ones travel', async () => {
    const hq = await site('HQ-TEST');
    const office = await site('OFFICE-ONE');
    await pair(hq, office);
    await demo(office, 5);
    const media = tmpDir('obmin-media-');
    const sdb = office.require().db;
    const w = new Writer(sdb, office.require().operator.id);
    const [p1, p2] = sdb.prepare('SELECT id FROM persons ORDER BY id LIMIT 2').pluck().all() as string[];

    const f1 = await exportFile(ctx(office), ['HQ-TEST'], path.join(media, 'f1.obmin'));
    expect(await importFile(ctx(hq), f1.file)).toMatchObject({ applied: true });
    const ack1 = await exportFile(ctx(hq), ['OFFICE-ONE'], path.join(media, 'ack1.obmin'), 'ack');
    await importFile(ctx(office), ack1.file);

    sdb.transaction(() => w.update('persons', p1!, { unit: 'Вигаданий підрозділ Л' }))();
    const lost = await exportFile(ctx(office), ['HQ-TEST'], path.join(media, 'lost.obmin'));
    expect(lost.records).toBe(1);
    // The file never arrives. A second edit, a second file: it carries both edits.
    sdb.transaction(() => w.update('persons', p2!, { unit: 'Вигаданий підрозділ М' }))();
    const f3 = await exportFile(ctx(office), ['HQ-TEST'], path.join(media, 'f3.obmin'));
    expect(f3.records).toBe(2);
    expect(await importFile(ctx(hq), f3.file)).toMatchObject({ applied: true, changed: 2 });
    expect(registerHash(hq)).toBe(registerHash(office));

    // HQ acknowledges f3: the office now sends only what comes after it.
    const ack2 = await exportFile(ctx(hq), ['OFFICE-ONE'], path.join(media, 'ack2.obmin'), 'ack');
    await importFile(ctx(office), ack2.file);
    sdb.transaction(() => w.update('persons', p1!, { unit: 'Вигаданий підрозділ Н' }))();
    const f4 = await exportFile(ctx(office), ['HQ-TEST'], path.join(media, 'f4.obmin'));
    expect(f4.records).toBe(1);
    // The lost file turning up late changes nothing newer.
    expect(await importFile(ctx(hq), lost.file)).toMatchObject({ applied: true, changed: 0 });
    expect(await importFile(ctx(hq), f4.file)).toMatchObject({ applied: true, changed: 1 });
    expect(registerHash(hq)).toBe(registerHash(office));
  });
});

describe('mass-change guard', () => {
  it('the verdict names the numbers: a share of the register with a floor for small registers', () => {
    expect(massChange(MASS_CHANGE_FLOOR, 10)).toBeNull();
    expect(massChange(MASS_CHANGE_FLOOR + 1, 10)).toEqual({ changed: MASS_CHANGE_FLOOR + 1, register: 10, limit: MASS_CHANGE_FLOOR });
    expect(massChange(100, 1000)).toBeNull();
    expect(massChange(101, 1000)).toEqual({ changed: 101, register: 1000, limit: 100 });
  });

  it('obmin import stops a file deleting most of the register (exit 1, translated, nothing changed) unless --accept-mass-change', async () => {
    const hqDir = tmpDir();
    const hq = await site('HQ-TEST', hqDir);
    const office = await site('OFFICE-ONE');
    await pair(hq, office);
    await demo(office, MASS_CHANGE_FLOOR + 10);
    const media = tmpDir('obmin-media-');
    await importFile(ctx(hq), (await exportFile(ctx(office), ['HQ-TEST'], path.join(media, 'f1.obmin'))).file);
    const ack = await exportFile(ctx(hq), ['OFFICE-ONE'], path.join(media, 'ack.obmin'), 'ack');
    await importFile(ctx(office), ack.file);
    const sdb = office.require().db;
    const w = new Writer(sdb, office.require().operator.id);
    const ids = sdb.prepare('SELECT id FROM persons ORDER BY id').pluck().all() as string[];
    sdb.transaction(() => ids.slice(0, MASS_CHANGE_FLOOR + 5).forEach((id) => w.tombstone('persons', id, null as never)))();
    const f2 = await exportFile(ctx(office), ['HQ-TEST'], path.join(media, 'f2.obmin'));
    const before = registerHash(hq);
    hq.close();

    const env = { OBMIN_PASSPHRASE: PASS };
    const stopped = obmin(['import', '--data', hqDir, f2.file], env);
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain(`${MASS_CHANGE_FLOOR + 5} з ${ids.length} осіб`);
    expect(obmin(['import', '--data', hqDir, f2.file, '--lang', 'en'], env).stderr).toContain(`${MASS_CHANGE_FLOOR + 5} of the ${ids.length} people`);
    const dry = obmin(['import', '--data', hqDir, f2.file, '--dry-run', '--json'], env);
    expect(JSON.parse(dry.stdout)).toMatchObject({
      applied: false,
      massChange: { changed: MASS_CHANGE_FLOOR + 5, register: ids.length, limit: MASS_CHANGE_FLOOR },
    });

    const reopened = newCore(hqDir);
    await reopened.unlock(SITE.operator, PASS);
    expect(registerHash(reopened)).toBe(before);
    expect(reopened.require().db.prepare('SELECT count(*) FROM persons WHERE deleted = 0').pluck().get()).toBe(ids.length);
    reopened.close();
    const ok = obmin(['import', '--data', hqDir, f2.file, '--accept-mass-change', '--json'], env);
    expect(ok.stderr).toBe('');
    expect(JSON.parse(ok.stdout)).toMatchObject({ applied: true, changed: MASS_CHANGE_FLOOR + 5 });
  });
});
