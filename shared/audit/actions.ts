// Every action the audit log records, by name: the core writes only these, the window translates each one.

export const AUDIT_ACTIONS = [
  'vault.init',
  'login',
  'login.failed',
  'lock',
  'passphrase.change',
  'key.rotate',
  'signing.key',
  'operator.add',
  'operator.disable',
  'operator.resetPassphrase',
  'settings.update',
  'backup.create',
  'backup.restore',
  'audit.verify',
  'demo.fill',
  'record.write',
  'persons.create',
  'persons.update',
  'persons.delete',
  'persons.changeStatus',
  'persons.merge',
  'persons.notDuplicate',
  'persons.import',
  'persons.export',
  'sources.create',
  'sightings.add',
  'sightings.delete',
  'relatives.add',
  'relatives.update',
  'relatives.delete',
  'relatives.logContact',
  'attachments.add',
  'attachments.delete',
  'lists.import',
  'lists.close',
  'lists.reopen',
  'lists.decide.linked',
  'lists.decide.created',
  'lists.decide.skipped',
  'lists.acceptSuggested',
  'exchanges.create',
  'exchanges.update',
  'exchanges.status',
  'exchanges.add',
  'exchanges.withdraw',
  'exchanges.freeze',
  'exchanges.answer',
  'exchanges.agree',
  'exchanges.mark',
  'exchanges.undoMark',
  'exchanges.arrival',
  'exchanges.close',
  'exchanges.taskDone',
  'transfer.identity.export',
  'transfer.key.export',
  'transfer.key.rotate',
  'transfer.peer.add',
  'transfer.peer.confirm',
  'transfer.peer.revoke',
  'transfer.export.changes',
  'transfer.export.ack',
  'transfer.import.changes',
  'transfer.import.ack',
  'manifest.print', 'manifest.save', 'manifest.write', 'dossier.print', 'dossier.save', 'dossier.write', 'list.print', 'list.save', 'list.write',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(s: string): s is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(s);
}

/** The audit key of a list decision: one name per outcome. */
export function decisionAction(decision: 'linked' | 'created' | 'skipped'): AuditAction {
  return `lists.decide.${decision}`;
}
