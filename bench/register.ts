// Register figures: import of 100 000 generated fictional people, and search latency at that size against a
// full-scan baseline. Goals: import ≤ 30 s; search p95 ≤ 50 ms.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../electron/core';
import { applyImport, previewImport } from '../electron/core/register/import';
import { searchPersons } from '../electron/core/register/search';
import { plainForm, surnameKey } from '../shared/names';
import { FEMALE, MALE, PATRONYMIC_STEMS, SURNAMES, patronymic } from '../electron/core/demo/names';
import { mulberry32 } from '../shared/random';
import { pick, type BenchMeta } from './lib/report';

const N = Number(process.env.BENCH_REGISTER_N ?? 100_000);
const PASS = 'вишня-гора-мідний-ліхтар-42';

/** Fictional surnames beyond the demo list: stems × endings, so a surname is shared by tens, not thousands. */
function surnames(): string[] {
  const stems = [
    'Коваль',
    'Шевч',
    'Бондар',
    'Ткач',
    'Кравч',
    'Мельн',
    'Лис',
    'Руд',
    'Сав',
    'Петр',
    'Марч',
    'Клим',
    'Павл',
    'Гонч',
    'Левч',
    'Гнат',
    'Ярош',
    'Литв',
    'Сид',
    'Харч',
    'Зайч',
    'Дяч',
    'Кост',
    'Голов',
    'Кузьм',
    'Прих',
    'Панч',
    'Остап',
    'Тимош',
    'Захарч',
    'Біл',
    'Гребен',
    'Семен',
    'Онищ',
    'Фед',
    'Стец',
    'Мартин',
    'Гриц',
    'Пилип',
    'Дорош',
  ];
  const ends = ['енко', 'ук', 'юк', 'ишин', 'ів', 'ович', 'ак', 'ій', 'ач', 'ець', 'ун', 'ан', 'ко', 'ичук', 'ович-Ярий', 'ан-Сірий'];
  return [...SURNAMES, ...stems.flatMap((s) => ends.map((e) => s + e))];
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

export async function run(): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obmin-bench-register-'));
  const r = mulberry32(7);
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;
  const names = surnames();
  const lines = ['ref,surname,given_name,patronymic,date_of_birth,sex,side,category,unit'];
  for (let i = 0; i < N; i++) {
    const dob = `${1960 + Math.floor(r() * 45)}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
    lines.push(
      `B${String(i).padStart(7, '0')},${pick(names)},${pick(r() < 0.1 ? FEMALE : MALE)},${patronymic(pick(PATRONYMIC_STEMS), false)},${dob},M,ours,military,А${1000 + Math.floor(r() * 8999)}`,
    );
  }
  const csv = path.join(dir, 'people.csv');
  fs.writeFileSync(csv, lines.join('\n'));

  const core = createCore({ dataDir: path.join(dir, 'v'), kdf: { memoryKiB: 8192, iterations: 1, parallelism: 1 } });
  await core.init({ siteCode: 'BENCH-HQ', siteName: 'Вигаданий штаб', operator: 'Вигаданий Оператор', passphrase: PASS });
  const s = core.require();
  const t0 = performance.now();
  const preview = await previewImport(s.db, { path: csv });
  const t1 = performance.now();
  await applyImport(s.db, s.operator.id, { token: preview.token, skipInvalid: false });
  const t2 = performance.now();

  // Queries: a registered person's name in Cyrillic, Latin and Russian-ish forms, as operators type them.
  const sample = s.db.prepare('SELECT surname, given_name FROM persons ORDER BY random() LIMIT 200').all() as { surname: string; given_name: string }[];
  const queries = sample.flatMap((p) => [`${p.surname} ${p.given_name}`, `${p.given_name} ${p.surname}`]);
  const lat: number[] = [];
  for (const q of queries) {
    const a = performance.now();
    searchPersons(s.db, { query: q, filters: {}, offset: 0, limit: 50 });
    lat.push(performance.now() - a);
  }
  // Baseline: what a search without the index must do — read every person and compare name keys in JS.
  const all = s.db.prepare('SELECT id, surname FROM persons WHERE deleted = 0');
  const scan: number[] = [];
  for (const q of queries.slice(0, 20)) {
    const a = performance.now();
    const want = new Set(q.split(' ').map((w) => surnameKey(plainForm(w))));
    let hits = 0;
    for (const row of all.iterate() as IterableIterator<{ surname: string }>) if (want.has(surnameKey(row.surname))) hits++;
    void hits;
    scan.push(performance.now() - a);
  }
  const result = {
    persons: core.countPersons(),
    importPreviewMs: Math.round(t1 - t0),
    importApplyMs: Math.round(t2 - t1),
    importTotalMs: Math.round(t2 - t0),
    searchP50Ms: +percentile(lat, 50).toFixed(2),
    searchP95Ms: +percentile(lat, 95).toFixed(2),
    fullScanP50Ms: +percentile(scan, 50).toFixed(2),
    fullScanToIndexRatioP50: +(percentile(scan, 50) / percentile(lat, 50)).toFixed(1),
    dbBytes: 0,
  };
  const db = core.paths.db;
  core.close();
  // Measured after closing: the last connection checkpoints the WAL into the file and removes it.
  result.dbBytes = fs.statSync(db).size + (fs.existsSync(`${db}-wal`) ? fs.statSync(`${db}-wal`).size : 0);
  fs.rmSync(dir, { recursive: true, force: true });
  return result;
}

export const report: BenchMeta = {
  title: 'Register',
  about:
    'N generated fictional people (`BENCH_REGISTER_N`, default 100 000) imported from one CSV into the encrypted register (preview + apply, one transaction), then 400 name searches at that size; the baseline reads every person and compares name keys in JS.',
  figures: (f) => [
    { id: 'persons', label: 'people in the register', value: pick(f, 'persons'), unit: '' },
    {
      id: 'import',
      label: 'import, preview + apply',
      value: f.importTotalMs === undefined ? null : f.importTotalMs / 1000,
      unit: 's',
      goal: { op: '<=', value: 30 },
    },
    { id: 'search_p50', label: 'search p50', value: pick(f, 'searchP50Ms'), unit: 'ms', baseline: { label: 'full scan', value: f.fullScanP50Ms ?? 0 } },
    { id: 'search_p95', label: 'search p95', value: pick(f, 'searchP95Ms'), unit: 'ms', goal: { op: '<=', value: 50 } },
    { id: 'db_size', label: 'database file after closing', value: f.dbBytes === undefined ? null : f.dbBytes / 1048576, unit: 'MiB' },
  ],
};
