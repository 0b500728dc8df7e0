import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it, expect, vi, afterAll } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/csp';
import { createAppRequestHandler, mimeTypeFor, registerAppScheme, resolveAppPath } from '../../electron/main/protocol';

const root = path.resolve('/srv/obmin/dist/renderer');

describe('resolveAppPath', () => {
  it('maps / to index.html and plain files inside the root', () => {
    expect(resolveAppPath(root, 'app://obmin/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://obmin/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://obmin/assets/index-Ab12_c-d.js')).toBe(path.join(root, 'assets', 'index-Ab12_c-d.js'));
  });

  it('ignores the query string and fragment', () => {
    expect(resolveAppPath(root, 'app://obmin/index.html?x=1#/people')).toBe(path.join(root, 'index.html'));
  });

  it.each([
    ['dot-dot segments', 'app://obmin/../../etc/passwd'],
    ['dot-dot under a folder', 'app://obmin/assets/../../secret'],
    ['encoded dot-dot', 'app://obmin/%2e%2e/secret'],
    ['upper-case encoded dot-dot', 'app://obmin/%2E%2E/%2E%2E/secret'],
    ['encoded slash', 'app://obmin/..%2fx'],
    ['double-encoded dot-dot', 'app://obmin/%252e%252e/secret'],
    ['backslashes', 'app://obmin/\\..\\x'],
    ['encoded backslash', 'app://obmin/assets%5c..%5cx'],
    ['NUL byte', 'app://obmin/index.html%00.png'],
    ['raw NUL byte', 'app://obmin/index.html\0.png'],
    ['an empty segment (//evil/x)', 'app://obmin//evil/x'],
    ['a protocol-relative URL', '//evil/x'],
    ['a single dot segment', 'app://obmin/./index.html'],
    ['a hidden file', 'app://obmin/.env'],
    ['an absolute path', '/etc/passwd'],
    ['an encoded absolute path', 'app://obmin/%2fetc%2fpasswd'],
    ['a Windows drive', 'app://obmin/C:/Windows/win.ini'],
    ['a Windows device name', 'app://obmin/con'],
    ['a trailing slash', 'app://obmin/assets/'],
    ['another host', 'app://other/'],
    ['a host that merely starts like ours', 'app://obmin.evil/index.html'],
    ['userinfo', 'app://obmin@evil/index.html'],
    ['a port', 'app://obmin:8080/index.html'],
    ['another scheme', 'file:///srv/obmin/dist/renderer/index.html'],
    ['https', 'https://obmin/index.html'],
    ['malformed percent-encoding', 'app://obmin/%E0%A4%A'],
    ['an empty string', ''],
  ])('refuses %s', (_name, url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it('never resolves outside the root, whatever the input', () => {
    const samples = ['..', '%2e%2e', '.%2e', '%2e.', '..%5c', '%c0%ae%c0%ae', 'a/../..', '....//', '%00'];
    for (const a of samples) {
      for (const b of samples) {
        const result = resolveAppPath(root, `app://obmin/${a}/${b}/x`);
        if (result !== null) expect(result.startsWith(root + path.sep)).toBe(true);
      }
    }
  });
});

describe('mimeTypeFor', () => {
  it('names the types the renderer ships', () => {
    expect(mimeTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('a.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('a.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('a.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('a.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('a.png')).toBe('image/png');
  });

  it('never guesses: an unknown extension is opaque bytes', () => {
    expect(mimeTypeFor('a.exe')).toBe('application/octet-stream');
    expect(mimeTypeFor('noextension')).toBe('application/octet-stream');
  });
});

describe('app:// request handler', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'obmin-protocol-'));
  const rendererDir = path.join(dir, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Obmin</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(dir, 'secret.txt'), 'do not serve');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const handle = createAppRequestHandler(rendererDir);

  it('serves index.html with its MIME type and the CSP header', async () => {
    const response = await handle(new Request('app://obmin/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Obmin</title>');
  });

  it('serves assets as JavaScript', async () => {
    const response = await handle(new Request('app://obmin/assets/app.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404, with the CSP, for missing files and traversal', async () => {
    for (const url of ['app://obmin/missing.js', 'app://obmin/%2e%2e/secret.txt', 'app://obmin/assets']) {
      const response = await handle(new Request(url));
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await response.text()).not.toContain('do not serve');
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await handle(new Request('app://obmin/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });

  it('reads nothing for a refused path', async () => {
    const read = vi.fn(async () => new Uint8Array());
    await createAppRequestHandler(rendererDir, read)(new Request('app://obmin/..%2fsecret.txt'));
    expect(read).not.toHaveBeenCalled();
  });
});

describe('registerAppScheme', () => {
  it('grants standard, secure and fetch, and nothing that weakens CSP or CORS', () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged });
    expect(registerSchemesAsPrivileged).toHaveBeenCalledWith([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });
});
