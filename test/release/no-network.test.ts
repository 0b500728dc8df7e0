// The core never opens a network connection: a representative day (set up, unlock, import a list, pair two sites,
// export a transfer file, import it at the other site, print a round's manifest, back up) runs through the router
// with every Node network entry point trapped. Any attempt is recorded and thrown; the test asserts there were none.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, createRouter, type Core } from '../../electron/core';
import type { ArgsOf, Channel, ResultOf } from '../../shared/ipc/contract';
import { TEST_BIN } from '../helpers/cli';
import { TEST_KDF, PASS, tmpDir } from '../helpers/tmp';
import { installNetTrap, type NetTrap } from './net-trap';

let trap: NetTrap;
const cores: Core[] = [];

beforeAll(() => {
  trap = installNetTrap();
});

afterAll(() => {
  for (const c of cores) c.close();
  trap.restore();
});

async function site(code: string) {
  const core = createCore({ dataDir: tmpDir('obmin-nonet-'), kdf: TEST_KDF });
  cores.push(core);
  const router = createRouter(core);
  const call = async <C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ResultOf<C>> => {
    const r = await router.handle(channel, args);
    if (!r.ok) throw new Error(`${code} ${channel}: ${JSON.stringify(r.error)}`);
    return r.value as ResultOf<C>;
  };
  await call('vault.init', { siteCode: code, siteName: `Вигаданий вузол ${code}`, operator: 'Тестова Адміністраторка', passphrase: PASS });
  return { core, call };
}

const CSV =
  'ref,surname,given_name,date_of_birth,side,category\nNN-1,Безмережний,Тарас,1980-01-02,ours,military\nNN-2,Офлайновий,Петро,1985-03-04,ours,military\n';

describe('the core with the network trapped', () => {
  it('the traps are live: each network entry point throws and is recorded', async () => {
    const net = await import('node:net');
    const dns = await import('node:dns');
    const https = await import('node:https');
    expect(() => net.connect(9, '127.0.0.1')).toThrow(/network attempt: net.connect/);
    expect(() => new net.Socket().connect(9, '127.0.0.1')).toThrow(/net.Socket.connect/);
    expect(() => dns.lookup('example.org', () => undefined)).toThrow(/dns.lookup/);
    expect(() => https.get('https://example.org/')).toThrow(/https.get/);
    expect(() => fetch('https://example.org/')).toThrow(/fetch/);
    expect(trap.attempts).toEqual(['net.connect', 'net.Socket.connect', 'dns.lookup', 'https.get', 'fetch']);
    trap.attempts.length = 0;
  });

  it('unlock, import, transfer both ways, manifest and backup make no network attempt', async () => {
    const hq = await site('HQ-NONET');
    const field = await site('FIELD-NONET');
    const media = tmpDir('obmin-nonet-media-');

    await hq.call('vault.lock', { reason: 'manual' });
    await hq.call('vault.unlock', { operator: 'Тестова Адміністраторка', passphrase: PASS });

    const preview = await hq.call('persons.importPreview', { fileName: 'list.csv', dataBase64: Buffer.from(CSV).toString('base64') });
    expect(preview.invalid).toBe(0);
    expect(await hq.call('persons.importApply', { token: preview.token })).toMatchObject({ created: 2 });

    // Cards exchanged by hand, fingerprints confirmed.
    const hqCard = await hq.call('transfer.identityExport', { file: path.join(media, 'hq.obmin') });
    const fieldCard = await field.call('transfer.identityExport', { file: path.join(media, 'field.obmin') });
    await field.call('transfer.peerAdd', { file: hqCard.file, fingerprint: hqCard.fingerprint });
    await hq.call('transfer.peerAdd', { file: fieldCard.file, fingerprint: fieldCard.fingerprint });

    const sent = await hq.call('transfer.export', { to: ['FIELD-NONET'], kind: 'changes', file: path.join(media, 'to-field.obmin') });
    expect(sent.records).toBeGreaterThan(0);
    expect(await field.call('transfer.import', { file: sent.file, dryRun: false })).toMatchObject({ applied: true });
    expect(field.core.countPersons()).toBe(2);

    const ids = [(await hq.call('persons.find', { refOrId: 'NN-1' })).person.id, (await hq.call('persons.find', { refOrId: 'NN-2' })).person.id];
    const round = await hq.call('exchanges.create', { number: 7, place: 'Вигаданий пункт', mediators: [] });
    await hq.call('exchanges.add', { roundId: round.id, direction: 'receive', personIds: ids });
    const pdf = await hq.call('manifest.render', { request: { kind: 'manifest', exchange: 7, variant: 'field', direction: 'both' } });
    expect(Buffer.from(pdf.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

    const backup = path.join(media, 'hq.obmin-backup');
    hq.core.backup(backup);
    expect(fs.statSync(backup).size).toBeGreaterThan(0);

    expect(trap.attempts).toEqual([]);
  });
});

describe('the shipped CLI bundle with the network trapped from the first line', () => {
  const PRELOAD = pathToFileURL(path.join(import.meta.dirname, 'net-trap-preload.mjs')).href;
  const run = (args: string[]) =>
    spawnSync(process.execPath, ['--import', PRELOAD, ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, OBMIN_TEST_KDF: 'fast', OBMIN_PASSPHRASE: PASS },
      encoding: 'utf8',
      timeout: 240_000,
    });

  it('the preload traps: a connection attempt is reported and fails', () => {
    const r = run(['-e', "require('node:net').connect(9, '127.0.0.1')"]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('NETWORK ATTEMPT: net.connect');
  });

  it('`obmin demo --sites`: two sites, a package written and imported, a manifest printed — no network attempt', () => {
    const dir = tmpDir('obmin-nonet-demo-');
    const r = run([TEST_BIN, 'demo', '--sites', dir, '--count', '150', '--json']);
    expect(r.stderr).not.toContain('NETWORK ATTEMPT');
    expect(r.status, r.stderr).toBe(0);
    expect(fs.readdirSync(dir).some((f) => /^manifest-.*\.pdf$/.test(f))).toBe(true);
    expect(fs.readdirSync(path.join(dir, 'transfer')).length).toBeGreaterThan(0);
  });
});
