import type { manifestContract } from '../../../../shared/ipc/areas/manifest';
import type { Core } from '../../core';
import { checkCode, makeDocument, outputDocument, toPdfDocument } from '../../manifest';
import type { AreaHandlers } from './types';
import { ObminError } from '../../../../shared/errors';

const windowOnly = (): never => {
  throw new ObminError('USAGE', { detail: 'print and save need the desktop window' });
};

/** Anyone who may read the register may print from it (field teams print manifests); each output is audited. */
export function manifestHandlers(core: Core): AreaHandlers<keyof typeof manifestContract> {
  return {
    'manifest.render': async ({ request }) => toPdfDocument(await makeDocument(core.require('register.read').db, request)),
    'manifest.output': async ({ request, action }) => {
      const s = core.require('register.read');
      return toPdfDocument(await outputDocument(s.db, s.operator.id, request, action));
    },
    'manifest.check': ({ code }) => checkCode(core.require('register.read').db, code),
    // Printing needs a window: the Electron main process answers these before they reach the core.
    'manifest.preview': windowOnly,
    'manifest.print': windowOnly,
    'manifest.save': windowOnly,
  };
}
