import type { conflictsContract } from '../../../../shared/ipc/areas/conflicts';
import { can } from '../../../../shared/domain/roles';
import type { ConflictEntry } from '../../../../shared/replication';
import type { Core } from '../../core';
import { getConflict, listConflicts, resolveConflict } from '../../replication';
import type { VaultSession } from '../../vault/vault';
import type { AreaHandlers } from './types';

// Family contacts and their log are shown and decided only by roles that may read and write them.
const FAMILY = new Set(['relatives', 'contact_log']);

export function visibleConflicts(s: VaultSession): ConflictEntry[] {
  const family = can(s.operator.role, 'family.read');
  return listConflicts(s.db, Number.MAX_SAFE_INTEGER).filter((c) => family || !FAMILY.has(c.tbl));
}

/** Listing needs register.read; keeping a side is an edit of the register (and of family records: family.write). */
export function conflictsHandlers(core: Core): AreaHandlers<keyof typeof conflictsContract> {
  return {
    'conflicts.list': ({ limit, offset }) => {
      const all = visibleConflicts(core.require('register.read'));
      return { entries: all.slice(offset, offset + limit), total: all.length };
    },
    'conflicts.resolve': ({ id, keep, value }) => {
      const s = core.require('register.write');
      if (FAMILY.has(getConflict(s.db, id).tbl)) core.require('family.write');
      return resolveConflict(s.db, s.operator.id, id, keep ?? { value: value ?? null });
    },
  };
}
