// Preview, print and save glue, without Electron: window options, the PDF store, and what is recorded when.
import { describe, expect, it } from 'vitest';
import {
  createPdfStore,
  previewRequestAllowed,
  previewUrl,
  previewWindowOptions,
  printOptions,
  saveDialogOptions,
  withPrinting,
  type PrintDeps,
} from '../../electron/main/print';
import type { Router } from '../../electron/core';

const request = { kind: 'manifest', exchange: 68, variant: 'field', direction: 'both' } as const;
const pdf = {
  pdfBase64: Buffer.from('%PDF-1.4 test').toString('base64'),
  code: 'R68-AAAA-BBBB-CCCC-DDDD',
  pages: 3,
  bytes: 13,
  fileName: 'manifest-68-field-both.pdf',
};

function fakeCore(): Router & { calls: [string, unknown][] } {
  const calls: [string, unknown][] = [];
  return {
    calls,
    async handle(channel, args) {
      calls.push([channel, args]);
      if (channel === 'manifest.render' || channel === 'manifest.output') return { ok: true, value: pdf };
      return { ok: true, value: 'passed through' };
    },
  };
}

function deps(over: Partial<PrintDeps> = {}): PrintDeps & { log: string[] } {
  const log: string[] = [];
  return {
    log,
    openPreview: async (b, t) => void log.push(`preview ${b.toString()} ${t}`),
    print: async () => (log.push('print'), true),
    chooseSavePath: async (o) => (log.push(`dialog ${String(o.defaultPath)}`), '/chosen/by/operator.pdf'),
    writeFile: async (f, b) => void log.push(`write ${f} ${b.length}`),
    ...over,
  };
}

describe('preview window', () => {
  const o = previewWindowOptions('m.pdf');
  it('is sandboxed, isolated, without Node or preload, in an in-memory partition; only the PDF viewer plugin is on', () => {
    const p = o.webPreferences!;
    expect(p).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      devTools: false,
      plugins: true,
      webviewTag: false,
    });
    expect(p.preload).toBeUndefined();
    expect(p.partition).toBe('obmin-preview');
    expect(p.partition!.startsWith('persist:')).toBe(false);
  });
  it('loads only its own PDF, with the viewer toolbar hidden; nothing else is requested', () => {
    expect(previewUrl('abc12345')).toBe('app://obmin/preview/abc12345.pdf#toolbar=0');
    expect(previewRequestAllowed('app://obmin/preview/abc12345.pdf')).toBe(true);
    expect(previewRequestAllowed('https://example.org/x.pdf')).toBe(false);
    expect(previewRequestAllowed('file:///etc/passwd')).toBe(false);
    expect(previewRequestAllowed('app://obmin/index.html')).toBe(false);
  });
  it('the PDF store serves a document only by its token, and not after its window closed', async () => {
    const store = createPdfStore(() => 'tok-00000001');
    const t = store.put(new Uint8Array([1, 2, 3]));
    const ok = store.handle(new Request(`app://obmin/preview/${t}.pdf`));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/pdf');
    expect([...new Uint8Array(await ok.arrayBuffer())]).toEqual([1, 2, 3]);
    expect(store.handle(new Request('app://obmin/preview/other-000.pdf')).status).toBe(404);
    expect(store.handle(new Request(`app://obmin/preview/${t}.pdf/../x`)).status).toBe(404);
    store.drop(t);
    expect(store.handle(new Request(`app://obmin/preview/${t}.pdf`)).status).toBe(404);
  });
  it('prints through the system dialog (not silent) on A4; saves through a PDF-only dialog with a suggested name', () => {
    expect(printOptions()).toMatchObject({ silent: false, pageSize: 'A4' });
    expect(saveDialogOptions('a/b.pdf')).toMatchObject({ defaultPath: 'a-b.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] });
  });
});

describe('withPrinting', () => {
  it('passes every other channel to the core unchanged', async () => {
    const core = fakeCore();
    expect(await withPrinting(core, deps()).handle('persons.get', { id: 'x' })).toEqual({ ok: true, value: 'passed through' });
    expect(core.calls).toEqual([['persons.get', { id: 'x' }]]);
  });
  it('preview renders and opens a window; nothing is recorded', async () => {
    const core = fakeCore();
    const d = deps();
    expect(await withPrinting(core, d).handle('manifest.preview', { request })).toEqual({ ok: true, value: { done: true, code: pdf.code, pages: 3 } });
    expect(core.calls.map((c) => c[0])).toEqual(['manifest.render']);
    expect(d.log).toEqual(['preview %PDF-1.4 test manifest-68-field-both.pdf']);
  });
  it('print is recorded (manifest.output, action print) only after the dialog printed', async () => {
    const core = fakeCore();
    expect(await withPrinting(core, deps()).handle('manifest.print', { request })).toMatchObject({ ok: true, value: { done: true, code: pdf.code } });
    expect(core.calls.map((c) => c[0])).toEqual(['manifest.render', 'manifest.output']);
    expect(core.calls[1]![1]).toEqual({ request, action: 'print' });
    const cancelledCore = fakeCore();
    expect(await withPrinting(cancelledCore, deps({ print: async () => false })).handle('manifest.print', { request })).toEqual({
      ok: true,
      value: { done: false, code: null, pages: null },
    });
    expect(cancelledCore.calls.map((c) => c[0])).toEqual(['manifest.render']);
  });
  it('save: the path comes from the dialog only; a cancelled dialog records and writes nothing', async () => {
    const core = fakeCore();
    const d = deps();
    expect(await withPrinting(core, d).handle('manifest.save', { request, path: '/from/the/page.pdf' })).toMatchObject({ ok: true, value: { done: true } });
    expect(d.log).toEqual(['dialog manifest-68-field-both.pdf', 'write /chosen/by/operator.pdf 13']);
    expect(core.calls).toEqual([['manifest.output', { request, action: 'save' }]]);
    const none = fakeCore();
    const nd = deps({ chooseSavePath: async () => null });
    expect(await withPrinting(none, nd).handle('manifest.save', { request })).toMatchObject({ ok: true, value: { done: false } });
    expect(none.calls).toEqual([]);
  });
  it('a malformed request never reaches the core', async () => {
    const core = fakeCore();
    expect(await withPrinting(core, deps()).handle('manifest.print', { request: { kind: 'manifest', exchange: 'x' } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(core.calls).toEqual([]);
  });
});
