// Given names and patronymics across Ukrainian, Russian and Latin spellings, resolved to a canonical id.
import { damerauLevenshtein } from './distance';
import { GIVEN_NAME_TABLE, PATRONYMIC_EXTRA } from './givenNamesData';
import { DIMINUTIVE_TABLE } from './diminutivesData';
import { hasCyrillic } from './normalise';
import { skeleton, transliterateUk } from './translit';

export interface GivenNameEntry {
  id: string;
  sex: 'M' | 'F';
  uk: string[];
  ru: string[];
  latin: string[];
}

export interface NameHit {
  id: string;
  /** true when the spelling is a known form, false when it was reached by one typing error or is a diminutive */
  exact: boolean;
  /** a diminutive or colloquial form (Женя, Сашко): every full name it can stand for; id is the first */
  diminutiveOf?: string[];
}

const entries = new Map<string, GivenNameEntry>();
const givenBySkeleton = new Map<string, string>();
const patronymicBySkeleton = new Map<string, string>();
const formSkeletons = new Map<string, string[]>();
// Initial letters per name id and script: 2 = the Ukrainian form's, 1 = another form's.
const cyrInitials = new Map<string, Map<string, number>>();
const latInitials = new Map<string, Map<string, number>>();

function ukPatronymics(name: string): string[] {
  if (/ій$/.test(name)) return [name + 'ович', name.slice(0, -1) + 'ївна'];
  if (/й$/.test(name)) return [name + 'ович', name.slice(0, -1) + 'ївна'];
  if (/ь$/.test(name)) return [name + 'ович', name.slice(0, -1) + 'івна'];
  if (/[оа]$/.test(name)) return [name.slice(0, -1) + 'ович', name.slice(0, -1) + 'івна'];
  if (/я$/.test(name)) return [name.slice(0, -1) + 'ьович', name.slice(0, -1) + 'івна'];
  return [name + 'ович', name + 'івна'];
}

function ruPatronymics(name: string): string[] {
  const n = name.replace(/ё/g, 'е');
  if (/ий$/.test(n)) {
    const stem = n.slice(0, -2);
    return [stem + 'ьевич', stem + 'ьевна', stem + 'иевич', stem + 'иевна'];
  }
  if (/[еа]й$/.test(n)) return [n.slice(0, -1) + 'евич', n.slice(0, -1) + 'евна'];
  if (/ь$/.test(n)) return [n.slice(0, -1) + 'евич', n.slice(0, -1) + 'евна'];
  if (/[ая]$/.test(n)) return [n.slice(0, -1) + 'ич', n.slice(0, -1) + 'ична'];
  return [n + 'ович', n + 'овна'];
}

/** Folds an initial so that letters a writer may swap (І/И, Е/Є, Г/Ґ; Latin I/Y/J, G/H) compare equal. */
export function foldInitial(initial: string): string {
  const ch = initial.trim().charAt(0).toLowerCase();
  if (/[іиїй]/.test(ch)) return 'и';
  if (/[еєэё]/.test(ch)) return 'е';
  if (/[гґ]/.test(ch)) return 'г';
  const lat = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (/[iyj]/.test(lat)) return 'i';
  if (/[gh]/.test(lat)) return 'h';
  return lat;
}

function addInitial(map: Map<string, Map<string, number>>, id: string, form: string, quality: number): void {
  const m = map.get(id) ?? new Map<string, number>();
  const key = foldInitial(form);
  if (key) m.set(key, Math.max(m.get(key) ?? 0, quality));
  map.set(id, m);
}

function addInitials(id: string, uk: string[], ru: string[], latin: string[]): void {
  for (const f of uk) {
    addInitial(cyrInitials, id, f, 2);
    addInitial(latInitials, id, transliterateUk(f), 2);
  }
  for (const f of ru) {
    addInitial(cyrInitials, id, f, 1);
    addInitial(latInitials, id, transliterateUk(f), 1);
    // Russian Е/Ё at the start is written Ye/Yo as often as E.
    if (/^[ЕЁ]/.test(f)) addInitial(latInitials, id, 'Y', 1);
  }
  for (const f of latin) addInitial(latInitials, id, f, 1);
}

