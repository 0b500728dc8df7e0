import type { foundationContract } from '../../../../shared/ipc/areas/foundation';
import type { Core } from '../../core';
import type { AreaHandlers } from './types';

export function foundationHandlers(core: Core): AreaHandlers<keyof typeof foundationContract> {
  return {
    'app.state': () => core.state(),
    'app.setLocale': ({ locale }) => {
      core.setLocale(locale);
      return null;
    },
    'vault.init': (a) => core.init(a),
    'vault.unlock': (a) => core.unlock(a.operator, a.passphrase),
    'vault.lock': ({ reason }) => {
      core.lock(reason);
      return null;
    },
    'vault.changePassphrase': async ({ current, next }) => {
      await core.changePassphrase(current, next);
      return null;
    },
    'vault.rotateKey': () => {
      core.rotateKey();
      return null;
    },
    'app.status': () => core.status(),
    'operators.list': () => core.listOperators(),
    'operators.add': (a) => core.addOperator(a),
    'operators.disable': ({ id }) => {
      core.disableOperator(id);
      return null;
    },
    'operators.resetPassphrase': async ({ id, passphrase }) => {
      await core.resetPassphrase(id, passphrase);
      return null;
    },
    'settings.update': (patch) => core.updateSettings(patch),
    'audit.list': ({ limit, beforeSeq, filter }) => core.auditList(limit, beforeSeq, filter),
    'audit.verify': () => core.auditVerify(),
  };
}
