// The main process's removable-media glue: the page never sends a path; it gets main's dialog or its last pick.
import { describe, expect, it, vi } from 'vitest';
import { withMediaDialogs } from '../../electron/main/media';
import { MEDIA } from '../../shared/transfer/schemas';

function setup(open: string | null = '/media/usb/a.obmin', folder: string | null = '/media/usb') {
  const handle = vi.fn(async (channel: string, args: unknown) => ({ ok: true as const, value: { channel, args } }));
  const dialogs = { openFile: vi.fn(async () => open), pickFolder: vi.fn(async () => folder) };
  return { router: withMediaDialogs({ handle }, dialogs), handle, dialogs };
}

describe('removable media in the window', () => {
  it('fills the path from its own dialogs; a path from the page is refused and never reaches the core', async () => {
    const { router, handle, dialogs } = setup();
    expect(await router.handle('transfer.import', { file: '/etc/passwd', dryRun: true })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(await router.handle('transfer.export', { to: ['HQ'], file: MEDIA.open })).toMatchObject({ ok: false });
    expect(handle).not.toHaveBeenCalled();
    await router.handle('transfer.verify', { file: MEDIA.open });
    expect(handle).toHaveBeenLastCalledWith('transfer.verify', { file: '/media/usb/a.obmin' });
    await router.handle('transfer.import', { file: MEDIA.last, dryRun: false });
    expect(handle).toHaveBeenLastCalledWith('transfer.import', { file: '/media/usb/a.obmin', dryRun: false });
    expect(dialogs.openFile).toHaveBeenCalledTimes(1);
    await router.handle('transfer.export', { to: ['HQ'], file: MEDIA.folder });
    expect(handle).toHaveBeenLastCalledWith('transfer.export', { to: ['HQ'], file: '/media/usb' });
    await router.handle('register.search', { query: 'x' });
    expect(handle).toHaveBeenLastCalledWith('register.search', { query: 'x' });
  });

  it('a cancelled dialog and a "last" with nothing picked stop before the core', async () => {
    const { router, handle } = setup(null, null);
    expect(await router.handle('transfer.import', { file: MEDIA.last })).toMatchObject({ ok: false, error: { messageKey: 'transfer.cancelled' } });
    expect(await router.handle('transfer.verify', { file: MEDIA.open })).toMatchObject({ ok: false, error: { messageKey: 'transfer.cancelled' } });
    expect(handle).not.toHaveBeenCalled();
  });
});
