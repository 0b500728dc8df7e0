// Hostile files (>= 200), each made here: bit flips in every part, truncation, foreign, pending and revoked signers, a
// forged signature, the wrong recipient, replays, unknown versions, oversize, and validly signed but malformed payloads.
// Every one is refused with a specific reason, nothing is applied, and the database's contents hash is unchanged.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { formatStamp } from '../../shared/hlc';
import { REFUSALS, type Refusal } from '../../shared/transfer/format';
import { exportFile } from '../../electron/core/transfer/exportFile';
import { addPeer, exportIdentity } from '../../electron/core/transfer/identity';
import { importFile } from '../../electron/core/transfer/importFile';
import { revoke } from '../../electron/core/transfer';
import { TransferRefused } from '../../electron/core/transfer/refusal';
import { tmpDir } from '../helpers/tmp';
import { craft } from './craft';
import { ctx, dbHash, demo, pair, site } from './sites';

let hq: Core, office: Core, foreign: Core, pending: Core, revoked: Core, other: Core;
let media: string;
let good: Buffer;
let goodFile: string;
let person: string;
let officeSite: string;
let before: string;
const reasons = new Map<string, Refusal>();

const stamp = (offsetMs = 0, counter = 1) => formatStamp({ millis: Date.now() + offsetMs, counter, site: officeSite });

/** Imports a hostile file: it must be refused with a known reason and leave every table as it was. */
async function refuse(name: string, file: string, expected?: Refusal | Refusal[], max?: number): Promise<Refusal> {
  let reason: Refusal | null = null;
  try {
    await importFile(ctx(hq, max ? { maxBytes: max } : {}), file);
  } catch (e) {
    if (!(e instanceof TransferRefused)) throw new Error(`${name}: not a refusal: ${String(e)}`, { cause: e });
    reason = e.reason;
  }
  expect(reason, name).not.toBeNull();
  expect(REFUSALS, name).toContain(reason);
  if (expected) expect([expected].flat(), name).toContain(reason);
  expect(dbHash(hq), name).toBe(before);
  reasons.set(name, reason!);
  return reason!;
}

function variant(name: string, bytes: Buffer): string {
  const f = path.join(media, `${name}.obmin`);
  fs.writeFileSync(f, bytes);
  return f;
}

const rec = (t: string, id: string, f: Record<string, unknown>) => JSON.stringify({ t, id, f });
let chgSeq = 1_000_000;
/** A replication change line (shared/replication changeSchema), the payload's current record. */
const chg = (tbl: string, row: string, fields: Record<string, unknown>, extra: Record<string, unknown> = {}, st = stamp()) =>
  JSON.stringify({ c: { origin: officeSite, seq: chgSeq++, stamp: st, tbl, row, fields, prev: {}, by: null, ...extra } });

beforeAll(async () => {
  [hq, office, foreign, pending, revoked, other] = (await Promise.all(
    ['HQ-TEST', 'OFFICE-ONE', 'FOREIGN', 'PENDING', 'REVOKED', 'OTHER'].map((c) => site(c)),
  )) as [Core, Core, Core, Core, Core, Core];
  media = tmpDir('obmin-hostile-');
  await pair(hq, office);
  await pair(hq, revoked);
  await pair(hq, other);
  await pair(other, office);
  // FOREIGN knows HQ, HQ never heard of FOREIGN; HQ holds PENDING's card without confirming it.
  addPeer(ctx(foreign), (await exportIdentity(ctx(hq), path.join(media, 'hq.card'))).file, null);
  foreign.require().db.prepare("UPDATE peers SET status = 'trusted'").run();
  foreign.require().db.prepare("UPDATE peer_keys SET status = 'trusted'").run();
  await pair(pending, hq);
  hq.require().db.prepare("UPDATE peers SET status = 'pending' WHERE site = 'PENDING'").run();
  hq.require().db.prepare("UPDATE peer_keys SET status = 'pending' WHERE site = 'PENDING'").run();
  for (const c of [office, foreign, pending, revoked, other]) await demo(c, 8, 3);
  await importFile(ctx(hq), (await exportFile(ctx(office), ['HQ-TEST'], path.join(media, 'first.obmin'))).file);
  person = hq.require().db.prepare('SELECT id FROM persons ORDER BY id LIMIT 1').pluck().get() as string;
  officeSite = office.require().db.prepare("SELECT value FROM meta WHERE key = 'site_id'").pluck().get() as string;
  const w = office.require();
  // A file with a payload, so every part exists: one real change.
  const { Writer } = await import('../../electron/core/db/write');
  const wr = new Writer(w.db, w.operator.id);
  w.db.transaction(() => wr.update('persons', person, { unit: 'Вигаданий підрозділ' }))();
  goodFile = (await exportFile(ctx(office), ['HQ-TEST'], path.join(media, 'good2.obmin'))).file;
  good = fs.readFileSync(goodFile);
  revoke(ctx(hq), 'REVOKED');
  before = dbHash(hq);
}, 300_000);

