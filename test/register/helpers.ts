import type { Core } from '../../electron/core';
import { Writer } from '../../electron/core/db/write';

export function writer(core: Core): Writer {
  const s = core.require();
  return new Writer(s.db, s.operator.id);
}

export function tx<T>(core: Core, fn: (w: Writer) => T): T {
  const w = writer(core);
  return core.require().db.transaction(() => fn(w))();
}
