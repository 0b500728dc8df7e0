// The CLI tests run the real `bin/obmin.cjs`; bundle the Node entry points once before the unit project runs.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function setup(): void {
  execFileSync(process.execPath, [path.resolve(__dirname, '../../build/esbuild.mjs')], { stdio: 'inherit' });
}
