// The layer rule is enforced by lint, not memory: prove that a crossing import fails and a legal one passes.
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
    ).toContain('no-restricted-imports');
    expect(await ruleIds('electron/core/db/y.ts', "import { appendAudit } from '../audit/audit';\nexport const y = appendAudit;\n")).toEqual([]);
  });
  it('main may use core and shared', async () => {
    expect(
      await ruleIds(
        'electron/main/y.ts',
        "import { createCore } from '../core';\nimport { CHANNELS } from '../../shared/ipc/contract';\nexport const y = [createCore, CHANNELS];\n",
      ),
    ).toEqual([]);
  });
});
