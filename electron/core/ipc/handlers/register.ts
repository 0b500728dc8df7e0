import crypto from 'node:crypto';
import type { registerContract } from '../../../../shared/ipc/areas/register';
import { can } from '../../../../shared/domain/roles';
import { visibleToRole } from '../../../../shared/register/sensitivity';
import type { Core } from '../../core';
import { fillDemo, fillEmptyWithDemo } from '../../demo/demo';
import { personDetail } from '../../register/detail';
import { exportPersons } from '../../register/export';
import { applyImport, previewImport } from '../../register/import';
import { changeStatus, createPerson, deletePerson, findPersonByRefOrId, updatePerson } from '../../register/persons';
import { ObminError } from '../../../../shared/errors';
import { addAttachment, getAttachment } from '../../register/attachments';
import { addRelative, logContact, updateRelative } from '../../register/relatives';
import { addSighting } from '../../register/sightings';
import { createSource, listSources } from '../../register/sources';
import { searchPersons } from '../../register/search';
import { dismissDuplicate, findDuplicates } from '../../register/duplicates';
import { mergePersons } from '../../register/merge';
import { Writer } from '../../db/write';
import type { Permission } from '../../../../shared/domain/roles';
import type { AreaHandlers } from './types';

/** The register's handlers: each checks its permission, then writes through one Writer in one transaction. */
export function registerHandlers(core: Core): AreaHandlers<keyof typeof registerContract> {
  const write = <T>(permission: Permission, fn: (w: Writer) => T): T => {
    const s = core.require(permission);
    const w = new Writer(s.db, s.operator.id);
    return s.db.transaction(() => fn(w))();
  };
  return {
    'persons.search': (a) => searchPersons(core.require('register.read').db, a),
    'persons.get': ({ id }) => {
      const s = core.require('register.read');
      return personDetail(s.db, id, can(s.operator.role, 'family.read'));
    },
    'persons.find': ({ refOrId }) => {
      const s = core.require('register.read');
      const p = findPersonByRefOrId(s.db, refOrId);
      if (!p) throw new ObminError('NOT_FOUND', { what: refOrId });
      return personDetail(s.db, p.id, can(s.operator.role, 'family.read'));
    },
    // What a write answers is filtered like a read: an analyst may write a person but not see their family fields.
    'persons.create': (a) =>
      visibleToRole(
        write('register.write', (w) => createPerson(w, a)),
        core.require().operator.role,
      ),
    'persons.update': ({ id, patch }) =>
      visibleToRole(
        write('register.write', (w) => updatePerson(w, id, patch).person),
        core.require().operator.role,
      ),
    'persons.changeStatus': (a) => write('register.write', (w) => changeStatus(w, a)),
    'persons.delete': ({ id }) =>
      write('register.write', (w) => {
        deletePerson(w, id);
        return null;
      }),
    'persons.duplicates': ({ cursor, limit }) => findDuplicates(core.require('register.read').db, { cursor, limit }),
    'persons.notDuplicate': ({ a, b }) => {
      const s = core.require('register.write');
      dismissDuplicate(s.db, s.operator.id, a, b);
      return null;
    },
    'persons.merge': ({ keepId, mergeId }) => {
      // A merge re-links family records too: only roles that may write them (not analysts) merge people.
      core.require('family.write');
      const s = core.require('register.write');
      return mergePersons(s.db, s.operator.id, keepId, mergeId);
    },
    'sources.create': (a) => write('register.write', (w) => createSource(w, a)),
    'sources.list': ({ limit, offset }) => listSources(core.require('register.read').db, limit, offset),
    'sightings.add': (a) => write('register.write', (w) => addSighting(w, a)),
    'relatives.add': (a) => write('family.write', (w) => addRelative(w, a)),
    'relatives.update': ({ id, patch }) => write('family.write', (w) => updateRelative(w, id, patch)),
    'relatives.logContact': (a) => write('family.write', (w) => logContact(w, a)),
    'attachments.add': ({ dataBase64, thumbBase64, ...a }) =>
      write('register.write', (w) =>
        addAttachment(w, { ...a, bytes: Buffer.from(dataBase64, 'base64'), thumb: thumbBase64 ? Buffer.from(thumbBase64, 'base64') : null }),
      ),
    'attachments.get': ({ id, thumb }) => {
      const r = getAttachment(core.require('register.read').db, id, thumb);
      return { attachment: r.attachment, dataBase64: r.bytes.toString('base64') };
    },
    // The window sends bytes only (the contract has no path): parsed from memory, never written to disk in plaintext.
    'persons.importPreview': ({ fileName, dataBase64, ...rest }) =>
      previewImport(core.require('register.import').db, { ...rest, fileName, bytes: Buffer.from(dataBase64, 'base64') }),
    'persons.importApply': (a) => {
      const s = core.require('register.import');
      const taskId = a.taskId ?? crypto.randomUUID();
      return applyImport(s.db, s.operator.id, a, (done, total) => core.emit('progress', { taskId, phase: 'register.import', done, total }));
    },
    'persons.export': (a) => {
      const s = core.require('register.export');
      return exportPersons(s.db, s.operator.id, a);
    },
    'demo.fill': ({ count }) => {
      const s = core.require('register.import');
      return fillEmptyWithDemo(s.db, s.operator.id, count);
    },
    'demo.generate': ({ count }) => {
      const s = core.require('register.write');
      return fillDemo(s.db, s.operator.id, { count });
    },
  };
}
