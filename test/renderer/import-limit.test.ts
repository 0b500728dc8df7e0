// The window refuses a file before reading it by the core's own limit for its kind: one fact, in shared/register.
import { describe, expect, it } from 'vitest';
import { IMPORT_MAX_BYTES } from '../../shared/register';
import { importMaxBytes } from '../../renderer/src/areas/register/import/api';
import { createI18n } from '../../renderer/src/i18n';

describe('register import size limit in the window', () => {
  it('is the core limit of the file kind', () => {
    expect(importMaxBytes('people.XLSX')).toBe(IMPORT_MAX_BYTES.xlsx);
    expect(importMaxBytes('people.csv')).toBe(IMPORT_MAX_BYTES.csv);
    expect(importMaxBytes('people.txt')).toBe(IMPORT_MAX_BYTES.csv);
  });
  it('names the limit it applied, in both languages', () => {
    for (const lng of ['uk', 'en'] as const) {
      const i18n = createI18n(lng);
      expect(i18n.t('register.importer.tooLarge', { size: 120, limit: 100 })).toMatch(/120.*100/);
      expect(i18n.t('register.attach.tooLarge', { size: 25, limit: 20 })).toMatch(/25.*20/);
    }
  });
});
