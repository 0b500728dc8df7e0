import type { exchangesContract } from '../../../../shared/ipc/areas/exchanges';
import { can, type Permission } from '../../../../shared/domain/roles';
import type { Core } from '../../core';
import {
  addEntries,
  agreeAnswer,
  cancelRound,
  closeRound,
  completeTask,
  createRound,
  dashboard,
  entryPage,
  freezeProposal,
  getProposal,
  listRounds,
  listTasks,
  markEntry,
  recordAnswer,
  recordArrival,
  reopenRound,
  roundDetail,
  undoLastMark,
  updateRound,
  withdrawEntry,
} from '../../exchanges';
import { searchPersons } from '../../register/search';
import { Writer } from '../../db/write';
import type { Db } from '../../vault/database';
import type { AreaHandlers } from './types';

/** Ids of everyone a register search finds, page by page (the search answers at most 1 000 rows a call). */
function searchIds(db: Db, query: string, filters: Parameters<typeof searchPersons>[1]['filters'], limit: number): string[] {
  const ids: string[] = [];
  while (ids.length < limit) {
    const page = searchPersons(db, { query, filters, offset: ids.length, limit: Math.min(1000, limit - ids.length) });
    ids.push(...page.rows.map((r) => r.id));
    if (page.rows.length === 0 || ids.length >= page.total) break;
  }
  return ids;
}

function listPeople(db: Db, listId: string): string[] {
  return db
    .prepare(
      "SELECT DISTINCT decided_person_id FROM intake_entries WHERE list_id = ? AND decision IN ('linked','created') AND decided_person_id IS NOT NULL ORDER BY row_no",
    )
    .pluck()
    .all(listId) as string[];
}

/** Exchange rounds: viewers read; coordinators and admins build, freeze, agree, close and cancel; field teams mark. */
export function exchangesHandlers(core: Core): AreaHandlers<keyof typeof exchangesContract> {
  const write = <T>(permission: Permission, fn: (w: Writer) => T): T => {
    const s = core.require(permission);
    const w = new Writer(s.db, s.operator.id);
    return s.db.transaction(() => fn(w))();
  };
  const read = () => core.require('register.read').db;
  return {
    'exchanges.list': () => listRounds(read()),
    'exchanges.get': ({ id, pageSize }) => roundDetail(read(), id, pageSize),
    'exchanges.entries': ({ roundId, direction, offset, limit }) => entryPage(read(), roundId, direction, offset, limit),
    'exchanges.create': (a) => write('exchanges.write', (w) => createRound(w, a)),
    'exchanges.update': ({ id, patch }) => write('exchanges.write', (w) => updateRound(w, id, patch)),
    'exchanges.cancel': ({ id }) => write('exchanges.decide', (w) => cancelRound(w, id)),
    'exchanges.reopen': ({ id }) => write('exchanges.decide', (w) => reopenRound(w, id)),
    'exchanges.add': ({ roundId, direction, personIds }) => write('exchanges.write', (w) => addEntries(w, roundId, direction, personIds)),
    'exchanges.addFromSearch': ({ roundId, direction, query, filters, limit }) =>
      write('exchanges.write', (w) => {
        const ids = searchIds(w.db, query, filters, limit);
        return ids.length ? addEntries(w, roundId, direction, ids) : { added: 0 };
      }),
    'exchanges.addFromList': ({ roundId, direction, listId }) =>
      write('exchanges.write', (w) => {
        const ids = listPeople(w.db, listId);
        return ids.length ? addEntries(w, roundId, direction, ids) : { added: 0 };
      }),
    'exchanges.withdraw': ({ entryId }) =>
      write('exchanges.write', (w) => {
        withdrawEntry(w, entryId);
        return null;
      }),
    'exchanges.freeze': ({ roundId, mediator }) => write('exchanges.decide', (w) => freezeProposal(w, roundId, mediator)),
    'exchanges.answer': (a) => write('exchanges.write', (w) => recordAnswer(w, a.roundId, a)),
    'exchanges.agree': ({ roundId, decisions }) => write('exchanges.decide', (w) => agreeAnswer(w, roundId, decisions)),
    'exchanges.proposal': ({ id }) => getProposal(read(), id),
    'exchanges.mark': ({ entryId, state }) => write('exchanges.handover', (w) => markEntry(w, entryId, state)),
    'exchanges.undoMark': ({ roundId }) => write('exchanges.handover', (w) => undoLastMark(w, roundId)),
    'exchanges.arrival': (a) => {
      // Creating someone on the spot writes the register as well.
      if ('person' in a) core.require('register.write');
      return write('exchanges.handover', (w) => recordArrival(w, a.roundId, a));
    },
    'exchanges.close': ({ id }) => write('exchanges.decide', (w) => closeRound(w, id)),
    'exchanges.tasks': ({ open, limit }) => {
      const s = core.require('register.read');
      return listTasks(s.db, { open, limit, withFamily: can(s.operator.role, 'family.read') });
    },
    'exchanges.taskDone': (a) => write('family.write', (w) => completeTask(w, a)),
    'dashboard.get': () => dashboard(read()),
  };
}