for (const line of GIVEN_NAME_TABLE.split('\n')) {
  const parts = line.trim().split('|');
  if (parts.length < 3) continue;
  const [sex, ukRaw, ruRaw, latRaw] = parts as [string, string, string, string | undefined];
  const uk = ukRaw.split(',').filter(Boolean);
  const ru = ruRaw.split(',').filter(Boolean);
  const latin = (latRaw ?? '').split(',').filter(Boolean);
  const id = uk[0] as string;
  const entry: GivenNameEntry = { id, sex: sex === 'F' ? 'F' : 'M', uk, ru, latin };
  entries.set(id, entry);
  const sks = new Set<string>();
  for (const form of [...uk, ...ru, ...latin]) {
    const sk = skeleton(form);
    sks.add(sk);
    if (!givenBySkeleton.has(sk)) givenBySkeleton.set(sk, id);
  }
  addInitials(id, uk, ru, latin);
  formSkeletons.set(id, [...sks]);
  if (entry.sex === 'M') {
    const pats = [...uk.flatMap(ukPatronymics), ...ru.flatMap(ruPatronymics), ...(PATRONYMIC_EXTRA[id] ?? [])];
    for (const p of pats) {
      const sk = skeleton(p);
      if (!patronymicBySkeleton.has(sk)) patronymicBySkeleton.set(sk, id);
    }
  }
}

// Diminutives: skeleton → the full names' ids; a spelling that is a full name stays that name.
const diminutiveBySkeleton = new Map<string, string[]>();
for (const line of DIMINUTIVE_TABLE.split('\n')) {
  const [idsRaw, formsRaw] = line.trim().split('|');
  if (!idsRaw || !formsRaw) continue;
  const ids = idsRaw.split(',').filter((id) => entries.has(id));
  for (const form of formsRaw.split(',')) {
    const sk = skeleton(form);
    if (!sk || givenBySkeleton.has(sk)) continue;
    const list = diminutiveBySkeleton.get(sk) ?? [];
    for (const id of ids) if (!list.includes(id)) list.push(id);
    diminutiveBySkeleton.set(sk, list);
  }
}

const givenSkeletonList = [...givenBySkeleton.keys()];
const patronymicSkeletonList = [...patronymicBySkeleton.keys()];

function fuzzy(sk: string, list: string[], map: Map<string, string>, minLen: number): NameHit | null {
  if (sk.length < minLen) return null;
  let best: string | null = null;
  let bestD = 2;
  let tie = false;
  for (const cand of list) {
    const d = damerauLevenshtein(sk, cand, 1);
    if (d < bestD) {
      bestD = d;
      best = map.get(cand) ?? null;
      tie = false;
    } else if (d === bestD && best !== map.get(cand)) {
      tie = true;
    }
  }
  // An unclear typo (two names equally close) resolves to nothing rather than to a guess.
  return best && !tie && bestD <= 1 ? { id: best, exact: false } : null;
}

const givenCache = new Map<string, NameHit | null>();
const patronymicCache = new Map<string, NameHit | null>();

/** The canonical id of a given name in any script, allowing one typing error for names of 4+ letters. */
export function lookupGivenName(token: string): NameHit | null {
  const sk = skeleton(token);
  const cached = givenCache.get(sk);
  if (cached !== undefined) return cached;
  const id = givenBySkeleton.get(sk);
  const dim = id ? undefined : diminutiveBySkeleton.get(sk);
  const hit = id ? { id, exact: true } : dim ? { id: dim[0] as string, exact: false, diminutiveOf: dim } : fuzzy(sk, givenSkeletonList, givenBySkeleton, 4);
  givenCache.set(sk, hit);
  return hit;
}

/** The canonical id of the father's given name behind a patronymic (Олексійович, Alekseevich → Олексій). */
export function lookupPatronymic(token: string): NameHit | null {
  const sk = skeleton(token);
  const cached = patronymicCache.get(sk);
  if (cached !== undefined) return cached;
  const id = patronymicBySkeleton.get(sk);
  const hit = id ? { id, exact: true } : fuzzy(sk, patronymicSkeletonList, patronymicBySkeleton, 6);
  patronymicCache.set(sk, hit);
  return hit;
}

/** Whether a token has the shape of a patronymic even if the father's name is not in the table. */
export function looksLikePatronymic(token: string): boolean {
  const sk = skeleton(token);
  return sk.length >= 6 && /(oviq|eviq|ivna|ovna|evna|iqna)$/.test(sk);
}

export function givenNameEntry(id: string): GivenNameEntry | undefined {
  return entries.get(id);
}

export function allGivenNames(): GivenNameEntry[] {
  return [...entries.values()];
}

/** Skeletons of every known spelling of a canonical given name. */
export function givenFormSkeletons(id: string): string[] {
  return formSkeletons.get(id) ?? [];
}

/** How well an initial fits a name: 2 the Ukrainian form's initial, 1 another form's (А. for Олексій), 0 not at all. */
export function initialFits(initial: string, id: string): number {
  const map = hasCyrillic(initial) ? cyrInitials : latInitials;
  return map.get(id)?.get(foldInitial(initial)) ?? 0;
}
