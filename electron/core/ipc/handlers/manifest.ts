import type { manifestContract } from '../../../../shared/ipc/areas/manifest';
import type { Core } from '../../core';
import { checkCode, makeDocument, outputDocument, toPdfDocument } from '../../manifest';
import type { AreaHandlers } from './types';

/** Anyone who may read the register may print from it (field teams print manifests); each output is audited. */
export function manifestHandlers(core: Core): AreaHandlers<keyof typeof manifestContract> {
  return {
    'manifest.render': async ({ request }) => toPdfDocument(await makeDocument(core.require('register.read').db, request)),
    'manifest.output': async ({ request, action }) => {
      const s = core.require('register.read');
      return toPdfDocument(await outputDocument(s.db, s.operator.id, request, action));
    },
    'manifest.check': ({ code }) => checkCode(core.require('register.read').db, code),
  };
}
