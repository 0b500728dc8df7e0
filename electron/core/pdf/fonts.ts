// The embedded font: Noto Sans (OFL), covering Ukrainian, shipped with the app — never a system font.
import fs from 'node:fs';
import path from 'node:path';
import { ObminError } from '../../../shared/errors';

export const FONT_FILES = { normal: 'NotoSans-Regular.ttf', bold: 'NotoSans-Bold.ttf' } as const;

/**
 * Where the TTFs are: $OBMIN_FONTS_DIR, then dist/fonts beside the bundle (copied by build/esbuild.mjs; outside the
 * asar archive when packaged), then the source tree's renderer/src/assets/fonts (tests, benchmarks).
 */
export function fontCandidates(baseDir: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const out: string[] = [];
  if (env.OBMIN_FONTS_DIR) out.push(env.OBMIN_FONTS_DIR);
  let dir = baseDir.replace(/\.asar([\\/]|$)/, '.asar.unpacked$1');
  for (let i = 0; i < 6; i++) {
    out.push(path.join(dir, 'fonts'), path.join(dir, 'dist', 'fonts'), path.join(dir, 'renderer', 'src', 'assets', 'fonts'));
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return out;
}

let cached: { normal: Buffer; bold: Buffer } | null = null;

export function loadFonts(baseDir: string = __dirname): { normal: Buffer; bold: Buffer } {
  if (cached) return cached;
  for (const dir of fontCandidates(baseDir)) {
    const normal = path.join(dir, FONT_FILES.normal);
    const bold = path.join(dir, FONT_FILES.bold);
    if (fs.existsSync(normal) && fs.existsSync(bold)) {
      cached = { normal: fs.readFileSync(normal), bold: fs.readFileSync(bold) };
      return cached;
    }
  }
  throw new ObminError('IO', { file: FONT_FILES.normal });
}
