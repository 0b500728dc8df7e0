// Replaces every way Node code can reach a network with a trap that records the attempt and throws.
// Node's ESM namespaces of built-ins are synced from the CommonJS objects, so `import { connect } from 'node:net'`
// inside the code under test sees the trap too (syncBuiltinESMExports).
import { createRequire, syncBuiltinESMExports } from 'node:module';

const require = createRequire(import.meta.url);

type Holder = Record<string, unknown>;

export interface NetTrap {
  /** Every attempted network call ("net.connect", "dns.lookup", "fetch", …), in order. */
  attempts: string[];
  restore(): void;
}

/** Module → functions that open a socket, resolve a name or send a datagram. */
const TRAPPED: Record<string, string[]> = {
  net: ['connect', 'createConnection', 'createServer'],
  tls: ['connect', 'createServer', 'createSecureContext'],
  http: ['request', 'get', 'createServer'],
  https: ['request', 'get', 'createServer'],
  http2: ['connect', 'createServer', 'createSecureServer'],
  dgram: ['createSocket'],
  dns: [
    'lookup',
    'lookupService',
    'resolve',
    'resolve4',
    'resolve6',
    'resolveAny',
    'resolveCname',
    'resolveMx',
    'resolveNs',
    'resolveSrv',
    'resolveTxt',
    'reverse',
  ],
};

export class NetworkAttempt extends Error {
  constructor(what: string) {
    super(`network attempt: ${what}`);
    this.name = 'NetworkAttempt';
  }
}

export function installNetTrap(): NetTrap {
  const attempts: string[] = [];
  const saved: [Holder, string, unknown][] = [];
  const trap = (holder: Holder, key: string, label: string) => {
    saved.push([holder, key, holder[key]]);
    holder[key] = function trapped() {
      attempts.push(label);
      throw new NetworkAttempt(label);
    };
  };
  for (const [mod, fns] of Object.entries(TRAPPED)) {
    const m = require(`node:${mod}`) as Holder;
    for (const fn of fns) if (typeof m[fn] === 'function') trap(m, fn, `${mod}.${fn}`);
  }
  const dnsPromises = require('node:dns').promises as Holder;
  for (const fn of TRAPPED.dns!) if (typeof dnsPromises[fn] === 'function') trap(dnsPromises, fn, `dns.promises.${fn}`);
  // Below the module functions: any socket at all, however it was made (agents, libraries holding old references).
  const net = require('node:net') as { Socket: { prototype: Holder } };
  trap(net.Socket.prototype, 'connect', 'net.Socket.connect');
  // undici's fetch and WebSocket are globals, not modules.
  const g = globalThis as unknown as Holder;
  for (const name of ['fetch', 'WebSocket', 'EventSource']) if (typeof g[name] === 'function') trap(g, name, name);
  syncBuiltinESMExports();
  return {
    attempts,
    restore() {
      for (const [holder, key, value] of saved.reverse()) holder[key] = value;
      syncBuiltinESMExports();
    },
  };
}
