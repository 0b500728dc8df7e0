// The Electron side of printing: the preview partition, the preview window, the system print dialog, the save dialog.
import crypto from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import type { BrowserWindow as BrowserWindowType, Dialog, Session } from 'electron';
import { createPdfStore, previewRequestAllowed, previewUrl, previewWindowOptions, printOptions, type PrintDeps } from './print';

interface ElectronParts {
  BrowserWindow: typeof BrowserWindowType;
  dialog: () => Pick<Dialog, 'showSaveDialog'>;
  previewSession: () => Session;
  parent: () => BrowserWindowType | null;
}

/** Hardens the preview partition (no permissions, no requests but the PDF and its viewer) and serves the PDFs. */
export function createElectronPrinting(e: ElectronParts): PrintDeps {
  const store = createPdfStore(() => crypto.randomUUID());
  let ready = false;
  // Set up on the first preview or print, not at start-up: most sessions never print.
  const setUp = (): void => {
    if (ready) return;
    ready = true;
    const ses = e.previewSession();
    ses.setPermissionRequestHandler((_c, _p, cb) => cb(false));
    ses.setPermissionCheckHandler(() => false);
    ses.webRequest.onBeforeRequest((d, cb) => cb({ cancel: !previewRequestAllowed(d.url) }));
    ses.protocol.handle('app', (req) => store.handle(req));
    // The viewer's own download button would bypass the audited save: downloads are refused in this partition.
    ses.on('will-download', (event) => event.preventDefault());
  };

  const open = (bytes: Buffer, title: string, show: boolean): BrowserWindowType => {
    setUp();
    const win = new e.BrowserWindow({ ...previewWindowOptions(title, show), ...(e.parent() ? { parent: e.parent()! } : {}) });
    const token = store.put(bytes);
    win.on('closed', () => store.drop(token));
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    void win.loadURL(previewUrl(token));
    return win;
  };

  return {
    async openPreview(bytes, title) {
      open(bytes, title, true);
    },
    print(bytes, title) {
      const win = open(bytes, title, false);
      return new Promise((resolve) => {
        win.webContents.once('did-finish-load', () => {
          win.webContents.print(printOptions(), (success) => {
            win.close();
            resolve(success);
          });
        });
        win.webContents.once('did-fail-load', () => {
          win.close();
          resolve(false);
        });
      });
    },
    async chooseSavePath(options) {
      const parent = e.parent();
      const r = parent ? await e.dialog().showSaveDialog(parent, options) : await e.dialog().showSaveDialog(options);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    async writeFile(file, bytes) {
      await writeFile(file, bytes, { mode: 0o600 });
    },
  };
}
