// `obmin manifest …`: thin mappings onto the manifest area of the IPC contract (docs/manifest.md).
import { Option, type Command } from 'commander';
import { ObminError } from '../../../shared/errors';
import { translate } from '../../../shared/i18n';
import type { ArgsOf, Channel, ResultOf } from '../../../shared/ipc/contract';
import {
  MANIFEST_DIRECTIONS,
  MANIFEST_VARIANTS,
  type DocRequest,
  type ManifestCheck,
  type ManifestDirection,
  type ManifestVariant,
} from '../../../shared/manifest';
import { writeFileAtomic, type Core } from '../../core';
import { callerFor } from '../call';
import { localeOf, printJson, withSession, type GlobalOptions, type Io } from '../context';
import type { CliModule } from './types';

/** One call through the same router the window uses (electron/cli/call.ts); a typed error comes back as the same ObminError. */
function call<C extends Channel>(core: Core, channel: C, args: ArgsOf<C>): Promise<ResultOf<C>> {
  return callerFor(core)(channel, args);
}

function withCore<T>(o: GlobalOptions, io: Io, fn: (core: Core) => Promise<T>): Promise<T> {
  return withSession(o, io, (_call, core) => fn(core));
}

async function writeDocument(core: Core, io: Io, o: GlobalOptions & { out: string; json?: boolean }, request: DocRequest): Promise<void> {
  const doc = await call(core, 'manifest.output', { request, action: 'write' });
  try {
    writeFileAtomic(o.out, Buffer.from(doc.pdfBase64, 'base64'), 0o600);
  } catch {
    throw new ObminError('IO', { file: o.out });
  }
  if (o.json) printJson(io, { file: o.out, code: doc.code, pages: doc.pages, bytes: doc.bytes });
  else io.out(`${translate(localeOf(o, io, core), 'manifest.written', { file: o.out, pages: doc.pages, code: doc.code })}\n`);
}

// Sub-commands share --out with the parent (commander may give it to either): read it merged, check it here.
function outOf(o: { out?: string }): string {
  if (!o.out) throw new ObminError('USAGE', { detail: '--out FILE.pdf' });
  return o.out;
}

function printCheck(io: Io, o: GlobalOptions, c: ManifestCheck): void {
  const t = (k: string, p: Record<string, unknown> = {}) => translate(localeOf(o, io), k, p);
  if (c.matches) {
    io.out(`${t('manifest.matches', { code: c.code, round: c.round })}\n`);
    return;
  }
  if (!c.snapshotKnown) io.out(`${t('manifest.noSnapshot')}\n`);
  if (c.headerChanged.length) io.out(`${t('manifest.header', { fields: c.headerChanged.join(', ') })}\n`);
  const mark = { added: '+', removed: '-', changed: '~' } as const;
  for (const d of c.differences) {
    io.out(
      `${mark[d.change]} ${d.direction}\t${d.ref ?? d.personId}\t${d.name}\t${t(`manifest.${d.change}`)}${d.fields.length ? `: ${d.fields.join(', ')}` : ''}\n`,
    );
  }
}

export const manifestCommands: CliModule = (program: Command, io: Io, run) => {
  const manifest = program
    .command('manifest')
    .description('print a round’s manifest to PDF; `manifest check CODE` compares a printed code with the round as held')
    .option('--exchange <N>', 'the round’s number')
    .option('--out <FILE>', 'the PDF to write')
    .addOption(
      new Option('--variant <V>', 'field (handover), full (HQ, with photos), mediator (names, dates of birth, category)')
        .choices([...MANIFEST_VARIANTS])
        .default('field'),
    )
    .addOption(new Option('--direction <D>', 'which list').choices([...MANIFEST_DIRECTIONS]).default('both'))
    .option('--json', 'machine-readable output')
    .action(
      run(async (o: GlobalOptions & { exchange?: string; out?: string; variant: ManifestVariant; direction: ManifestDirection; json?: boolean }) => {
        const exchange = Number(o.exchange);
        if (!o.exchange || !Number.isInteger(exchange) || exchange < 1) throw new ObminError('USAGE', { detail: '--exchange N' });
        const out = outOf(o);
        await withCore(o, io, (core) => writeDocument(core, io, { ...o, out }, { kind: 'manifest', exchange, variant: o.variant, direction: o.direction }));
      }),
    );

  manifest
    .command('check')
    .description('exit 0 when CODE matches the round as held now; exit 4 and the differing entries when not')
    .argument('<code>', 'the data code printed on the manifest (e.g. R68-7KQ2-M9XD-3FA0-PT1C)')
    .option('--json', 'machine-readable output')
    .action(
      run(async (code: string, o: GlobalOptions & { json?: boolean }) => {
        await withCore(o, io, async (core) => {
          const c = await call(core, 'manifest.check', { code });
          if (o.json) printJson(io, c);
          else printCheck(io, o, c);
          if (!c.matches) throw new ObminError('VERIFICATION_FAILED', { code: c.code, round: c.round, count: c.differences.length }, 'manifest.mismatch');
        });
      }),
    );

  manifest
    .command('dossier')
    .description('a person’s dossier as PDF')
    .argument('<ref>', 'the person’s ref or id')
    .option('--out <FILE>', 'the PDF to write')
    .option('--json', 'machine-readable output')
    .action(
      run(async (ref: string, o: GlobalOptions & { out?: string; json?: boolean }) => {
        const out = outOf(o);
        await withCore(o, io, async (core) => {
          const p = await call(core, 'persons.find', { refOrId: ref });
          await writeDocument(core, io, { ...o, out }, { kind: 'dossier', personId: p.person.id });
        });
      }),
    );

  manifest
    .command('report')
    .description('an intake list’s report as PDF')
    .argument('<list>', 'the list’s id')
    .option('--out <FILE>', 'the PDF to write')
    .option('--json', 'machine-readable output')
    .action(
      run(async (listId: string, o: GlobalOptions & { out?: string; json?: boolean }) => {
        const out = outOf(o);
        await withCore(o, io, (core) => writeDocument(core, io, { ...o, out }, { kind: 'list', listId }));
      }),
    );
};
