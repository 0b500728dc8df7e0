import type { Migration } from './types';

/** The register sorts names in Ukrainian alphabetical order (`uk_sort`, registered on every connection by openDatabase). */
export const m0005: Migration = {
  version: 5,
  name: 'uk_sort',
  up: (db) => {
    db.exec(`
      CREATE INDEX persons_surname_uk ON persons (deleted, uk_sort(surname));
      CREATE INDEX persons_given_uk ON persons (deleted, uk_sort(given_name));
    `);
  },
};
