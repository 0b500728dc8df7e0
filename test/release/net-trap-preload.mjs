// `node --import` this file: every Node network entry point of the process is trapped before any code loads.
// An attempt is reported on stderr ("NETWORK ATTEMPT: net.connect") and thrown; the exit code alone may hide it when
// the caller catches, so tests read stderr. Same traps as test/release/net-trap.ts.
import dgram from 'node:dgram';
import dns from 'node:dns';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import process from 'node:process';
import tls from 'node:tls';

const MODULES = { net, tls, http, https, http2, dgram, dns };

const TRAPPED = {
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

function trap(holder, key, label) {
  holder[key] = function trapped() {
    process.stderr.write(`NETWORK ATTEMPT: ${label}\n`);
    throw new Error(`network attempt: ${label}`);
  };
}

for (const [mod, fns] of Object.entries(TRAPPED)) {
  const m = MODULES[mod];
  for (const fn of fns) if (typeof m[fn] === 'function') trap(m, fn, `${mod}.${fn}`);
}
const dnsPromises = dns.promises;
for (const fn of TRAPPED.dns) if (typeof dnsPromises[fn] === 'function') trap(dnsPromises, fn, `dns.promises.${fn}`);
trap(net.Socket.prototype, 'connect', 'net.Socket.connect');
for (const name of ['fetch', 'WebSocket', 'EventSource']) if (typeof globalThis[name] === 'function') trap(globalThis, name, name);
syncBuiltinESMExports();
