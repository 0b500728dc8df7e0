// The area tables' keys (Lists, Exchanges): arrows move and stop at the ends, Enter opens, other keys pass through.
import { describe, expect, it } from 'vitest';
import { tableKeyAction } from '../../renderer/src/lib/keys';

describe('tableKeyAction', () => {
  it('moves within the table without wrapping, opens on Enter and ignores the rest', () => {
    expect(tableKeyAction('ArrowDown', 0, 3)).toBe(1);
    expect(tableKeyAction('ArrowDown', 2, 3)).toBe(2);
    expect(tableKeyAction('ArrowUp', 0, 3)).toBe(0);
    expect(tableKeyAction('ArrowUp', 2, 3)).toBe(1);
    expect(tableKeyAction('Enter', 1, 3)).toBe('open');
    expect(tableKeyAction('a', 1, 3)).toBeNull();
    expect(tableKeyAction('Enter', 0, 0)).toBeNull();
  });
});
