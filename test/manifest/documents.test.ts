// Dossier and list report from a real encrypted register, through the IPC router; every output is recorded and audited.
import fs from 'node:fs';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { createRouter } from '../../electron/core/ipc/router';
import { addAttachment } from '../../electron/core/register/attachments';
import { createPerson } from '../../electron/core/register/persons';
import { addSighting } from '../../electron/core/register/sightings';
import { createSource } from '../../electron/core/register/sources';
import type { ArgsOf, Channel, ResultOf } from '../../shared/ipc/contract';
import { initCore } from '../helpers/tmp';
import { tx } from '../register/helpers';
import { fonts, keepPng, pageCount, pdftotext, save } from './pdf';

let core: Core;
let personId = '';
let listId = '';

async function call<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ResultOf<C>> {
  const r = await createRouter(core).handle(channel, args);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as ResultOf<C>;
}

beforeAll(async () => {
  core = await initCore();
  const photo = await QRCode.toBuffer('вигадане фото', { type: 'png', width: 160 });
  personId = tx(core, (w) => {
    const p = createPerson(w, {
      ref: 'T-0001',
      surname: 'Ґудзь',
      givenName: 'Єлизавета',
      patronymic: 'Іванівна',
      surnameLatin: 'Hudz',
      givenNameLatin: 'Yelyzaveta',
      patronymicLatin: 'Ivanivna',
      dateOfBirth: '1991-04',
      side: 'ours',
      category: 'civilian',
      icrcStatus: 'registered',
      icrcRef: 'ICRC-TEST-7',
      placeOfBirth: 'Вигадане',
    });
    const src = createSource(w, { kind: 'debriefing', title: 'Розповідь звільненого (вигадана)', reliability: 'B', credibility: 2 });
    addSighting(w, { personId: p.id, sourceId: src.id, place: 'Вигадана колонія № 1', date: '2026-05' });
    addAttachment(w, { personId: p.id, kind: 'photo', mime: 'image/png', filename: 'p.png', bytes: photo });
    return p.id;
  });
  const imp = await call('lists.import', {
    kind: 'mediator_list',
    title: 'Список посередника (вигаданий)',
    reliability: 'C',
    credibility: 3,
    input: { text: 'Ґудзь Єлизавета Іванівна 1991\nНевідомий Петро Петрович 01.02.1980' },
  });
  listId = imp.listId;
});
afterAll(() => core.close());

describe('dossier and list report', () => {
  it('dossier: identity in both scripts, photo, sightings; never the family; embedded fonts', async () => {
    const d = await call('manifest.render', { request: { kind: 'dossier', personId } });
    const bytes = Buffer.from(d.pdfBase64, 'base64');
    expect(d.bytes).toBe(bytes.length);
    const file = save(bytes);
    expect(fs.existsSync(keepPng(file, 'dossier', false))).toBe(true);
    const text = pdftotext(file);
    expect(text).toContain('ҐУДЗЬ Єлизавета Іванівна');
    expect(text).toContain('HUDZ Yelyzaveta Ivanivna');
    expect(text).toContain('Вигадана колонія № 1');
    expect(text).toContain('ICRC-TEST-7');
    expect(text).toContain(d.code);
    expect(text).toContain(`сторінка 1 з ${pageCount(file)}`);
    for (const f of fonts(file)) expect(f.emb).toBe('yes');
    expect(d.code).toMatch(/^P-[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
  });

  it('list report: every entry with its suggestion; output is recorded in the print log and the audit chain', async () => {
    const before = core.require().db.prepare("SELECT count(*) AS n FROM audit WHERE action = 'list.save'").get() as { n: number };
    const d = await call('manifest.output', { request: { kind: 'list', listId }, action: 'save' });
    const file = save(Buffer.from(d.pdfBase64, 'base64'));
    expect(fs.existsSync(keepPng(file, 'list-report', false))).toBe(true);
    const text = pdftotext(file);
    expect(text).toContain('Список посередника (вигаданий)');
    expect(text).toContain('Невідомий Петро Петрович');
    const db = core.require().db;
    expect(db.prepare("SELECT count(*) AS n FROM audit WHERE action = 'list.save'").get()).toEqual({ n: before.n + 1 });
    const row = db.prepare('SELECT kind, action, pages, code FROM manifest_prints WHERE code = ?').get(d.code);
    expect(row).toEqual({ kind: 'list', action: 'save', pages: d.pages, code: d.code });
    // A preview records nothing.
    await call('manifest.render', { request: { kind: 'list', listId } });
    expect(db.prepare('SELECT count(*) AS n FROM manifest_prints').get()).toEqual({ n: 1 });
  });

  it('bad requests: an unknown person is NOT_FOUND, a malformed request is VALIDATION, locked is LOCKED', async () => {
    expect(await createRouter(core).handle('manifest.render', { request: { kind: 'dossier', personId: 'nobody' } })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await createRouter(core).handle('manifest.render', { request: { kind: 'manifest', exchange: -1 } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await createRouter(core).handle('manifest.check', { code: 'garbage!' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await createRouter(core).handle('manifest.render', { request: { kind: 'manifest', exchange: 404 } })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
