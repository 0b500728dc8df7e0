// The renderer is served from app://obmin/ (not file://), so it has a real origin that CSP and IPC checks can pin.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Protocol } from 'electron';
import { SECURITY_HEADERS } from './csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'obmin';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

// Vite emits plain names ("index-Ab12_c.js"); anything else (dot files, "..", "%", ":", "\") is refused outright.
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
// Windows device names open a device, not a file, whatever the folder.
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;

/** Maps an app:// request URL to a file inside rootDir, or null when it is not one of ours. Pure. */
export function resolveAppPath(rootDir: string, requestUrl: string): string | null {
  // Chromium canonicalises standard-scheme URLs, so an exact prefix also rules out other hosts, ports and userinfo.
  if (!requestUrl.startsWith(`${APP_ORIGIN}/`)) return null;
  const rawPath = requestUrl.slice(APP_ORIGIN.length).split(/[?#]/, 1)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded === '/') decoded = '/index.html';
  const segments = decoded.slice(1).split('/');
  if (!segments.every((s) => SEGMENT.test(s) && !WINDOWS_DEVICE.test(s))) return null;
  const root = path.resolve(rootDir);
  const resolved = path.resolve(root, ...segments);
  // Belt and braces: whatever slipped past the segment check must still land inside the root.
  return resolved.startsWith(root + path.sep) ? resolved : null;
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' } });
}

/** The app:// handler, separated from Electron so it can be tested with plain Requests. */
export function createAppRequestHandler(rootDir: string, read: (file: string) => Promise<Uint8Array> = readFile): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: { ...SECURITY_HEADERS, Allow: 'GET, HEAD' } });
    }
    const file = resolveAppPath(rootDir, request.url);
    if (file === null) return notFound();
    let body: Uint8Array;
    try {
      body = await read(file);
    } catch {
      return notFound();
    }
    const headers = { ...SECURITY_HEADERS, 'Content-Type': mimeTypeFor(file) };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}

/** Must run before app 'ready': privileges cannot be granted later. No bypassCSP, no CORS, no streaming. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function serveApp(protocol: Pick<Protocol, 'handle'>, rootDir: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rootDir));
}
