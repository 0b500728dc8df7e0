// The layer rule is enforced by lint, not memory: prove that a crossing import fails and a legal one passes.
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function ruleIds(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? 'parse');
}

describe('layer boundaries', () => {
  it('the renderer cannot import the core', async () => {
    expect(await ruleIds('renderer/src/x.ts', "import { createCore } from '../../electron/core';\nexport const x = createCore;\n")).toContain(
      'boundaries/dependencies',
    );
  });
  it('shared cannot import Node or the renderer', async () => {
    const ids = await ruleIds('shared/x.ts', "import fs from 'node:fs';\nimport { App } from '../renderer/src/App';\nexport const x = [fs, App];\n");
    expect(ids).toContain('no-restricted-imports');
    expect(ids).toContain('boundaries/dependencies');
  });
  it('the core never imports electron, nor the main process', async () => {
    const ids = await ruleIds(
      'electron/core/x.ts',
      "import { app } from 'electron';\nimport { createWindowOptions } from '../main/window';\nexport const x = [app, createWindowOptions];\n",
    );
    expect(ids).toContain('no-restricted-imports');
    expect(ids).toContain('boundaries/dependencies');
  });
  it('the CLI cannot reach the main process; it may use the core', async () => {
    expect(await ruleIds('electron/cli/x.ts', "import { createWindowOptions } from '../main/window';\nexport const x = createWindowOptions;\n")).toContain(
      'boundaries/dependencies',
    );
    expect(await ruleIds('electron/cli/y.ts', "import { createCore } from '../core';\nexport const y = createCore;\n")).toEqual([]);
  });
  it('the CLI reaches the core only through its front door (electron/core/index.ts)', async () => {
    expect(
      await ruleIds('electron/cli/commands/z.ts', "import { searchPersons } from '../../core/register/search';\nexport const z = searchPersons;\n"),
    ).toContain('no-restricted-imports');
    expect(await ruleIds('electron/cli/z.ts', "import { Core } from '../core/core';\nexport const z = Core;\n")).toContain('no-restricted-imports');
    expect(await ruleIds('electron/cli/commands/w.ts', "import { createRouter } from '../../core/index';\nexport const w = createRouter;\n")).toEqual([]);
  });
  it('the core write path (core/db) cannot import a feature such as the register', async () => {
    expect(
      await ruleIds('electron/core/db/x.ts', "import { refreshPersonIndexes } from '../register/indexes';\nexport const x = refreshPersonIndexes;\n"),
    ).toContain(RESTRICTED);
    expect(await ruleIds('electron/core/db/y.ts', "import { appendAudit } from '../audit/audit';\nexport const y = appendAudit;\n")).toEqual([]);
  });
});

// Inside the core each layer imports only those below it (CORE_LAYERS in eslint.config.mjs): one bad and one good
// import per layer, so a rule that stops matching fails here.
const RESTRICTED = '@typescript-eslint/no-restricted-imports';
const use = (name: string, from: string) => `import { ${name} } from '${from}';\nexport const x = ${name};\n`;

