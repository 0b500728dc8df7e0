import crypto from 'node:crypto';
import type { listsContract } from '../../../../shared/ipc/areas/lists';
import type { Core } from '../../core';
import {
  acceptAllSuggested,
  decideEntry,
  getList,
  importList,
  listEntries,
  listLists,
  matchEntries,
  readIntakeBytes,
  readText,
  setListStatus,
  warmRegisterCache,
} from '../../lists';
import type { AreaHandlers } from './types';

/** Intake lists: reading needs register.read; importing and deciding lists.write. */
export function listsHandlers(core: Core): AreaHandlers<keyof typeof listsContract> {
  return {
    'lists.list': ({ limit, offset }) => {
      const db = core.require('register.read').db;
      // Opening the Lists area warms the matching cache in the background: the first list then matches at warm speed.
      void warmRegisterCache(db).catch(() => undefined);
      return listLists(db, limit, offset);
    },
    'lists.get': ({ id }) => getList(core.require('register.read').db, id),
    'lists.entries': ({ listId, limit, offset }) => listEntries(core.require('register.read').db, listId, offset, limit),
    'lists.import': async ({ input, taskId, ...meta }) => {
      const s = core.require('lists.write');
      const read =
        'text' in input
          ? { rows: readText(input.text), sha256: null, name: null }
          : { ...(await readIntakeBytes(input.filename, Buffer.from(input.dataBase64, 'base64'))), name: input.filename };
      const task = taskId ?? crypto.randomUUID();
      return importList(s.db, s.operator.id, { ...meta, fileName: read.name, fileSha256: read.sha256 }, read.rows, (done, total) =>
        core.emit('progress', { taskId: task, phase: 'lists.import', done, total }),
      );
    },
    'lists.match': async ({ input }) => {
      const db = core.require('register.read').db;
      const rows = 'text' in input ? readText(input.text) : (await readIntakeBytes(input.filename, Buffer.from(input.dataBase64, 'base64'))).rows;
      const matches = matchEntries(
        db,
        rows.map((r) => r.parsed),
      );
      return rows.map((r, i) => ({ row: r.row, suggestion: matches[i]!.suggestion, candidates: matches[i]!.candidates, problems: r.parsed.problems }));
    },
    'lists.decide': ({ entryId, decision }) => {
      const s = core.require('lists.write');
      return decideEntry(s.db, s.operator.id, entryId, decision);
    },
    'lists.acceptSuggested': ({ listId }) => {
      const s = core.require('lists.write');
      return acceptAllSuggested(s.db, s.operator.id, listId);
    },
    'lists.setStatus': ({ listId, status }) => {
      const s = core.require('lists.write');
      return setListStatus(s.db, s.operator.id, listId, status);
    },
  };
}