describe('adversarial transfer files', () => {
  it('bit flips in every part of the file', async () => {
    const l1 = good.indexOf(0x0a);
    const l2 = good.indexOf(0x0a, l1 + 1);
    const ctStart = l2 + 1;
    const ageHeaderEnd = good.indexOf('\n---', ctStart) + 48;
    const sigStart = good.length - 64;
    const pick = (from: number, to: number, n: number) => Array.from({ length: n }, (_, i) => from + Math.floor(((i + 0.5) * (to - from)) / n));
    const parts: [string, number[], Refusal[] | undefined][] = [
      ['magic', pick(0, l1, 6), ['not-a-transfer-file', 'unknown-version']],
      ['header', pick(l1 + 1, l2, 45), undefined],
      ['age-header', pick(ctStart, ageHeaderEnd, 15), ['bad-signature']],
      ['payload', pick(ageHeaderEnd, sigStart, 20), ['bad-signature']],
      ['signature', pick(sigStart, good.length, 16), ['bad-signature']],
    ];
    let n = 0;
    for (const [part, offsets, expected] of parts) {
      for (const [i, at] of offsets.entries()) {
        const b = Buffer.from(good);
        b[at]! ^= 1 << (i % 8);
        await refuse(`flip-${part}-${at}`, variant(`flip-${part}-${at}`, b), expected);
        n++;
      }
    }
    expect(n).toBe(102);
  }, 300_000);

  it('truncation at many offsets', async () => {
    const offsets = [0, 1, 5, 16, 17, 18, 40, 100, 200, 300];
    for (let i = 0; i < 30; i++) offsets.push(Math.floor(((i + 0.5) * (good.length - 1)) / 30));
    offsets.push(good.length - 64, good.length - 1);
    for (const at of offsets)
      await refuse(`truncate-${at}`, variant(`truncate-${at}`, good.subarray(0, at)), ['truncated', 'bad-header', 'not-a-transfer-file']);
    await refuse('appended', variant('appended', Buffer.concat([good, Buffer.from('x')])), 'bad-header');
    expect(offsets.length).toBe(42);
  }, 300_000);

  it('signers: foreign, pending, revoked, forged; wrong recipient; own file; replay; versions; size', async () => {
    for (let i = 0; i < 2; i++)
      await refuse(`foreign-${i}`, (await exportFile(ctx(foreign), ['HQ-TEST'], path.join(media, `foreign-${i}.obmin`))).file, 'unknown-signer');
    await refuse('pending', (await exportFile(ctx(pending), ['HQ-TEST'], path.join(media, 'pending.obmin'))).file, 'untrusted-signer');
    for (let i = 0; i < 2; i++)
      await refuse(`revoked-${i}`, (await exportFile(ctx(revoked), ['HQ-TEST'], path.join(media, `revoked-${i}.obmin`))).file, 'revoked-signer');
    for (let i = 0; i < 3; i++) {
      const forger = crypto.generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(-32);
      await refuse(
        `forged-${i}`,
        await craft(path.join(media, `forged-${i}.obmin`), {
          from: office,
          to: hq,
          lines: [rec('persons', person, { unit: ['підроблено', stamp()] })],
          signWith: forger,
        }),
        'bad-signature',
      );
    }
    await refuse('wrong-recipient', (await exportFile(ctx(other), ['OFFICE-ONE'], path.join(media, 'other.obmin'))).file, 'not-recipient');
    await refuse(
      'wrong-recipient-key',
      await craft(path.join(media, 'rk.obmin'), { from: office, to: hq, lines: [], patch: (h) => void (h.recipients[0]!.fingerprint = 'ab'.repeat(20)) }),
      'not-recipient',
    );
    const own = (await exportFile(ctx(hq), ['OFFICE-ONE'], path.join(media, 'own.obmin'))).file;
    before = dbHash(hq);
    await refuse('own-file', own, 'own-file');
    const seqOfGood = JSON.parse(good.subarray(good.indexOf(0x0a) + 1, good.indexOf(0x0a, good.indexOf(0x0a) + 1)).toString()).recipients[0].seq as number;
    await importFile(ctx(hq), goodFile);
    before = dbHash(hq);
    await refuse(
      'replay-same-seq',
      await craft(path.join(media, 'replay.obmin'), { from: office, to: hq, lines: [rec('persons', person, { unit: ['повтор', stamp()] })], seq: seqOfGood }),
      'replay',
    );
    await refuse('replay-same-seq-2', await craft(path.join(media, 'replay2.obmin'), { from: office, to: hq, lines: [], seq: seqOfGood }), 'replay');
    expect(await importFile(ctx(hq), goodFile)).toMatchObject({ alreadyImported: true, applied: false });
    expect(dbHash(hq)).toBe(before);
    for (const v of ['2', '0', '99', '1.1'])
      await refuse(
        `version-${v}`,
        await craft(path.join(media, `v${v}.obmin`), { from: office, to: hq, lines: [], magic: `OBMIN-TRANSFER ${v}` }),
        'unknown-version',
      );
    await refuse(
      'format-2-in-header',
      await craft(path.join(media, 'f2.obmin'), { from: office, to: hq, lines: [], patch: (h) => void ((h as { format: number }).format = 2) }),
      'bad-header',
    );
    await refuse(
      'unknown-field-in-header',
      await craft(path.join(media, 'hx.obmin'), {
        from: office,
        to: hq,
        lines: [],
        patch: (h) => void ((h as unknown as Record<string, unknown>).compression = 'zip'),
      }),
      'bad-header',
    );
    await refuse('empty', variant('empty', Buffer.alloc(0)), 'not-a-transfer-file');
    await refuse('random', variant('random', crypto.randomBytes(4096)), 'not-a-transfer-file');
    await refuse('png', variant('png', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')), 'not-a-transfer-file');
    await refuse('bare-age', variant('bare-age', good.subarray(good.indexOf(0x0a, good.indexOf(0x0a) + 1) + 1)), 'not-a-transfer-file');
    await refuse('over-limit', goodFile, 'too-large', 1000);
    const sparse = path.join(media, 'sparse.obmin');
    fs.writeFileSync(sparse, good.subarray(0, 200));
    fs.truncateSync(sparse, 2 * 1024 * 1024 * 1024);
    await refuse('two-gigabytes', sparse, 'too-large');
    await refuse('identity-card-as-import', (await exportIdentity(ctx(office), path.join(media, 'card.obmin'))).file, 'wrong-kind');
  }, 300_000);

  it('validly signed payloads that are malformed', async () => {
    const S = stamp();
    const cases: [string, string[] | Buffer, Refusal][] = [];
    for (const t of [
      'users',
      'sqlite_master',
      'audit',
      'peers',
      'site_keys',
      'persons; DROP TABLE persons;--',
      'persons"',
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'change_log',
      'row_clock',
      'meta',
      'operators',
      'PERSONS',
      '',
    ])
      cases.push([`table-${t}`, [rec(t, person, { unit: ['x', S] })], 'unknown-table']);
    for (const c of [
      'updated_at',
      'rowid',
      'id',
      'surname; DROP TABLE persons',
      'surname"',
      '__proto__',
      'constructor',
      'toString',
      'sqlite_master',
      'password',
      '',
      'SURNAME',
      'person_match',
    ])
      cases.push([`column-${c}`, [`{"t":"persons","id":"${person}","f":{${JSON.stringify(c)}:["x","${S}"]}}`], 'unknown-column']);
    const values: [string, unknown][] = [
      ['height_cm', 'tall'],
      ['height_cm', 1.5],
      ['height_cm', '180'],
      ['surname', 42],
      ['surname', null],
      ['surname', {}],
      ['surname', []],
      ['surname', true],
      ['deleted', 2],
      ['deleted', '1'],
      ['deleted', null],
      ['seriously_wounded', 'yes'],
      ['created_at', 5],
      ['unit', 'x'.repeat(300_000)],
    ];
    for (const [f, v] of values) cases.push([`value-${f}-${JSON.stringify(v).slice(0, 12)}`, [rec('persons', person, { [f]: [v, S] })], 'bad-value']);
    for (const [name, pair] of [
      ['not-a-pair', 'x'],
      ['three', ['x', S, 1]],
      ['stamp-number', ['x', 5]],
      ['stamp-text', ['x', 'yesterday']],
      ['stamp-path', ['x', '2026-01-01T00:00:00.000Z-0001-../../etc']],
      ['stamp-empty', ['x', '']],
    ] as const)
      cases.push([`pair-${name}`, [rec('persons', person, { unit: pair })], 'bad-value']);
    const shapes: [string, string][] = [
      ['not-json', '{"t":"persons",'],
      ['array', '[1,2]'],
      ['number', '42'],
      ['null', 'null'],
      ['no-id', '{"t":"persons","f":{}}'],
      ['sql-id', rec('persons', "1' OR '1'='1", {})],
      ['empty-id', rec('persons', '', {})],
      ['long-id', rec('persons', 'a'.repeat(65), {})],
      ['extra-key', `{"t":"persons","id":"${person}","f":{},"x":1}`],
      ['f-array', `{"t":"persons","id":"${person}","f":[]}`],
      ['no-table', `{"id":"${person}","f":{}}`],
      ['empty-line', ''],
      ['blob-wrong-hash', JSON.stringify({ blob: '0'.repeat(64), bytes: 'aGVsbG8=', thumb: null })],
      ['blob-bad-base64', JSON.stringify({ blob: '0'.repeat(64), bytes: '!!!', thumb: null })],
    ];
    for (const [name, line] of shapes) cases.push([`shape-${name}`, [line], name.startsWith('blob-wrong') ? 'bad-value' : 'bad-record']);
    cases.push(['no-final-newline', Buffer.from(rec('persons', person, { unit: ['x', S] })), 'bad-record']);
    cases.push(['future-day', [rec('persons', person, { unit: ['x', stamp(86_400_000)] })], 'clock-drift']);
    cases.push(['future-year', [rec('persons', person, { unit: ['x', stamp(365 * 86_400_000)] })], 'clock-drift']);
    cases.push(['new-row-missing-fields', [rec('persons', crypto.randomUUID(), { unit: ['x', S] })], 'bad-record']);
    cases.push(['new-source-missing-title', [rec('sources', crypto.randomUUID(), { kind: ['debriefing', S] })], 'bad-record']);
    const full = { surname: ['Вигаданий', S], side: ['nobody', S], category: ['military', S], status: ['missing', S], created_at: ['2026-01-01T00:00:00Z', S] };
    cases.push(['check-constraint', [rec('persons', crypto.randomUUID(), full)], 'bad-record']);
    cases.push([
      'foreign-key',
      [rec('sightings', crypto.randomUUID(), { person_id: ['nobody', S], source_id: ['nobody', S], place: ['x', S], created_at: ['2026-01-01T00:00:00Z', S] })],
      'bad-record',
    ]);
    cases.push(['good-then-bad', [chg('persons', person, { unit: 'змінено' }), chg('nope', person, { unit: 'x' })], 'unknown-table']);
    cases.push(['row-format-record', [rec('persons', person, { unit: ['x', S] })], 'bad-record']);
    for (const t of ['users', 'sqlite_master', 'persons; DROP TABLE persons;--', '__proto__', 'site_keys'])
      cases.push([`change-table-${t}`, [chg(t, person, { unit: 'x' })], 'unknown-table']);
    for (const c of ['updated_at', 'rowid', 'surname; DROP TABLE persons', '__proto__', 'password'])
      cases.push([
        `change-column-${c}`,
        [
          `{"c":{"origin":"${officeSite}","seq":${chgSeq++},"stamp":"${S}","tbl":"persons","row":"${person}","fields":{${JSON.stringify(c)}:"x"},"prev":{},"by":null}}`,
        ],
        'unknown-column',
      ]);
    for (const [f, v] of [
      ['height_cm', 'tall'],
      ['surname', 42],
      ['surname', null],
      ['deleted', 0],
      ['unit', { x: 1 }],
    ] as const)
      cases.push([`change-value-${f}-${JSON.stringify(v)}`, [chg('persons', person, { [f]: v })], 'bad-value']);
    cases.push(['change-origin-not-stamp', [chg('persons', person, { unit: 'x' }, { origin: 'someone-else' })], 'bad-record']);
    cases.push(['change-prev-from-future', [chg('persons', person, { unit: 'x' }, { prev: { unit: [stamp(60_000)] } })], 'bad-record']);
    cases.push(['change-seq-zero', [chg('persons', person, { unit: 'x' }, { seq: 0 })], 'bad-record']);
    cases.push(['change-no-fields', [chg('persons', person, {})], 'bad-record']);
    cases.push(['change-extra-key', [chg('persons', person, { unit: 'x' }, { sql: 'DROP TABLE persons' })], 'bad-record']);
    cases.push(['change-sql-row', [chg('persons', "1' OR '1'='1", { unit: 'x' })], 'bad-record']);
    cases.push(['change-future', [chg('persons', person, { unit: 'x' }, {}, stamp(86_400_000))], 'clock-drift']);
    for (const [name, lines, expected] of cases) {
      const payload = Buffer.isBuffer(lines) ? lines : undefined;
      await refuse(
        `payload-${name}`,
        await craft(path.join(media, `p-${crypto.randomUUID()}.obmin`), { from: office, to: hq, ...(payload ? { payload } : { lines: lines as string[] }) }),
        expected,
      );
    }
    await refuse(
      'payload-size-lies',
      await craft(path.join(media, 'size.obmin'), {
        from: office,
        to: hq,
        lines: [chg('persons', person, { unit: 'x' })],
        patch: (h) => void (h.payload!.size += 1),
      }),
      'payload-mismatch',
    );
    await refuse(
      'payload-sha-lies',
      await craft(path.join(media, 'sha.obmin'), {
        from: office,
        to: hq,
        lines: [chg('persons', person, { unit: 'x' })],
        patch: (h) => void (h.payload!.sha256 = '0'.repeat(64)),
      }),
      'payload-mismatch',
    );
    await refuse(
      'ack-malformed',
      await craft(path.join(media, 'ack.obmin'), { from: office, to: hq, lines: ['{"ack":{"seq":"lots"}}'], patch: (h) => void (h.kind = 'ack') }),
      'bad-record',
    );
    await refuse(
      'identity-kind-with-payload',
      await craft(path.join(media, 'idk.obmin'), { from: office, to: hq, lines: [], patch: (h) => void (h.kind = 'identity') }),
      'wrong-kind',
    );
    expect(cases.length).toBeGreaterThanOrEqual(70);
  }, 300_000);

  // A ~150 MB payload validated line by line (about 35 s on an idle 2-core machine): part of every run.
  it('a million records, the last one malformed: refused, nothing applied', async () => {
    const lines = Array.from({ length: 1_000_000 }, () => chg('persons', person, { unit: 'мільйон' }));
    lines[lines.length - 1] = chg('persons', person, { unit: 42 });
    const before0 = process.memoryUsage().rss;
    await refuse('million', await craft(path.join(media, 'million.obmin'), { from: office, to: hq, lines }), 'bad-value');
    expect(process.memoryUsage().rss - before0).toBeLessThan(1024 * 1024 * 1024);
  }, 600_000);

  it('counts: at least 200 hostile files, every one refused with a reason', () => {
    expect(reasons.size).toBeGreaterThanOrEqual(200);
    const byReason = new Map<string, number>();
    for (const r of reasons.values()) byReason.set(r, (byReason.get(r) ?? 0) + 1);
    console.log(`hostile files: ${reasons.size}`, Object.fromEntries(byReason));
    expect(byReason.size).toBeGreaterThanOrEqual(15);
  });
});
