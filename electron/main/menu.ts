// A minimal menu built from roles only: no remote content, no "Learn more" links, reload and devtools only in dev.
import type { MenuItemConstructorOptions } from 'electron';

export function menuTemplate(flags: { devTools: boolean }): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (flags.devTools) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  return [{ role: 'fileMenu', submenu: [{ role: 'quit' }] }, { role: 'editMenu' }, { label: 'View', submenu: view }, { role: 'windowMenu' }];
}
