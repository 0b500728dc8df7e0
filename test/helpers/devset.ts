import path from 'node:path';

/** The matcher's development set lives in the read-only shared/ folder beside the repository (as in CI). */
export const DEV_DIR = path.resolve(__dirname, '../../../shared/data/matching-dev');
export const DEV_PERSONS = path.join(DEV_DIR, 'persons.csv');
