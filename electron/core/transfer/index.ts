// The transfer area's use cases, each audited: the router's handlers and tests call these.
import { ObminError } from '../../../shared/errors';
import { normaliseFingerprint } from '../../../shared/transfer/fingerprint';
import type { VerifyResult } from '../../../shared/transfer/schemas';
import { appendAudit } from '../audit/audit';
import type { TransferContext } from './context';
import { confirmPeer, revokePeer } from './peers';
import { verifyFile } from './importFile';
import { rotateKeys } from './siteKeys';

export { exportFile } from './exportFile';
export { addPeer, exportAgeKey, exportIdentity } from './identity';
export { importFile, previewFile } from './importFile';
export { history, overview, peersInfo, waitingChanges } from './status';
export type { TransferContext, TransferPhase } from './context';

export function confirm(ctx: TransferContext, site: string, typed: string): void {
  const fp = normaliseFingerprint(typed);
  if (!fp) throw new ObminError('VERIFICATION_FAILED', { reason: 'fingerprint-mismatch' }, 'transfer.refused.fingerprint-mismatch');
  ctx.db.transaction(() => {
    confirmPeer(ctx.db, site, fp);
    appendAudit(ctx.db, ctx.operatorId, 'transfer.peer.confirm', `peer:${site}`, { fingerprint: fp });
  })();
}

export function revoke(ctx: TransferContext, site: string): void {
  ctx.db.transaction(() => {
    revokePeer(ctx.db, site);
    appendAudit(ctx.db, ctx.operatorId, 'transfer.peer.revoke', `peer:${site}`);
  })();
}

export function rotate(ctx: TransferContext): { fingerprint: string } {
  return ctx.db.transaction(() => {
    const k = rotateKeys(ctx.db);
    appendAudit(ctx.db, ctx.operatorId, 'transfer.key.rotate', null, { fingerprint: k.fingerprint });
    return { fingerprint: k.fingerprint };
  })();
}

/** Every check short of decrypting: the file is from a trusted peer, unaltered, and addressed to this site. */
export async function verify(ctx: TransferContext, file: string): Promise<VerifyResult> {
  const v = await verifyFile(ctx, file);
  return {
    fileId: v.header.fileId,
    kind: v.header.kind,
    sender: v.sender,
    seq: v.seq,
    createdAt: v.header.createdAt,
    bytes: v.parsed.size,
    alreadyImported: v.alreadyImported,
  };
}
