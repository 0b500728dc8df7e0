import { describe, expect, it } from 'vitest';
import { readValue, VALUE_COLUMNS } from '../../shared/register';
import { registerEn } from '../../renderer/src/i18n/register.en';
import { registerUk } from '../../renderer/src/i18n/register.uk';

const CATALOGUE = { side: 'side', category: 'category', status: 'status', icrc_status: 'icrc', sex: 'sex' } as const;

describe('closed vocabularies in an import', () => {
  it('read every word the window shows, in both languages, as its code', () => {
    for (const col of VALUE_COLUMNS) {
      for (const messages of [registerUk, registerEn]) {
        const labels = messages[CATALOGUE[col]] as Record<string, string>;
        for (const [code, label] of Object.entries(labels)) expect(readValue(col, label), `${col}: ${label}`).toBe(code);
      }
    }
  });
  it('ignore case, spacing and underscores, and refuse what is not a word of the column', () => {
    expect(readValue('status', '  Зник   Безвісти ')).toBe('missing');
    expect(readValue('status', 'captivity_confirmed')).toBe('captivity_confirmed');
    expect(readValue('category', 'ПІЛОТ')).toBeNull();
    expect(readValue('side', 'missing')).toBeNull();
  });
});
