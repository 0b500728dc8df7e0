import { describe, expect, it } from 'vitest';
import { outcomeKey, requestFor } from '../../renderer/src/areas/manifest/PrintButtons';
import { createI18n } from '../../renderer/src/i18n';

describe('print buttons', () => {
  it('a manifest carries the chosen variant and lists; a dossier or a list report is just its target', () => {
    expect(requestFor({ kind: 'manifest', exchange: 68 }, 'mediator', 'give')).toEqual({
      kind: 'manifest',
      exchange: 68,
      variant: 'mediator',
      direction: 'give',
    });
    expect(requestFor({ kind: 'dossier', personId: 'p1' }, 'full', 'both')).toEqual({ kind: 'dossier', personId: 'p1' });
  });
  it('says what happened, with the code, in both languages; a cancelled dialog says nothing was recorded', () => {
    const o = { done: true, code: 'R68-AAAA-BBBB-CCCC-DDDD', pages: 4 };
    const uk = createI18n('uk');
    const en = createI18n('en');
    expect(uk.t(outcomeKey('print', o), o)).toBe('Надруковано: сторінок 4, код R68-AAAA-BBBB-CCCC-DDDD');
    expect(en.t(outcomeKey('save', o), o)).toBe('Saved: 4 pages, code R68-AAAA-BBBB-CCCC-DDDD');
    expect(en.t(outcomeKey('print', { done: false, code: null, pages: null }))).toBe('Cancelled — nothing was recorded.');
  });
});
