// Profiles: the field team's exchange package carries one round and only the allowlisted fields (checked by opening it
// with Debian's `age` CLI and searching the plaintext); the field site works the handover on it and its results come
// back to HQ as an ordinary changes file; a package carrying a forbidden field is refused whole.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRouter, type Core } from '../../electron/core';
import { addAttachment } from '../../electron/core/register/attachments';
import { Writer } from '../../electron/core/db/write';
import { exportFile } from '../../electron/core/transfer/exportFile';
import { exportAgeKey } from '../../electron/core/transfer/identity';
import { importFile } from '../../electron/core/transfer/importFile';
import { exchangePayload } from '../../electron/core/replication';
import { loadRound } from '../../electron/core/manifest/round';
import { EXCHANGE_FIELDS, fitsExchange, toExchange } from '../../shared/replication';
import { obmin } from '../helpers/cli';
import { PASS, SITE, newCore, tmpDir } from '../helpers/tmp';
import { craft } from '../transfer/craft';
import { ctx, dbHash, pair, site } from '../transfer/sites';

const SECRETS = [
  'Секретна-Нотатка-Ω',
  'Вигаданий-Батько-Ψ',
  'Вигадана-Мати-Дівоче-Φ',
  '+380000000777',
  'Вигадана-Родичка-Ж',
  'Доповідь-Джерела-Λ',
  'Сторонній-Чоловік-Ξ',
  'в/ч-Секретна-Θ',
  'скан-документа',
];

async function call(core: Core, channel: string, args: unknown): Promise<{ id: string }> {
  const r = await createRouter(core).handle(channel as never, args as never);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as { id: string };
}

/** HQ with a round of two people who have family contacts, notes, a source and a scan, and one person not on it. */
async function hqWithRound(dir: string): Promise<{ hq: Core; round: number; inRound: string[] }> {
  const hq = newCore(dir);
  await hq.init(SITE);
  const person = (n: number, over: Record<string, unknown> = {}) =>
    call(hq, 'persons.create', {
      surname: `Вигаданий${n}`,
      givenName: 'Тарас',
      surnameLatin: `Vyhadanyi${n}`,
      givenNameLatin: 'Taras',
      side: 'ours',
      category: 'military',
      dateOfBirth: '1990-01-0' + n,
      status: 'captivity_confirmed',
      ref: `EX-${n}`,
      heightCm: 180,
      distinguishingMarks: 'шрам на лівій руці',
      notes: SECRETS[0],
      fatherName: SECRETS[1],
      motherMaidenName: SECRETS[2],
      unit: SECRETS[7],
      ...over,
    });
  const a = (await person(1)).id;
  const b = (await person(2)).id;
  await person(3, { surname: SECRETS[6] });
  await call(hq, 'relatives.add', { personId: a, name: SECRETS[4], relation: 'сестра', phone: SECRETS[3], consent: true });
  const src = await call(hq, 'sources.create', { kind: 'family_report', title: SECRETS[5], reliability: 'B', credibility: 2 });
  const s = hq.require();
  s.db.transaction(() => {
    const w = new Writer(s.db, s.operator.id);
    addAttachment(
      w,
      {
        personId: a,
        kind: 'photo',
        mime: 'image/png',
        filename: 'photo-a.png',
        bytes: Buffer.from('fictional photo bytes A'),
        caption: SECRETS[5],
        sourceId: src.id,
      },
      false,
    );
    addAttachment(w, { personId: b, kind: 'scan', mime: 'image/png', filename: `${SECRETS[8]}.png`, bytes: Buffer.from('fictional scan bytes B') }, false);
  })();
  const round = await call(hq, 'exchanges.create', { number: 71, place: 'Вигаданий пункт', plannedDate: '2026-12-01', mediators: ['icrc'] });
  await call(hq, 'exchanges.add', { roundId: round.id, direction: 'receive', personIds: [a, b] });
  await call(hq, 'exchanges.freeze', { roundId: round.id });
  return { hq, round: 71, inRound: [a, b] };
}

