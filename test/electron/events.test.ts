import { describe, it, expect, vi } from 'vitest';
import { createEventForwarder, eventChannel } from '../../electron/main/events';

function target(destroyed = false) {
  return { send: vi.fn(), isDestroyed: () => destroyed };
}

describe('createEventForwarder', () => {
  it('sends contract events on the prefixed event channel to live windows', () => {
    const live = target();
    const dead = target(true);
    createEventForwarder(() => [live, dead])('locked', { reason: 'idle' });
    expect(live.send).toHaveBeenCalledWith('obmin:event:locked', { reason: 'idle' });
    expect(dead.send).not.toHaveBeenCalled();
    expect(eventChannel('progress')).toBe('obmin:event:progress');
  });

  it('drops unknown names and malformed payloads', () => {
    const live = target();
    const emit = createEventForwarder(() => [live]);
    emit('secrets', { key: 'x' });
    emit('__proto__', {});
    emit('locked', { reason: 'because' });
    emit('progress', { taskId: 't' });
    expect(live.send).not.toHaveBeenCalled();
  });

  it('strips fields the contract does not name', () => {
    const live = target();
    createEventForwarder(() => [live])('locked', { reason: 'manual', key: 'deadbeef' });
    expect(live.send).toHaveBeenCalledWith('obmin:event:locked', { reason: 'manual' });
  });
});
