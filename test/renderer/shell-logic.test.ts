import { describe, expect, it } from 'vitest';
import { AREAS, areaShortcut, canSee, visibleAreas } from '../../renderer/src/lib/areas';
import { formatDate, formatDateTime, normaliseSiteCode } from '../../renderer/src/lib/format';
import { isSubmitChord, shellCommandFor, type KeyLike } from '../../renderer/src/lib/keys';
import { filterPalette, moveSelection } from '../../renderer/src/lib/palette';
import { checkNewPassphrase } from '../../renderer/src/lib/passphrase';

const key = (k: Partial<KeyLike> & { key: string }): KeyLike => ({ ctrlKey: false, altKey: false, metaKey: false, shiftKey: false, ...k });

describe('shortcuts', () => {
  it('Ctrl+L locks and Ctrl+K opens the palette, on any keyboard layout', () => {
    expect(shellCommandFor(key({ key: 'l', code: 'KeyL', ctrlKey: true }))).toEqual({ kind: 'lock' });
    expect(shellCommandFor(key({ key: 'д', code: 'KeyL', ctrlKey: true }))).toEqual({ kind: 'lock' });
    expect(shellCommandFor(key({ key: 'k', code: 'KeyK', ctrlKey: true }))).toEqual({ kind: 'palette' });
    expect(shellCommandFor(key({ key: 'l', code: 'KeyL' }))).toBeNull();
    expect(shellCommandFor(key({ key: 'L', code: 'KeyL', ctrlKey: true, shiftKey: true }))).toBeNull();
  });

  it('Alt+0 is the overview (the home screen); Alt+1..9 go to the work areas in their fixed order', () => {
    expect(shellCommandFor(key({ key: '0', code: 'Digit0', altKey: true }))).toEqual({ kind: 'area', area: 'dashboard' });
    expect(shellCommandFor(key({ key: '1', code: 'Digit1', altKey: true }))).toEqual({ kind: 'area', area: 'register' });
    expect(shellCommandFor(key({ key: '8', code: 'Digit8', altKey: true }))).toEqual({ kind: 'area', area: 'operators' });
    expect(shellCommandFor(key({ key: '9', code: 'Digit9', altKey: true }))).toEqual({ kind: 'area', area: 'conflicts' });
    expect(shellCommandFor(key({ key: 'a', code: 'KeyA', altKey: true }))).toBeNull();
    expect(areaShortcut('dashboard')).toBe('Alt+0');
    expect(areaShortcut('audit')).toBe('Alt+6');
    expect(areaShortcut('conflicts')).toBe('Alt+9');
    expect(AREAS[0]).toBe('dashboard');
  });

  it('Ctrl+Enter submits; plain Enter is left to the form', () => {
    expect(isSubmitChord(key({ key: 'Enter', ctrlKey: true }))).toBe(true);
    expect(isSubmitChord(key({ key: 'Enter' }))).toBe(false);
  });
});

describe('areas by role', () => {
  it('only admins see Operators; admins and coordinators see Audit', () => {
    expect(visibleAreas('admin')).toEqual([...AREAS]);
    expect(canSee('coordinator', 'audit')).toBe(true);
    expect(canSee('coordinator', 'operators')).toBe(false);
    expect(visibleAreas('analyst')).not.toContain('operators');
    expect(visibleAreas('analyst')).not.toContain('audit');
    expect(visibleAreas('viewer')).toContain('settings');
  });
});

describe('formatters', () => {
  it('site codes are coerced to Latin capitals, digits and hyphens', () => {
    expect(normaliseSiteCode('kyiv-hq')).toBe('KYIV-HQ');
    expect(normaliseSiteCode('lviv 2_офіс')).toBe('LVIV2');
  });

  it('dates in one unambiguous form', () => {
    const iso = new Date(2026, 10, 26, 9, 5, 7).toISOString();
    expect(formatDate(iso)).toBe('2026-11-26');
    expect(formatDateTime(iso)).toBe('2026-11-26 09:05:07');
    expect(formatDate('not a date')).toBe('not a date');
  });
});

describe('command palette', () => {
  const items = [
    { id: 'a', label: 'Перейти: Оператори' },
    { id: 'b', label: 'Перейти: Журнал' },
    { id: 'c', label: 'Заблокувати робоче місце' },
  ];
  it('every typed word must appear, in any case and order', () => {
    expect(filterPalette(items, 'опер').map((i) => i.id)).toEqual(['a']);
    expect(filterPalette(items, 'журнал перейти').map((i) => i.id)).toEqual(['b']);
    expect(filterPalette(items, '  ')).toHaveLength(3);
    expect(filterPalette(items, 'xyz')).toHaveLength(0);
  });
  it('arrow keys wrap', () => {
    expect(moveSelection(0, -1, 3)).toBe(2);
    expect(moveSelection(2, 1, 3)).toBe(0);
    expect(moveSelection(0, 1, 0)).toBe(0);
  });
});

describe('new passphrase check', () => {
  it('refuses weak ones with the shared reasons, then checks the confirmation', () => {
    expect(checkNewPassphrase('short', 'short', []).problem).toEqual({
      messageKey: 'setup.weak',
      details: { reasons: ['passphrase.tooShort', 'passphrase.tooGuessable'] },
    });
    expect(checkNewPassphrase('вишня-гора-мідний-ліхтар-42', 'інша', []).problem).toEqual({ messageKey: 'setup.mismatch' });
    expect(checkNewPassphrase('вишня-гора-мідний-ліхтар-42', 'вишня-гора-мідний-ліхтар-42', []).problem).toBeNull();
  });
});
