// The `obmin exchange` contract: exact names and shapes, all-or-nothing adds, statuses after closing, the demo's rounds.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_BIN } from '../helpers/cli';
import { PASS, tmpDir } from '../helpers/tmp';

const ROOT = path.resolve(__dirname, '../..');
const env = { ...process.env, OBMIN_TEST_KDF: 'fast', OBMIN_PASSPHRASE: PASS, OBMIN_LANG: 'en' };

function obmin(...args: string[]) {
  const r = spawnSync(process.execPath, [TEST_BIN, ...args], { env, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function refsFile(...refs: string[]): string {
  const f = path.join(tmpDir(), 'refs.txt');
  fs.writeFileSync(f, `${refs.join('\n')}\n`);
  return f;
}

describe('obmin exchange', () => {
  let data: string;
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(ROOT, 'build/esbuild.mjs'), '--test'], { cwd: ROOT });
    data = path.join(tmpDir(), 'v');
    expect(obmin('init', '--data', data, '--site-code', 'TEST-HQ', '--site-name', 'Вигаданий штаб', '--operator', 'Тестова Координаторка')).toMatchObject({
      code: 0,
    });
    const csv = path.join(tmpDir(), 'people.csv');
    fs.writeFileSync(
      csv,
      [
        'ref,surname,given_name,date_of_birth,side,category,status,unit,document_numbers',
        'R1,Вигаданий,Тарас,1990-01-01,ours,military,captivity_confirmed,А0001,',
        'R2,Вигадана,Олена,1985-05-05,ours,civilian,captivity_confirmed,,АА111111',
        'R3,Вигаданий,Павло,,ours,military,missing,,',
        'G1,Вымышленный,Иван,1992-02-02,held,military,held,В0001,',
        'G2,Вымышленный,Пётр,1993-03-03,held,military,held,В0002,',
      ].join('\n'),
    );
    expect(obmin('persons', 'import', '--data', data, csv)).toMatchObject({ code: 0 });
  }, 180_000);

  it('create, add (all or nothing), freeze, handover, close; persons show reports released and transferred', () => {
    expect(
      obmin('exchange', 'create', '--data', data, '--number', '68', '--place', 'Вигаданий пункт', '--planned-date', '2026-12-01', '--mediator', 'uae,icrc'),
    ).toMatchObject({ code: 0 });
    const dup = obmin('exchange', 'create', '--data', data, '--number', '68');
    expect(dup.code).toBe(1);
    expect(dup.err.trim()).toBe('obmin: Exchange round 68 already exists — choose another number.');

    // one unknown ref fails the whole command and changes nothing
    const bad = obmin('exchange', 'add', '--data', data, '--number', '68', '--direction', 'receive', '--refs-file', refsFile('R1', 'NOPE-1', 'R2'));
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('NOPE-1');
    expect(JSON.parse(obmin('exchange', 'show', '--data', data, '--number', '68', '--json').out).receive).toEqual([]);
    // a held person on the receive side: refused with a translated reason, nothing added
    const side = obmin('exchange', 'add', '--data', data, '--number', '68', '--direction', 'receive', '--refs-file', refsFile('R1', 'G1'));
    expect(side.code).toBe(1);
    expect(side.err).toContain('wrong side');
    expect(JSON.parse(obmin('exchange', 'show', '--data', data, '--number', '68', '--json').out).receive).toEqual([]);

    expect(obmin('exchange', 'add', '--data', data, '--number', '68', '--direction', 'receive', '--refs-file', refsFile('R1', 'R2', 'R3'))).toMatchObject({
      code: 0,
    });
    expect(obmin('exchange', 'add', '--data', data, '--number', '68', '--direction', 'give', '--refs-file', refsFile('G1', 'G2'))).toMatchObject({ code: 0 });
    const twice = obmin('exchange', 'add', '--data', data, '--number', '68', '--direction', 'give', '--refs-file', refsFile('G1'));
    expect(twice.code).toBe(1);
    expect(twice.err).toContain('already on this round');

    expect(JSON.parse(obmin('exchange', 'freeze', '--data', data, '--number', '68', '--json').out)).toEqual({ version: 1 });
    const frozen = obmin('exchange', 'add', '--data', data, '--number', '68', '--direction', 'give', '--refs-file', refsFile('G2'));
    expect(frozen.code).toBe(1);
    expect(frozen.err).toContain('Proposal v1 of round 68 is frozen');

    for (const ref of ['R1', 'R2', 'G1', 'G2'])
      expect(obmin('exchange', 'handover', '--data', data, '--number', '68', '--ref', ref, '--state', 'handed_over')).toMatchObject({ code: 0 });
    const early = obmin('exchange', 'close', '--data', data, '--number', '68');
    expect(early.code).toBe(1);
    expect(early.err.trim()).toBe('obmin: Round 68 cannot be closed: not everyone has a handover mark (without one: 1).');
    expect(obmin('exchange', 'handover', '--data', data, '--number', '68', '--ref', 'R3', '--state', 'not_delivered')).toMatchObject({ code: 0 });

    const closed = obmin('exchange', 'close', '--data', data, '--number', '68');
    expect(closed.code).toBe(0);
    expect(closed.out).toContain('Round 68: 2 people returned — 1 service member and 1 civilian; 2 people transferred');
    const uk = spawnSync(process.execPath, [TEST_BIN, 'exchange', 'show', '--data', data, '--number', '68', '--json'], {
      env: { ...env, OBMIN_LANG: 'uk' },
      encoding: 'utf8',
    });
    const show = JSON.parse(uk.stdout);
    expect(show.summary.uk).toBe('68-й обмін: повернуто 2 особи — 1 військовий і 1 цивільний; передано 2 особи');
    expect(show.status).toBe('closed');
    expect(show.receive.map((e: { ref: string; state: string }) => [e.ref, e.state]).sort()).toEqual([
      ['R1', 'handed_over'],
      ['R2', 'handed_over'],
      ['R3', 'not_delivered'],
    ]);
    expect(show.give.map((e: { state: string }) => e.state)).toEqual(['handed_over', 'handed_over']);
    expect(show.totals.handedOver.receive).toEqual({ military: 1, civilian: 1, remains: 0, other: 0 });

    expect(JSON.parse(obmin('persons', 'show', '--data', data, 'R1', '--json').out).status).toBe('released');
    expect(JSON.parse(obmin('persons', 'show', '--data', data, 'G1', '--json').out).status).toBe('transferred');
    expect(JSON.parse(obmin('persons', 'show', '--data', data, 'R3', '--json').out).status).toBe('missing');
    const list = JSON.parse(obmin('exchange', 'list', '--data', data, '--json').out);
    expect(list).toMatchObject([{ number: 68, status: 'closed' }]);
    const tasks = JSON.parse(obmin('exchange', 'tasks', '--data', data, '--json').out);
    expect(tasks.map((t: { ref: string; reason: string }) => `${t.ref}:${t.reason}`).sort()).toEqual(['R1:released', 'R2:released', 'R3:not_delivered']);
  }, 600_000); // ~20 CLI processes: minutes on a loaded machine

  it('usage errors exit 2; an unknown round exits 1 with one translated line', () => {
    expect(obmin('exchange', 'add', '--data', data, '--number', '68', '--direction', 'sideways', '--refs-file', 'x').code).toBe(2);
    const none = obmin('exchange', 'show', '--data', data, '--number', '999', '--json');
    expect(none.code).toBe(1);
    expect(none.err.trim()).toBe('obmin: There is no exchange round 999.');
  }, 120_000);

  it('obmin demo gains closed rounds with history and one in negotiation', () => {
    const demo = path.join(tmpDir(), 'demo');
    expect(obmin('demo', '--data', demo, '--count', '600')).toMatchObject({ code: 0 });
    const rounds = JSON.parse(obmin('exchange', 'list', '--data', demo, '--json').out) as { number: number; status: string; summary: { uk: string } | null }[];
    expect(rounds.map((r) => [r.number, r.status])).toEqual([
      [68, 'negotiating'],
      [67, 'closed'],
      [66, 'closed'],
      [65, 'closed'],
    ]);
    expect(rounds[1]!.summary!.uk).toMatch(/^67-й обмін: повернуто \d+ (особа|особи|осіб)/);
    const r67 = JSON.parse(obmin('exchange', 'show', '--data', demo, '--number', '67', '--json').out);
    expect(r67.proposals).toMatchObject([{ version: 1, kind: 'sent' }]);
    const back = r67.receive.find((e: { state: string }) => e.state === 'handed_over');
    expect(JSON.parse(obmin('persons', 'show', '--data', demo, back.ref, '--json').out).status).toMatch(/^(released|remains_repatriated)$/);
  }, 120_000);
});
