// The maps in docs/ stay true: every area folder of the window is described in docs/ui.md.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

describe('docs/ui.md', () => {
  it('describes every folder of renderer/src/areas', () => {
    const doc = fs.readFileSync(path.join(root, 'docs/ui.md'), 'utf8');
    const areas = fs.readdirSync(path.join(root, 'renderer/src/areas'), { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(areas.length).toBeGreaterThan(5);
    expect(areas.map((d) => d.name).filter((name) => !doc.includes(`areas/${name}/`))).toEqual([]);
  });
});
