// Register-specific steps for the e2e specs: seeding through the core's import path, CSV files, in-page timing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Core } from '../../electron/core';
import { FACILITIES, FEMALE, MALE, PATRONYMIC_STEMS, PLACES, RANKS, SURNAMES, patronymic } from '../../electron/core/demo/names';
import { applyImport, previewImport } from '../../electron/core/register/import';
import { transliterateUk } from '../../shared/names/translit';
import { mulberry32 } from '../../shared/random';

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'obmin-e2e-register-'));
}

export function writeCsv(dir: string, name: string, lines: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

const STATUSES = ['missing', 'missing', 'captivity_suspected', 'captivity_confirmed', 'captivity_confirmed', 'on_exchange_list', 'released', 'deceased'];
const ICRC = ['unknown', 'not_registered', 'registered', 'visited'];

/** n fictional people as the import reads them: varied status, capture date, facility, ICRC status and wounds. */
export function peopleCsv(n: number, seed = 11): string[] {
  const r = mulberry32(seed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;
  const pad = (x: number) => String(x).padStart(2, '0');
  const lines = [
    'ref,surname,given_name,patronymic,surname_latin,given_name_latin,date_of_birth,sex,side,category,rank,status,capture_date,capture_place,facility,icrc_status,seriously_wounded',
  ];
  for (let i = 0; i < n; i++) {
    const female = r() < 0.1;
    const surname = pick(SURNAMES);
    const given = pick(female ? FEMALE : MALE);
    const military = r() < 0.7;
    const captured = `${2022 + Math.floor(r() * 4)}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`;
    const dob = `${1960 + Math.floor(r() * 45)}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`;
    lines.push(
      [
        `S${String(i).padStart(7, '0')}`,
        surname,
        given,
        patronymic(pick(PATRONYMIC_STEMS), female),
        transliterateUk(surname),
        transliterateUk(given),
        dob,
        female ? 'F' : 'M',
        'ours',
        military ? 'military' : 'civilian',
        military ? pick(RANKS) : '',
        pick(STATUSES),
        captured,
        pick(PLACES),
        pick(FACILITIES),
        pick(ICRC),
        r() < 0.06 ? 'true' : 'false',
      ].join(','),
    );
  }
  return lines;
}

/** Seeds the open vault through the core's own import (preview + all-or-nothing apply), as the CLI does. */
export async function seedPersons(core: Core, n: number): Promise<{ ms: number; count: number }> {
  const dir = tempDir();
  try {
    const file = writeCsv(dir, 'seed.csv', peopleCsv(n));
    const s = core.require('register.import');
    const t0 = performance.now();
    const preview = await previewImport(s.db, { path: file });
    if (preview.invalid) throw new Error(`seed rows invalid: ${JSON.stringify(preview.errors.slice(0, 3))}`);
    await applyImport(s.db, s.operator.id, { token: preview.token, skipInvalid: false });
    return { ms: Math.round(performance.now() - t0), count: preview.total };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Clicks the register's nav item and resolves, in page time, when a row with data is in the DOM and painted
 * (checked on each animation frame, so the figure includes layout and paint, not only the fetch).
 */
export function timeFirstRows(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const t0 = performance.now();
        document.querySelector<HTMLElement>('[data-area="register"]')!.click();
        const check = () => (document.querySelector('.reg-row[data-person]') ? resolve(performance.now() - t0) : requestAnimationFrame(check));
        requestAnimationFrame(check);
      }),
  );
}

/** Jumps the grid to a scroll position and times until the row at that index shows data. */
export function timeJump(page: Page, fraction: number): Promise<{ ms: number; index: number }> {
  return page.evaluate(
    (f) =>
      new Promise<{ ms: number; index: number }>((resolve) => {
        const grid = document.querySelector<HTMLElement>('[data-testid="register-grid"]')!;
        const t0 = performance.now();
        grid.scrollTop = Math.round((grid.scrollHeight - grid.clientHeight) * f);
        const check = () => {
          const rows = [...grid.querySelectorAll<HTMLElement>('.reg-row')];
          const top = grid.scrollTop;
          // the first row whose box is inside the viewport, below the sticky header
          const seen = rows.find((r) => r.offsetTop + (new DOMMatrix(getComputedStyle(r).transform).m42 ?? 0) >= top);
          if (seen?.dataset.person) resolve({ ms: performance.now() - t0, index: Number(seen.id.replace('reg-row-', '')) });
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    fraction,
  );
}

/** Scrolls the grid steadily (px per frame) for a number of frames; reports frame intervals and frames with unloaded rows. */
export function measureSmoothScroll(
  page: Page,
  pxPerFrame: number,
  frames: number,
): Promise<{ frames: number; p50FrameMs: number; p95FrameMs: number; maxFrameMs: number; framesWithPlaceholders: number }> {
  return page.evaluate(
    ([px, n]) =>
      new Promise((resolve) => {
        const grid = document.querySelector<HTMLElement>('[data-testid="register-grid"]')!;
        const gaps: number[] = [];
        let last = performance.now();
        let blank = 0;
        let i = 0;
        const step = () => {
          const now = performance.now();
          gaps.push(now - last);
          last = now;
          if (grid.querySelector('.reg-loading')) blank++;
          grid.scrollTop += px;
          if (++i < n) requestAnimationFrame(step);
          else {
            const s = gaps.slice(1).sort((a, b) => a - b);
            const q = (p: number) => +s[Math.min(s.length - 1, Math.floor(p * s.length))]!.toFixed(1);
            resolve({ frames: n, p50FrameMs: q(0.5), p95FrameMs: q(0.95), maxFrameMs: +s[s.length - 1]!.toFixed(1), framesWithPlaceholders: blank });
          }
        };
        requestAnimationFrame(step);
      }),
    [pxPerFrame, frames] as const,
  );
}
