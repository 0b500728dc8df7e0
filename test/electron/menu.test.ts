import { describe, it, expect } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { menuTemplate } from '../../electron/main/menu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

describe('application menu', () => {
  it('has no links, no click handlers, only roles', () => {
    for (const item of flatten(menuTemplate({ devTools: true }))) {
      expect(item.click).toBeUndefined();
      expect(item.role ?? item.type ?? item.submenu).toBeDefined();
    }
  });

  it('offers reload and devtools only in development', () => {
    const roles = (devTools: boolean) => flatten(menuTemplate({ devTools })).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toContain('toggleDevTools');
  });
});