describe('exchange package (profile exchange)', () => {
  it('obmin export --exchange N: age -d shows no family, source, note or other person; the field site works it and its results come back', async () => {
    const hqDir = tmpDir();
    const { hq, round, inRound } = await hqWithRound(hqDir);
    const field = await site('FIELD-ONE');
    await pair(hq, field);
    hq.close();

    const media = tmpDir('obmin-media-');
    const out = path.join(media, 'package.obmin');
    const env = { OBMIN_PASSPHRASE: PASS };
    const cli = obmin(['export', '--data', hqDir, '--to', 'FIELD-ONE', '--exchange', String(round), '--out', out, '--json'], env);
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({ kind: 'changes', recipients: [{ site: 'FIELD-ONE' }] });
    expect(obmin(['export', '--data', hqDir, '--to', 'FIELD-ONE', '--exchange', '999', '--out', path.join(media, 'x.obmin')], env)).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/999/),
    });

    // The payload as the recipient's age identity opens it with the real age CLI.
    const key = exportAgeKey(ctx(field), path.join(media, 'field.key'));
    const bytes = fs.readFileSync(out);
    const headerEnd = bytes.indexOf(0x0a, bytes.indexOf(0x0a) + 1) + 1;
    const header = JSON.parse(bytes.subarray(bytes.indexOf(0x0a) + 1, headerEnd - 1).toString('utf8')) as { ciphertext: { size: number } };
    fs.writeFileSync(path.join(media, 'payload.age'), bytes.subarray(headerEnd, headerEnd + header.ciphertext.size));
    const plain = execFileSync('age', ['-d', '-i', key.file, path.join(media, 'payload.age')], { maxBuffer: 1 << 26 }).toString('utf8');
    expect(plain.split('\n')[0]).toBe(`{"profile":{"name":"exchange","round":${round}}}`);
    expect(plain).toContain('Vyhadanyi1');
    expect(plain).toContain('Вигаданий2');
    expect(plain).toContain('1990-01-01');
    expect(plain).toContain('шрам на лівій руці');
    expect(plain).toContain(Buffer.from('fictional photo bytes A').toString('base64'));
    for (const s of SECRETS) expect(plain, s).not.toContain(s);
    expect(plain).not.toContain(Buffer.from('fictional scan bytes B').toString('base64'));
    for (const line of plain.split('\n').filter((l) => l.startsWith('{"c":'))) {
      const c = (JSON.parse(line) as { c: { tbl: string; fields: Record<string, unknown> } }).c;
      expect(Object.keys(EXCHANGE_FIELDS)).toContain(c.tbl);
      expect(fitsExchange(c), line).toBe(true);
    }

    // The field site imports it, marks one person handed over, and sends an ordinary changes file back.
    const got = await importFile(ctx(field), out);
    expect(got).toMatchObject({ applied: true });
    const fdb = field.require().db;
    expect(fdb.prepare('SELECT count(*) FROM persons').pluck().get()).toBe(2);
    expect(fdb.prepare('SELECT count(*) FROM relatives').pluck().get()).toBe(0);
    expect(fdb.prepare('SELECT count(*) FROM replica_pending').pluck().get()).toBe(0);
    expect(fdb.prepare('SELECT notes, father_name, unit FROM persons WHERE id = ?').get(inRound[0])).toEqual({ notes: null, father_name: null, unit: null });
    // Both sites' manifests of the round print this package's fingerprint (its SHA-256 in groups of four).
    const printed = loadRound(fdb, round).packageFingerprint;
    expect(printed?.replace(/ /g, '')).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
    const entry = fdb.prepare('SELECT id FROM exchange_entries WHERE person_id = ?').pluck().get(inRound[0]) as string;
    await call(field, 'exchanges.mark', { entryId: entry, state: 'handed_over' });
    const back = await exportFile(ctx(field), ['TEST-HQ'], path.join(media, 'back.obmin'));

    const hq2 = newCore(hqDir);
    await hq2.unlock(SITE.operator, PASS);
    expect(await importFile(ctx(hq2), back.file)).toMatchObject({ applied: true });
    const hdb = hq2.require().db;
    expect(hdb.prepare('SELECT state FROM exchange_entries WHERE id = ?').pluck().get(entry)).toBe('handed_over');
    expect(hdb.prepare('SELECT notes FROM persons WHERE id = ?').pluck().get(inRound[0])).toBe(SECRETS[0]);
    expect(hdb.prepare('SELECT count(*) FROM replica_kept').pluck().get()).toBe(0);
    expect(loadRound(hdb, round).packageFingerprint).toBe(printed);
    hq2.close();
  });

  it('a package that carries a forbidden field is refused whole at import, and nothing changes', async () => {
    const { hq, round } = await hqWithRound(tmpDir());
    const field = await site('FIELD-TWO');
    await pair(hq, field);
    const lines = Buffer.concat([...exchangePayload(hq.require().db, round, { records: 0 })])
      .toString('utf8')
      .split('\n')
      .filter(Boolean);
    const at = lines.findIndex((l) => l.includes('"tbl":"persons"'));
    const tampered = lines.map((l, i) => (i === at ? l.replace('"fields":{', `"fields":{"notes":"${SECRETS[0]}",`) : l));
    expect(tampered[at]).toContain(SECRETS[0]);
    const before = dbHash(field);
    const file = await craft(path.join(tmpDir('obmin-media-'), 'tampered.obmin'), { from: hq, to: field, lines: tampered });
    await expect(importFile(ctx(field), file)).rejects.toMatchObject({ details: expect.objectContaining({ reason: 'forbidden-field' }) });
    expect(dbHash(field)).toBe(before);
    // The same lines without the profile line are an ordinary full file, and apply.
    const plainFile = await craft(path.join(tmpDir('obmin-media-'), 'full.obmin'), { from: hq, to: field, lines: lines.slice(1) });
    expect(await importFile(ctx(field), plainFile)).toMatchObject({ applied: true });
  });

  it('toExchange drops forbidden fields and what they superseded; a change with nothing left does not travel', () => {
    const c = { tbl: 'persons', fields: { surname: 'А', notes: 'x', father_name: 'y' }, prev: { surname: ['s1'], notes: ['s2'] } };
    expect(toExchange(c)).toEqual({ tbl: 'persons', fields: { surname: 'А' }, prev: { surname: ['s1'] } });
    expect(toExchange({ tbl: 'relatives', fields: { name: 'x' }, prev: {} })).toBeNull();
    expect(fitsExchange({ tbl: 'attachments', fields: { kind: 'scan' } })).toBe(false);
    expect(fitsExchange({ tbl: 'persons', fields: { notes: 'x' } })).toBe(false);
  });
});
