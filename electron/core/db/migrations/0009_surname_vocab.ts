import { fillSurnameVocab } from '../../register/surnameVocab';
import type { Migration } from './types';

/**
 * The surname vocabulary for retrieval that survives errors (electron/core/register/surnameVocab.ts): 'f:' + a
 * registered surname skeleton with up to two letters deleted → that skeleton. Derived, not replicated; filled here
 * from the name keys of the people already registered.
 */
export const m0009: Migration = {
  version: 9,
  name: 'surname_vocab',
  up: (db) => {
    db.exec('CREATE TABLE surname_vocab (key TEXT NOT NULL, base TEXT NOT NULL, PRIMARY KEY (key, base)) WITHOUT ROWID');
    fillSurnameVocab(db);
  },
};
