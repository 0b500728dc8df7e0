// Preview, print and save of the core's PDFs. The page never names a path: the save dialog does; every print and save
// is recorded by the core ('manifest.output') with the document's code. Electron is injected, so this is testable.
import type { BrowserWindowConstructorOptions, SaveDialogOptions, WebContentsPrintOptions } from 'electron';
import type { Result } from '../../shared/errors';
import { DocRequest, suggestedFileName, type PdfDocument, type WindowOutcome } from '../../shared/manifest';
import { call, type Router } from '../core';
import { HARDENED_PREFERENCES } from './window';

/** In-memory partition: a preview's PDF is never cached on disk. */
export const PREVIEW_PARTITION = 'obmin-preview';
export const PREVIEW_PREFIX = 'app://obmin/preview/';
const WINDOW_CHANNELS = new Set(['manifest.preview', 'manifest.print', 'manifest.save']);

/** The preview window: sandboxed, no preload, no Node; only Chromium's PDF viewer (plugins) is on. */
export function previewWindowOptions(title: string, show = true): BrowserWindowConstructorOptions {
  return {
    title,
    width: 900,
    height: 1000,
    show,
    autoHideMenuBar: true,
    webPreferences: {
      partition: PREVIEW_PARTITION,
      ...HARDENED_PREFERENCES,
      devTools: false,
      // The PDF viewer is a plugin; the page has no other code.
      plugins: true,
    },
  };
}

/** The viewer's own toolbar is hidden (#toolbar=0): printing and saving go through the audited buttons only. */
export function previewUrl(token: string): string {
  return `${PREVIEW_PREFIX}${token}.pdf#toolbar=0`;
}

/** Requests in the preview partition: our one PDF and the viewer's built-in extension, nothing else. */
export function previewRequestAllowed(url: string): boolean {
  return url.startsWith(PREVIEW_PREFIX) || url.startsWith('chrome-extension://') || url.startsWith('chrome://');
}

export function saveDialogOptions(fileName: string): SaveDialogOptions {
  return {
    title: 'Зберегти PDF / Save PDF',
    defaultPath: fileName.replace(/[\\/]/g, '-'),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  };
}

export function printOptions(): WebContentsPrintOptions {
  return { silent: false, printBackground: true, pageSize: 'A4', landscape: false };
}

/** PDFs the preview partition serves, by a random token, only while their window is open. */
export function createPdfStore(random: () => string): { put(bytes: Uint8Array): string; drop(token: string): void; handle(request: Request): Response } {
  const docs = new Map<string, Uint8Array>();
  return {
    put(bytes) {
      const token = random();
      docs.set(token, bytes);
      return token;
    },
    drop(token) {
      docs.delete(token);
    },
    handle(request) {
      const m = /^app:\/\/obmin\/preview\/([A-Za-z0-9-]{8,64})\.pdf$/.exec(request.url.split('#')[0]!);
      const bytes = m ? docs.get(m[1]!) : undefined;
      if (!bytes || request.method !== 'GET') return new Response('Not found', { status: 404 });
      return new Response(new Uint8Array(bytes), {
        status: 200,
        headers: { 'Content-Type': 'application/pdf', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
      });
    },
  };
}

export interface PrintDeps {
  openPreview(bytes: Buffer, title: string): Promise<void>;
  /** Shows the system print dialog; true when the operator printed, false when cancelled. */
  print(bytes: Buffer, title: string): Promise<boolean>;
  /** Electron's save dialog; null when cancelled. */
  chooseSavePath(options: SaveDialogOptions): Promise<string | null>;
  writeFile(file: string, bytes: Buffer): Promise<void>;
}

const done = (d: PdfDocument, ok = true): Result<WindowOutcome> => ({ ok: true, value: { done: ok, code: d.code, pages: d.pages } });
const cancelled: Result<WindowOutcome> = { ok: true, value: { done: false, code: null, pages: null } };

/** The router the window's IPC is bound to: the three window verbs here, everything else to the core. */
export function withPrinting(router: Router, deps: PrintDeps): Router {
  return {
    async handle(channel, args) {
      if (!WINDOW_CHANNELS.has(channel)) return router.handle(channel, args);
      const parsed = DocRequest.safeParse((args as { request?: unknown } | null)?.request);
      if (!parsed.success) return { ok: false, error: { code: 'VALIDATION', messageKey: 'errors.VALIDATION', details: { detail: 'request' } } };
      const request = parsed.data;
      if (channel === 'manifest.preview') {
        const r = await call(router, 'manifest.render', { request });
        if (!r.ok) return r;
        await deps.openPreview(Buffer.from(r.value.pdfBase64, 'base64'), r.value.fileName);
        return done(r.value);
      }
      if (channel === 'manifest.print') {
        const r = await call(router, 'manifest.render', { request });
        if (!r.ok) return r;
        // Recorded only once the operator really printed; a cancelled dialog leaves no trace but the preview.
        if (!(await deps.print(Buffer.from(r.value.pdfBase64, 'base64'), r.value.fileName))) return cancelled;
        const out = await call(router, 'manifest.output', { request, action: 'print' });
        return out.ok ? done(out.value) : out;
      }
      const file = await deps.chooseSavePath(saveDialogOptions(suggestedFileName(request)));
      if (!file) return cancelled;
      const out = await call(router, 'manifest.output', { request, action: 'save' });
      if (!out.ok) return out;
      try {
        await deps.writeFile(file, Buffer.from(out.value.pdfBase64, 'base64'));
      } catch {
        return { ok: false, error: { code: 'IO', messageKey: 'errors.IO', details: { file: fileName(file) } } };
      }
      return done(out.value);
    },
  };
}

const fileName = (p: string): string => p.split(/[\\/]/).pop() ?? p;
