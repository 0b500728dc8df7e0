import crypto from 'node:crypto';
import type { transferContract } from '../../../../shared/ipc/areas/transfer';
import type { Permission } from '../../../../shared/domain/roles';
import type { Core } from '../../core';
import * as transfer from '../../transfer';
import type { AreaHandlers } from './types';

/** Sites and files: admins manage keys and peers; whoever may export and read family data writes files; whoever may
 * import and write family data applies them (a changes file carries relatives too). */
export function transferHandlers(core: Core): AreaHandlers<keyof typeof transferContract> {
  const ctx = (...perms: Permission[]): transfer.TransferContext => {
    let s = core.require();
    for (const p of perms) s = core.require(p);
    return { db: s.db, operatorId: s.operator.id };
  };
  return {
    'transfer.overview': () => transfer.overview(ctx('register.read').db),
    'transfer.history': ({ limit }) => transfer.history(ctx('register.read').db, limit),
    'transfer.identityExport': ({ file }) => {
      core.assertOutsideData(file);
      return transfer.exportIdentity(ctx('settings.manage'), file);
    },
    'transfer.peerAdd': ({ file, fingerprint }) => transfer.addPeer(ctx('settings.manage'), file, fingerprint),
    'transfer.peerConfirm': ({ site, fingerprint }) => {
      transfer.confirm(ctx('settings.manage'), site, fingerprint);
      return null;
    },
    'transfer.peerRevoke': ({ site }) => {
      transfer.revoke(ctx('settings.manage'), site);
      return null;
    },
    'transfer.rotateKeys': () => transfer.rotate(ctx('settings.manage')),
    'transfer.export': ({ to, kind, file, exchange, taskId }) => {
      core.assertOutsideData(file);
      const task = taskId ?? crypto.randomUUID();
      const c = {
        ...ctx('register.export', 'family.read'),
        progress: (phase: transfer.TransferPhase, done: number, total: number) =>
          core.emit('progress', { taskId: task, phase: `transfer.${phase}` as const, done, total }),
      };
      return transfer.exportFile(c, to, file, kind, { exchange });
    },
    'transfer.verify': ({ file }) => transfer.verify(ctx('register.read'), file),
    'transfer.import': ({ file, dryRun, acceptMassChange, taskId }) => {
      const task = taskId ?? crypto.randomUUID();
      const c = {
        ...ctx('register.import', 'family.write'),
        progress: (phase: transfer.TransferPhase, done: number, total: number) =>
          core.emit('progress', { taskId: task, phase: `transfer.${phase}` as const, done, total }),
      };
      return dryRun ? transfer.previewFile(c, file) : transfer.importFile(c, file, { acceptMassChange });
    },
  };
}
