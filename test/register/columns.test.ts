// The persons column list has one home (the shared schema); the write path, import and the database agree with it.
import { describe, expect, it } from 'vitest';
import { TABLES } from '../../shared/replication/tables';
import { HEIGHT_CM, IMPORT_COLUMNS, PERSON_COLUMNS, PersonFields } from '../../shared/register';
import { INDEXED_PERSON_FIELDS } from '../../electron/core/register/indexes';
import { initCore } from '../helpers/tmp';

describe('persons columns', () => {
  it('are the schema fields in snake_case, and exactly the writable columns of the real persons table', async () => {
    expect(PERSON_COLUMNS.slice(0, 3)).toEqual(['ref', 'surname', 'given_name']);
    expect(PERSON_COLUMNS).toHaveLength(Object.keys(PersonFields.shape).length);
    const core = await initCore();
    const cols = (core.require().db.prepare('PRAGMA table_info(persons)').all() as { name: string }[]).map((c) => c.name);
    const writable = cols.filter((c) => !['id', 'updated_at', 'deleted', 'created_at'].includes(c));
    expect([...PERSON_COLUMNS].sort()).toEqual(writable.sort());
    expect(TABLES.persons).toEqual([...PERSON_COLUMNS, 'created_at']);
    expect(IMPORT_COLUMNS).toBe(PERSON_COLUMNS);
    for (const f of INDEXED_PERSON_FIELDS) expect(PERSON_COLUMNS).toContain(f);
    core.lock('manual');
  });

  it('takes the height range from one place', () => {
    const height = PersonFields.shape.heightCm;
    expect(height.safeParse(HEIGHT_CM.min).success).toBe(true);
    expect(height.safeParse(HEIGHT_CM.max).success).toBe(true);
    expect(height.safeParse(HEIGHT_CM.min - 1).success).toBe(false);
    expect(height.safeParse(HEIGHT_CM.max + 1).success).toBe(false);
  });
});