describe('core layers', () => {
  it.each([
    // base: the connection and its session name a type from above, never call it
    ['electron/core/db/session.ts', use('appendAudit', '../audit/audit')],
    ['electron/core/vault/database.ts', use('isSealed', './family')],
    ['electron/core/files/table.ts', use('Writer', '../db/write')],
    // keys: not login, not audit
    ['electron/core/vault/family.ts', use('lockVault', './vault')],
    ['electron/core/vault/keyslots.ts', use('appendAudit', '../audit/audit')],
    // audit: not the write path
    ['electron/core/audit/audit.ts', use('Writer', '../db/write')],
    // the write path: no feature, no login, not replication's merge
    ['electron/core/db/write.ts', use('refreshPersonIndexes', '../register/indexes')],
    ['electron/core/db/write.ts', use('lockVault', '../vault/vault')],
    ['electron/core/db/write.ts', use('applyChanges', '../replication/apply')],
    ['electron/core/replication/kept.ts', use('applyChanges', './apply')],
    ['electron/core/replication/kept.ts', use('migrate', '../db/migrations')],
    // migrations: not login, not the door
    ['electron/core/db/migrations/0099_x.ts', use('lockVault', '../../vault/vault')],
    ['electron/core/db/migrations/0099_x.ts', use('createRouter', '../../ipc/router')],
    // login: no feature (family sealing runs the tables' hooks instead)
    ['electron/core/vault/familySeal.ts', use('refreshPersonIndexes', '../register/indexes')],
    ['electron/core/operators/operators.ts', use('searchPersons', '../register/search')],
    // the register: not the features built on it (lists, exchanges, transfer…)
    ['electron/core/register/duplicates.ts', use('candidateViews', '../lists/lists')],
    ['electron/core/register/x.ts', use('exportChanges', '../transfer/exportFile')],
    // features: not the session holder, the door or the worker
    ['electron/core/register/x.ts', use('Core', '../core')],
    ['electron/core/lists/x.ts', use('createRouter', '../ipc/router')],
    ['electron/core/replication/apply.ts', use('startWorker', '../worker/host')],
    // the holder and the door: not the worker or the front door
    ['electron/core/core.ts', use('createRouter', './ipc/router')],
    ['electron/core/ipc/handlers/x.ts', use('startWorker', '../../worker/host')],
    ['electron/core/ipc/router.ts', use('createCore', '..')],
  ])('%s may not: %s', async (file, code) => {
    expect(await ruleIds(file, code)).toContain(RESTRICTED);
  });

  it.each([
    ['electron/core/db/session.ts', "import type { AuditSigner } from '../audit/signing';\nexport type X = AuditSigner;\n"],
    ['electron/core/vault/keyslots.ts', use('openDatabase', './database')],
    ['electron/core/audit/audit.ts', use('openDatabase', '../vault/database')],
    ['electron/core/db/write.ts', use('takeKept', '../replication/kept')],
    ['electron/core/db/write.ts', use('sealValues', '../vault/family')],
    ['electron/core/replication/apply.ts', use('takeKept', './kept')],
    ['electron/core/db/migrations/0099_x.ts', use('addSurnameVocab', '../../register/surnameVocab')],
    ['electron/core/vault/familySeal.ts', use('runAfterWrite', '../db/afterWrite')],
    ['electron/core/vault/vault.ts', use('migrate', '../db/migrations')],
    ['electron/core/lists/x.ts', use('candidateViews', '../register/matchable')],
    ['electron/core/lists/x.ts', use('foldHeader', '../files')],
    ['electron/core/exchanges/x.ts', use('matchEntries', '../lists')],
    ['electron/core/ipc/handlers/x.ts', use('searchPersons', '../../register/search')],
    ['electron/core/ipc/handlers/y.ts', "import type { Core } from '../../core';\nexport type X = Core;\n"],
    ['electron/core/core.ts', use('TABLE_HOOKS', './tables')],
    ['electron/core/index.ts', use('createRouter', './ipc/router')],
    ['electron/core/worker/entry.ts', use('createRouter', '../ipc/router')],
  ])('%s may: %s', async (file, code) => {
    expect(await ruleIds(file, code)).toEqual([]);
  });
});

describe('layer boundaries (processes)', () => {
  it('main may use core and shared', async () => {
    expect(
      await ruleIds(
        'electron/main/y.ts',
        "import { createCore } from '../core';\nimport { CHANNELS } from '../../shared/ipc/contract';\nexport const y = [createCore, CHANNELS];\n",
      ),
    ).toEqual([]);
  });
});

describe('every core file has a layer', () => {
  it('is classified by CORE_LAYERS (a new folder or root file must be placed before it is linted)', async () => {
    const files = fs
      .readdirSync(path.join(root, 'electron/core'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => `electron/core/${f.split(path.sep).join('/')}`);
    expect(files.length).toBeGreaterThan(50);
    const unplaced: string[] = [];
    for (const f of files) {
      const config = (await eslint.calculateConfigForFile(path.join(root, f))) as { rules?: Record<string, unknown> };
      if (!config.rules?.[RESTRICTED]) unplaced.push(f);
    }
    expect(unplaced).toEqual([]);
  });
});
