// `obmin demo`: a fictional register in the data folder (as before), or with --sites DIR the whole first run — an HQ
// and a field laptop, a package from one to the other, and the round's manifest. Every step is a contract call.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { ObminError } from '../../../shared/errors';
import { translate } from '../../../shared/i18n';
import { writeFileAtomic, type Core } from '../../core';
import { callerFor, checkArgs, type Call } from '../call';
import { localeOf, openCore, printJson, readPassphrase, unlock, type GlobalOptions, type Io } from '../context';
import type { CliModule } from './types';

type DemoOptions = GlobalOptions & { count: string; sites?: string; json?: boolean };

export const HQ = { siteCode: 'DEMO-HQ', siteName: 'Демонстраційний штаб' } as const;
export const FIELD = { siteCode: 'DEMO-FIELD', siteName: 'Демонстраційний польовий ноутбук' } as const;

/** A new site in an empty folder, initialised through the contract. */
async function newSite(
  o: GlobalOptions,
  dir: string,
  site: { siteCode: string; siteName: string },
  operator: string,
  passphrase: string,
  io: Io,
): Promise<{ core: Core; call: Call }> {
  const core = openCore({ ...o, data: dir }, io);
  const call = callerFor(core);
  await call('vault.init', { ...site, operator, passphrase });
  return { core, call };
}

async function twoSites(root: string, count: number, o: DemoOptions, io: Io): Promise<void> {
  const t = (key: string, p: Record<string, unknown> = {}) => translate(localeOf(o, io), `demo.${key}`, p);
  const dirs = { hq: path.join(root, 'hq'), field: path.join(root, 'field'), media: path.join(root, 'transfer') };
  const operator = o.operator ?? 'Демо Адміністратор';
  // Both folders are checked before either is touched: a refusal leaves nothing half made.
  for (const dir of [dirs.hq, dirs.field]) {
    const probe = openCore({ ...o, data: dir }, io);
    const taken = probe.state().initialised;
    probe.close();
    if (taken) throw new ObminError('CONFLICT', { dir }, 'demo.siteExists');
  }
  const passphrase = await readPassphrase(o, io);
  const lines: string[] = [];
  const hq = await newSite(o, dirs.hq, HQ, operator, passphrase, io);
  let field: { core: Core; call: Call } | null = null;
  try {
    field = await newSite(o, dirs.field, FIELD, operator, passphrase, io);
    const filled = await hq.call('demo.generate', { count });
    lines.push(t('hq', { site: HQ.siteCode, dir: dirs.hq, ...filled }), t('field', { site: FIELD.siteCode, dir: dirs.field }));
    // The two sites meet once: each imports the other's card with the fingerprint compared (here: read from the card).
    fs.mkdirSync(dirs.media, { recursive: true });
    const hqCard = await hq.call('transfer.identityExport', { file: path.join(dirs.media, 'DEMO-HQ.card') });
    const fieldCard = await field.call('transfer.identityExport', { file: path.join(dirs.media, 'DEMO-FIELD.card') });
    await field.call('transfer.peerAdd', { file: hqCard.file, fingerprint: hqCard.fingerprint });
    await hq.call('transfer.peerAdd', { file: fieldCard.file, fingerprint: fieldCard.fingerprint });
    lines.push(t('cards'));
    // HQ sends the field team the exchange package of the round in progress: that round, its people, their photos.
    const rounds = await hq.call('exchanges.list', {});
    const current = rounds.filter((r) => r.status !== 'closed' && r.status !== 'cancelled').sort((a, b) => b.number - a.number)[0];
    if (!current) throw new ObminError('CONFLICT', {}, 'demo.noRound');
    const pkg = await hq.call('transfer.export', {
      to: [FIELD.siteCode],
      kind: 'changes',
      exchange: current.number,
      file: path.join(dirs.media, `DEMO-HQ-to-DEMO-FIELD-round-${current.number}.obmin`),
    });
    lines.push(t('exported', { number: current.number, to: FIELD.siteCode, file: pkg.file, records: pkg.records, bytes: pkg.bytes }));
    const imported = await field.call('transfer.import', { file: pkg.file, dryRun: false });
    lines.push(t('imported', { site: FIELD.siteCode, added: imported.added, changed: imported.changed }));
    // The field laptop prints the manifest from what it received.
    const there = (await field.call('exchanges.list', {})).find((r) => r.number === current.number);
    if (!there) throw new ObminError('CONFLICT', {}, 'demo.noRound');
    const sum = (c: { military: number; civilian: number; remains: number; other: number }) => c.military + c.civilian + c.remains + c.other;
    lines.push(
      t('round', { number: current.number, status: current.status, receive: sum(current.totals.listed.receive), give: sum(current.totals.listed.give) }),
    );
    const doc = await field.call('manifest.output', {
      request: { kind: 'manifest', exchange: current.number, variant: 'field', direction: 'both' },
      action: 'write',
    });
    const pdf = path.join(root, `manifest-${current.number}-field.pdf`);
    writeFileAtomic(pdf, Buffer.from(doc.pdfBase64, 'base64'), 0o600);
    lines.push(t('manifest', { number: current.number, file: pdf, pages: doc.pages, code: doc.code }), t('next', { dir: dirs.field }));
    if (o.json) {
      printJson(io, {
        hq: { site: HQ.siteCode, dir: dirs.hq, ...filled },
        field: { site: FIELD.siteCode, dir: dirs.field },
        package: { profile: 'exchange', round: current.number, file: pkg.file, records: pkg.records, bytes: pkg.bytes, sha256: pkg.sha256 },
        imported: { added: imported.added, changed: imported.changed },
        round: { number: current.number, status: current.status },
        manifest: { file: pdf, pages: doc.pages, code: doc.code },
      });
    } else io.out(`${lines.join('\n')}\n`);
  } finally {
    field?.core.close();
    hq.core.close();
  }
}

export const demoCommands: CliModule = (program: Command, io: Io, run) => {
  program
    .command('demo')
    .description('fill the data folder with a fictional register (initialises it first if needed); --sites DIR: the whole first run on two sites')
    .option('--count <N>', 'number of people', '5000')
    .option('--sites <DIR>', 'an empty folder: HQ and a field laptop, a package from HQ imported at the field site, the round’s manifest')
    .option('--json', 'machine-readable output (with --sites)')
    .action(
      run(async (o: DemoOptions) => {
        const args = checkArgs('demo.generate', { count: Number(o.count) });
        if (o.sites) return twoSites(path.resolve(o.sites), args.count, o, io);
        const core = openCore(o, io);
        try {
          const call = callerFor(core);
          if (core.state().initialised) await unlock(core, o, io);
          else await call('vault.init', { ...HQ, operator: o.operator ?? 'Демо Адміністратор', passphrase: await readPassphrase(o, io) });
          const r = await call('demo.generate', args);
          io.out(`persons: ${r.persons}\nsources: ${r.sources}\nrelatives: ${r.relatives}\nattachments: ${r.attachments}\n`);
        } finally {
          core.close();
        }
      }),
    );
};
