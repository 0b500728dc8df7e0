// Sites, keys and transfer files from the command line: thin mappings onto the transfer area's IPC channels.
import type { Command } from 'commander';
import path from 'node:path';
import type { ArgsOf, Channel, ResultOf } from '../../../shared/ipc/contract';
import { fingerprintWords, groupedHex } from '../../../shared/transfer/fingerprint';
import type { Core } from '../../core';
import { ObminError } from '../../../shared/errors';
import { callerFor } from '../call';
import { printJson, withSession, type GlobalOptions, type Io } from '../context';
import type { CliModule } from './types';

type Json = { json?: boolean };

/** One call through the router (the same door as the window, electron/cli/call.ts); a typed error is thrown. */
function call<C extends Channel>(core: Core, channel: C, args: ArgsOf<C>): Promise<ResultOf<C>> {
  return callerFor(core)(channel, args);
}

function withCore<T>(o: GlobalOptions, io: Io, fn: (core: Core) => Promise<T>): Promise<T> {
  return withSession(o, io, (_call, core) => fn(core));
}

const abs = (f: string) => path.resolve(f);

export const transferCommands: CliModule = (program: Command, io: Io, run) => {
  const identity = program.command('identity').description('this site’s identity card and keys');
  identity
    .command('export')
    .description('write the site’s identity card (public keys) for another site to import')
    .requiredOption('--out <FILE>', 'where to write the card')
    .option('--json', 'machine-readable output')
    .action(
      run(async (o: GlobalOptions & Json & { out: string }) => {
        await withCore(o, io, async (core) => {
          const r = await call(core, 'transfer.identityExport', { file: abs(o.out) });
          const out = { ...r, hex: groupedHex(r.fingerprint), words: fingerprintWords(r.fingerprint) };
          if (o.json) printJson(io, out);
          else io.out(`${r.file}\n${r.site}\n${out.hex}\n${out.words.join(' ')}\n`);
        });
      }),
    );
  identity
    .command('show')
    .description('this site’s fingerprint as hex and words')
    .option('--json', 'machine-readable output')
    .action(
      run(async (o: GlobalOptions & Json) => {
        await withCore(o, io, async (core) => {
          const { identity: id } = await call(core, 'transfer.overview', {});
          const out = { ...id, hex: groupedHex(id.fingerprint), words: fingerprintWords(id.fingerprint) };
          if (o.json) printJson(io, out);
          else io.out(`${id.site} — ${id.name}\n${out.hex}\n${out.words.join(' ')}\n`);
        });
      }),
    );
  identity
    .command('rotate')
    .description('new site keys, signed by the current ones (export the card again for the peers)')
    .action(
      run(async (o: GlobalOptions) => {
        await withCore(o, io, async (core) => {
          const r = await call(core, 'transfer.rotateKeys', {});
          io.out(`${groupedHex(r.fingerprint)}\n`);
        });
      }),
    );
  identity
    .command('age-key')
    .description('write the site’s decryption key in age’s format (an auditor’s `age -d -i`): keep it secret')
    .requiredOption('--out <FILE>', 'where to write the key (owner-only)')
    .action(
      run(async (o: GlobalOptions & { out: string }) => {
        await withCore(o, io, async (core) => {
          const r = core.exportAgeKey(abs(o.out));
          io.out(`${r.file}\n${r.recipient}\n`);
        });
      }),
    );

  const peers = program.command('peers').description('other sites: add, confirm, list, revoke');
  peers
    .command('add')
    .description('import a site’s identity card; with --fingerprint (read over the phone) it is trusted at once')
    .argument('<file>', 'identity card file')
    .option('--fingerprint <FP>', 'the fingerprint as hex or words; a mismatch is refused (exit 4)')
    .option('--json', 'machine-readable output')
    .action(
      run(async (file: string, o: GlobalOptions & Json & { fingerprint?: string }) => {
        await withCore(o, io, async (core) => {
          const r = await call(core, 'transfer.peerAdd', { file: abs(file), fingerprint: o.fingerprint ?? null });
          if (o.json) printJson(io, { ...r, hex: groupedHex(r.fingerprint), words: fingerprintWords(r.fingerprint) });
          else io.out(`${r.site}\t${r.status}\n${groupedHex(r.fingerprint)}\n${fingerprintWords(r.fingerprint).join(' ')}\n`);
        });
      }),
    );
  peers
    .command('confirm')
    .description('trust a pending site once its fingerprint was compared')
    .argument('<code>', 'site code')
    .requiredOption('--fingerprint <FP>', 'the fingerprint as hex or words')
    .action(
      run(async (code: string, o: GlobalOptions & { fingerprint: string }) => {
        await withCore(o, io, async (core) => {
          await call(core, 'transfer.peerConfirm', { site: code, fingerprint: o.fingerprint });
          io.out(`${code.toUpperCase()}\ttrusted\n`);
        });
      }),
    );
  peers
    .command('list')
    .option('--json', 'machine-readable output')
    .action(
      run(async (o: GlobalOptions & Json) => {
        await withCore(o, io, async (core) => {
          const { peers: list } = await call(core, 'transfer.overview', {});
          if (o.json) printJson(io, list);
          else
            for (const p of list)
              io.out(
                `${p.site}\t${p.status}\t${groupedHex(p.fingerprint)}\tsent ${p.lastSent?.seq ?? '-'}\treceived ${p.lastReceived?.seq ?? '-'}\twaiting ${p.waiting}\n`,
              );
        });
      }),
    );
  peers
    .command('revoke')
    .description('stop trusting a site: its files are refused from now on')
    .argument('<code>', 'site code')
    .action(
      run(async (code: string, o: GlobalOptions) => {
        await withCore(o, io, async (core) => {
          await call(core, 'transfer.peerRevoke', { site: code });
          io.out(`${code.toUpperCase()}\trevoked\n`);
        });
      }),
    );

  program
    .command('export')
    .description('write a signed, encrypted file of everything changed since the last file to these sites')
    .requiredOption('--to <CODES>', 'site code(s), comma-separated')
    .requiredOption('--out <FILE>', 'where to write the file')
    .option('--ack', 'write an acknowledgement (what this site has applied from that site) instead')
    .option('--exchange <N>', 'write the field team’s exchange package for round N (names, dates of birth, photos, description, the round’s lists only)')
    .option('--json', 'machine-readable output')
    .action(
      run(async (o: GlobalOptions & Json & { to: string; out: string; ack?: boolean; exchange?: string }) => {
        await withCore(o, io, async (core) => {
          const exchange = o.exchange === undefined ? undefined : Number(o.exchange);
          if (exchange !== undefined && (!Number.isSafeInteger(exchange) || exchange < 1 || o.ack)) throw new ObminError('USAGE', { detail: '--exchange' });
          const r = await call(core, 'transfer.export', {
            to: o.to
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
            kind: o.ack ? 'ack' : 'changes',
            file: abs(o.out),
            ...(exchange !== undefined ? { exchange } : {}),
          });
          if (o.json) printJson(io, r);
          else
            io.out(
              `${r.file}\n${r.kind}\t${r.recipients.map((x) => `${x.site}#${x.seq}`).join(' ')}\trecords ${r.records}\t${r.bytes} B\nsha256 ${r.sha256}\n`,
            );
        });
      }),
    );
  program
    .command('verify')
    .description('check a transfer file (signer trusted, unaltered, addressed to this site) without applying it')
    .argument('<file>', 'transfer file')
    .option('--json', 'machine-readable output')
    .action(
      run(async (file: string, o: GlobalOptions & Json) => {
        await withCore(o, io, async (core) => {
          const r = await call(core, 'transfer.verify', { file: abs(file) });
          if (o.json) printJson(io, { ok: true, ...r });
          else io.out(`ok\t${r.kind}\tfrom ${r.sender.site}\t#${r.seq}\t${r.createdAt}${r.alreadyImported ? '\talready imported' : ''}\n`);
        });
      }),
    );
  program
    .command('import')
    .description('verify, preview and apply a transfer file in one transaction')
    .argument('<file>', 'transfer file')
    .option('--dry-run', 'verify and preview only; change nothing')
    .option('--accept-mass-change', 'apply even when the file changes more of the register than the guard allows (exit 1 otherwise)')
    .option('--json', 'machine-readable output')
    .action(
      run(async (file: string, o: GlobalOptions & Json & { dryRun?: boolean; acceptMassChange?: boolean }) => {
        await withCore(o, io, async (core) => {
          const r = await call(core, 'transfer.import', { file: abs(file), dryRun: Boolean(o.dryRun), acceptMassChange: Boolean(o.acceptMassChange) });
          if (o.json) printJson(io, r);
          else
            io.out(
              `${r.applied ? 'applied' : r.alreadyImported ? 'already imported' : 'not applied (dry run)'}\t${r.kind}\tfrom ${r.sender.site}\t#${r.seq}\nrecords ${r.records}\tadded ${r.added}\tchanged ${r.changed}\tunchanged ${r.unchanged}\n`,
            );
        });
      }),
    );
};
