// Replication between sites: refusals and the conflict queue's words, shared by the CLI and the window.
import type { MessageTree } from './types';

export const replicationEn: MessageTree['replication'] = {
  errors: {
    massChange:
      'The file is stopped: it would change or delete {{changed}} of the {{register}} people in the register (the limit is {{limit}}). Nothing was applied. If this is intended, confirm the mass change (CLI: --accept-mass-change).',
    noRound: 'There is no exchange round {{round}}.',
    clockAhead:
      'The file is refused: a change is stamped {{aheadMinutes}} min ahead of this computer’s clock (the limit is {{limitMinutes}} min). Check the clock on the sending site and on this one; nothing was applied.',
    sequenceClash: 'The file is refused: change {{seq}} of site {{origin}} differs from the one already applied under that number. Nothing was applied.',
  },
  massChange: {
    warning: 'Stop and check: this file would change or delete {{changed}} of the {{register}} people in the register, more than the limit of {{limit}}.',
    confirm: 'I have checked with the sending site: apply this mass change',
  },
  conflicts: {
    none: 'No conflicts.',
    kept: 'Kept “{{value}}” for {{field}} of {{ref}}.',
    mine: 'shown now',
    theirs: 'other value',
    deletionField: 'deleted or kept',
    deletedValue: 'deleted',
    standsValue: 'kept (edited without seeing the delete)',
  },
};
