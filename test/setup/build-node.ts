// Bundles the Node entry points once before the unit project runs: the shipped CLI (bin/obmin.cjs) and its test build.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function setup(): void {
  execFileSync(process.execPath, [path.resolve(__dirname, '../../build/esbuild.mjs'), '--test'], { stdio: 'inherit' });
}
