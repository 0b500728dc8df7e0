// Hostile files for the adversarial suite: any payload and any header, signed with a real key when asked to be.
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Core } from '../../electron/core';
import { ageEncrypt } from '../../electron/core/transfer/age';
import { privateKeyOf } from '../../electron/core/transfer/keys';
import { currentKeys } from '../../electron/core/transfer/siteKeys';
import { FORMAT_VERSION, MAGIC_PREFIX, type Header } from '../../shared/transfer/format';

export interface Craft {
  from: Core;
  to: Core;
  lines?: string[];
  payload?: Buffer;
  patch?: (h: Header) => void;
  magic?: string;
  /** Sign with these keys instead of the sender's (a forger). */
  signWith?: Buffer;
  seq?: number;
}

async function collect(gen: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of gen) parts.push(p);
  return Buffer.concat(parts);
}

function siteCode(core: Core): string {
  return core.require().db.prepare("SELECT value FROM meta WHERE key = 'site_code'").pluck().get() as string;
}

/** Builds a complete file in memory (small payloads only) and writes it. */
export async function craft(file: string, c: Craft): Promise<string> {
  const sender = currentKeys(c.from.require().db);
  const rcpt = currentKeys(c.to.require().db);
  const payload = c.payload ?? Buffer.from(c.lines ? `${c.lines.join('\n')}\n` : '', 'utf8');
  const ct = await collect(
    ageEncrypt(
      (async function* () {
        yield payload;
      })(),
      [rcpt.encryption.publicKey],
    ),
  );
  const header: Header = {
    format: FORMAT_VERSION,
    fileId: crypto.randomUUID(),
    kind: 'changes',
    createdAt: new Date().toISOString(),
    sender: { site: siteCode(c.from), fingerprint: sender.fingerprint },
    recipients: [{ site: siteCode(c.to), fingerprint: rcpt.fingerprint, seq: c.seq ?? 1000 + Math.floor(Math.random() * 1e6), yourAuditHead: null }],
    payload: { size: payload.length, sha256: crypto.createHash('sha256').update(payload).digest('hex') },
    ciphertext: { size: ct.length, sha512: crypto.createHash('sha512').update(ct).digest('hex') },
    auditHead: null,
    identity: null,
  };
  c.patch?.(header);
  const signed = Buffer.from(`${c.magic ?? `${MAGIC_PREFIX}${FORMAT_VERSION}`}\n${JSON.stringify(header)}\n`);
  const sig = crypto.sign(null, signed, privateKeyOf('ed25519', c.signWith ?? sender.signing.privateKey));
  fs.writeFileSync(file, Buffer.concat([signed, ct, sig]));
  return file;
}
